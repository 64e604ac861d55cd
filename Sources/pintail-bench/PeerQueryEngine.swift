import Foundation

/// DuckDB or DataFusion behind Scripts/bench/peer_driver.py: one long-lived Python process per engine (so start-up
/// is paid once and each engine's memory is its own), one JSON line per request and per answer.
final class PeerQueryEngine: QueryEngine {
    let name: EngineName
    private(set) var version = "?"
    private let process = Process()
    private let input: FileHandle
    private let output: LineReader
    private var lastPeakKB = 0
    private var dead: String?

    /// The driver's answer to one request.
    private struct Answer: Decodable {
        var ready: Bool?
        var version: String?
        var ok: Bool?
        var error: String?
        var seconds: Double?
        var rows: Int?
        var columns: [String]?
        var data: [[ResultCell]]?
        var peak_rss_kb: Int?
        var run_peak_rss_kb: Int?
    }

    /// Starts the driver and waits until it has registered the lake (`layout`: the driver's `reviews` or
    /// `partitions`); throws with the driver's reason otherwise.
    init(_ name: EngineName, python: String, driver: String, lake: String, layout: String = "reviews") throws {
        self.name = name
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [driver, name.rawValue, lake, layout]
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        input = stdin.fileHandleForWriting
        output = LineReader(stdout.fileHandleForReading)
        try process.run()
        guard let line = output.nextLine(),
              let hello = try? JSONDecoder().decode(Answer.self, from: Data(line.utf8)) else {
            throw BenchError("\(name.rawValue) driver exited before it was ready")
        }
        guard hello.ready == true else { throw BenchError("\(name.rawValue): \(hello.error ?? "not ready")") }
        version = hello.version ?? "?"
    }

    deinit {
        try? input.close()
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }

    func run(_ query: BenchQuery) -> EngineRun {
        if let dead { return .failed(dead) }
        let request: [String: Any] = ["sql": query.sql(for: name), "max_rows": ResultSet.maxKeptRows]
        guard let body = try? JSONSerialization.data(withJSONObject: request) else { return .failed("bad request") }
        do {
            try input.write(contentsOf: body + Data("\n".utf8))
        } catch {
            dead = "\(name.rawValue) driver is gone: \(error)"
            return .failed(dead ?? "")
        }
        guard let line = output.nextLine() else {
            dead = "\(name.rawValue) driver stopped answering"
            return .failed(dead ?? "")
        }
        let answer: Answer
        do {
            answer = try JSONDecoder().decode(Answer.self, from: Data(line.utf8))
        } catch {
            return .failed("unreadable answer from the \(name.rawValue) driver: \(error)")
        }
        lastPeakKB = max(lastPeakKB, answer.peak_rss_kb ?? 0, answer.run_peak_rss_kb ?? 0)
        guard answer.ok == true else { return .unsupported(answer.error ?? "error", seconds: answer.seconds ?? 0) }
        let result = ResultSet(columns: answer.columns ?? [], rowCount: answer.rows ?? 0, rows: answer.data)
        return EngineRun(status: .ok, seconds: answer.seconds ?? 0, result: result, error: nil,
                         peakKB: answer.run_peak_rss_kb ?? 0)
    }

    func lifetimePeakKB() -> Int { lastPeakKB }
}

/// Reads a pipe line by line.
final class LineReader {
    private let handle: FileHandle
    private var buffer = Data()

    init(_ handle: FileHandle) { self.handle = handle }

    /// The next line without its newline; nil at the end of the stream.
    func nextLine() -> String? {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = buffer[buffer.startIndex..<newline]
                buffer.removeSubrange(buffer.startIndex...newline)
                return String(decoding: line, as: UTF8.self)
            }
            let chunk = handle.availableData
            if chunk.isEmpty { return nil }
            buffer.append(chunk)
        }
    }
}

/// An error of the benchmark itself (missing lake, missing tools), printed as is.
struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
