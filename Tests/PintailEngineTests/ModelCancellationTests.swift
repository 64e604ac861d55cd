import Foundation
import Testing

/// Ctrl-C during a long model query: the statement ends with "Query cancelled" instead of the program being
/// killed, and progress goes to standard error while the model runs.
struct ModelCancellationTests {
    @Test func sigintCancelsARunningModelQuery() throws {
        let cli = try PintailProcess()
        defer { cli.cleanUp() }
        // The tiny random BERT classification checkpoint as a user's endpoint (no fetched weights needed) over
        // 200,000 distinct one-line texts, so the query is still running when the interrupt comes.
        let folder = cli.home.appendingPathComponent("texts")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let lines = (0..<200_000).map { "review number \($0) was \($0 % 2 == 0 ? "great" : "awful")" }
        try lines.joined(separator: "\n").write(to: folder.appendingPathComponent("t.tsv"), atomically: true, encoding: .utf8)
        let tiny = SQLLogicRunner.testsFolder + "/../../Datasets/models/fixtures/tiny-bert"
        let sql = """
            CREATE EXTERNAL TABLE texts (body string) LOCATION '\(folder.path)';
            CREATE ENDPOINT tiny WITH (path = '\(tiny)');
            USING EXTERNAL FUNCTION s(t VARCHAR) RETURNS VARCHAR SAGEMAKER 'tiny'
            SELECT s(body), count(*) FROM texts GROUP BY 1;
            """
        let process = Process()
        process.executableURL = PintailProcess.binary
        process.arguments = ["-c", sql]
        process.environment = ProcessInfo.processInfo.environment.merging(
            ["PINTAIL_HOME": cli.home.path, "PINTAIL_PROGRESS": "1"]) { _, new in new }
        let stderr = Pipe()
        process.standardError = stderr
        process.standardOutput = Pipe()
        try process.run()
        // Wait for the first progress line, so the statement (and its handler) is surely running.
        var err = Data()
        let started = Date()
        while !String(decoding: err, as: UTF8.self).contains("model: scored"), Date().timeIntervalSince(started) < 60 {
            let chunk = stderr.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            err.append(chunk)
        }
        if !String(decoding: err, as: UTF8.self).contains("texts/s"), process.isRunning { process.terminate() }
        try #require(String(decoding: err, as: UTF8.self).contains("texts/s"), "no progress: \(String(decoding: err, as: UTF8.self))")
        let interrupted = Date()
        process.interrupt()
        err.append(stderr.fileHandleForReading.readDataToEndOfFile())
        process.waitUntilExit()
        let text = String(decoding: err, as: UTF8.self)
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 1)
        #expect(text.contains("Query cancelled"))
        #expect(Date().timeIntervalSince(interrupted) < 30)
    }
}
