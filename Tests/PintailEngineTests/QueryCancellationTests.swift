import Foundation
import Testing

/// Ctrl-C during a long query without model functions: the join loop reaches a cancellation point and the
/// statement ends with "Query cancelled" (status 1) instead of the program being killed.
struct QueryCancellationTests {
    @Test func sigintCancelsALongJoin() throws {
        let cli = try PintailProcess()
        defer { cli.cleanUp() }
        // 100,000 rows joined with themselves on a key with ten values: 10^9 output rows, far longer than the test.
        let folder = cli.home.appendingPathComponent("rows")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let lines = (0..<100_000).map { "\($0 % 10)\t\($0)" }
        try lines.joined(separator: "\n").write(to: folder.appendingPathComponent("r.tsv"), atomically: true, encoding: .utf8)
        let sql = """
            CREATE EXTERNAL TABLE r (k int, v int) ROW FORMAT DELIMITED FIELDS TERMINATED BY '\\t' LOCATION '\(folder.path)';
            SELECT 'started' AS s;
            SELECT count(*) FROM r a JOIN r b ON a.k = b.k;
            """
        let process = Process()
        process.executableURL = PintailProcess.binary
        process.arguments = ["-c", sql, "--format", "csv"]
        process.environment = ProcessInfo.processInfo.environment.merging(["PINTAIL_HOME": cli.home.path]) { _, new in new }
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // The first result is flushed when it is printed: from then on the script runs under the handler.
        var out = Data()
        while !String(decoding: out, as: UTF8.self).contains("started") {
            let chunk = stdout.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            out.append(chunk)
        }
        try #require(String(decoding: out, as: UTF8.self).contains("started"))
        usleep(300_000)
        let interrupted = Date()
        process.interrupt()
        // Should the statement not stop, end it after 30 s so that the test fails instead of hanging.
        DispatchQueue.global().asyncAfter(deadline: .now() + 30) { if process.isRunning { process.terminate() } }
        let err = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 1)
        #expect(err.contains("Query cancelled"), "\(err)")
        #expect(Date().timeIntervalSince(interrupted) < 30)
    }
}
