import Foundation
import Testing

/// Runs the built `pintail` binary as a subprocess with its own temporary PINTAIL_HOME.
struct PintailProcess {
    struct Outcome {
        var status: Int32
        var out: String
        var err: String
    }

    /// The binary sits beside the test bundle in the build folder (`swift test` builds every product).
    static let binary: URL = {
        let me = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let fallback = URL(fileURLWithPath: CommandLine.arguments.first ?? ".")
        let folder = (FileManager.default.fileExists(atPath: me.path) ? me : fallback).deletingLastPathComponent()
        return folder.appendingPathComponent("pintail")
    }()

    let home: URL

    init() throws {
        home = FileManager.default.temporaryDirectory.appendingPathComponent("pintail-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    }

    func cleanUp() { try? FileManager.default.removeItem(at: home) }

    /// Runs `pintail arguments` with `input` on standard input (a pipe, so never the interactive shell).
    func run(_ arguments: [String], input: String = "", environment: [String: String] = [:]) throws -> Outcome {
        try Self.launch(Self.binary.path, arguments, input: input, environment: environment.merging(
            ["PINTAIL_HOME": home.path]) { mine, _ in mine })
    }

    static func launch(_ path: String, _ arguments: [String], input: String, environment: [String: String]) throws
        -> Outcome
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        // Read both pipes to the end before waiting, so a large output cannot block the child.
        let errorData = LockedData()
        let errorReader = Thread { errorData.set(stderr.fileHandleForReading.readDataToEndOfFile()) }
        errorReader.start()
        let outData = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errorData.isSet { usleep(1000) }
        return Outcome(
            status: process.terminationStatus, out: String(decoding: outData, as: UTF8.self),
            err: String(decoding: errorData.value, as: UTF8.self))
    }
}

/// Data handed from the stderr reader thread.
final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data?
    func set(_ value: Data) { lock.withLock { data = value } }
    var isSet: Bool { lock.withLock { data != nil } }
    var value: Data { lock.withLock { data ?? Data() } }
}

/// `(1 row in 0.01 s, 0 B scanned)` with any time and size.
func isFooter(_ line: Substring, rows: Int) -> Bool {
    let prefix = "(\(rows) \(rows == 1 ? "row" : "rows") in "
    return line.hasPrefix(prefix) && line.hasSuffix(" scanned)") && line.contains(" s, ")
}
