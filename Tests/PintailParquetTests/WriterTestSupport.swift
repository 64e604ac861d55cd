import Foundation

/// Paths and the Python bridge the writer tests use (pyarrow and DuckDB in `<repo>/.venv`).
enum WriterTestSupport {
    static let repoRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static var python: String { repoRoot.appendingPathComponent(".venv/bin/python").path }

    /// A fresh temporary folder for one test.
    static func temporaryFolder(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("pintail-writer-\(name)-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Creates the venv when it is missing (Scripts/datagen/ensure-venv.sh is idempotent).
    static func ensureVenv() throws {
        _ = try run("/bin/sh", [repoRoot.appendingPathComponent("Scripts/datagen/ensure-venv.sh").path])
    }

    /// Runs a Python script of Scripts/datagen with the venv's interpreter and returns its parsed JSON output.
    static func pythonJSON(_ script: String, _ arguments: [String]) throws -> Any {
        try ensureVenv()
        let out = try run(python, [repoRoot.appendingPathComponent("Scripts/datagen/\(script)").path] + arguments)
        return try JSONSerialization.jsonObject(with: out)
    }

    struct CommandFailed: Error, CustomStringConvertible {
        var description: String
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CommandFailed(description: "\(executable) \(arguments.joined(separator: " ")) failed: "
                                + String(decoding: err, as: UTF8.self))
        }
        return out
    }
}
