import Foundation
import Testing

/// Ctrl-C in the interactive shell while a model query runs: the query ends with "Query cancelled" and the shell
/// goes on to the next statement. The shell runs on a pseudo-terminal through util-linux `script`; the ^C byte
/// typed into the terminal becomes SIGINT, as at a keyboard.
@Suite struct ModelCancellationShellTests {
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: CLIInteractiveTests.scriptTool)))
    func ctrlCCancelsTheStatementNotTheShell() throws {
        let cli = try PintailProcess()
        defer { cli.cleanUp() }
        let folder = cli.home.appendingPathComponent("texts")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let lines = (0..<200_000).map { "review number \($0) was \($0 % 2 == 0 ? "great" : "awful")" }
        try lines.joined(separator: "\n").write(to: folder.appendingPathComponent("t.tsv"), atomically: true, encoding: .utf8)
        let tiny = SQLLogicRunner.testsFolder + "/../../Datasets/models/fixtures/tiny-bert"

        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLIInteractiveTests.scriptTool)
        // No `timeout` in between: it would forward the terminal's SIGINT to the shell a second time (and a second
        // Ctrl-C quits); the watchdog below ends a shell that hangs instead.
        process.arguments = ["-qec", "exec " + PintailProcess.binary.path, "/dev/null"]
        process.environment = ProcessInfo.processInfo.environment.merging(["PINTAIL_HOME": cli.home.path]) { _, new in new }
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        DispatchQueue.global().asyncAfter(deadline: .now() + 120) { if process.isRunning { process.terminate() } }
        func type(_ text: String) { input.fileHandleForWriting.write(Data(text.utf8)) }
        var screen = Data()
        func waitFor(_ text: String) -> Bool {
            let start = Date()
            while !String(decoding: screen, as: UTF8.self).contains(text), Date().timeIntervalSince(start) < 40 {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { return false }
                screen.append(chunk)
            }
            return String(decoding: screen, as: UTF8.self).contains(text)
        }
        type("CREATE EXTERNAL TABLE texts (body string) LOCATION '\(folder.path)';\n")
        type("CREATE ENDPOINT tiny WITH (path = '\(tiny)');\n")
        type("USING EXTERNAL FUNCTION s(t VARCHAR) RETURNS VARCHAR SAGEMAKER 'tiny' SELECT s(body), count(*) FROM texts GROUP BY 1;\n")
        let running = waitFor("model: scored")
        if !running, process.isRunning { process.terminate() }
        try #require(running, "no progress line: \(String(decoding: screen, as: UTF8.self))")
        type("\u{03}")
        #expect(waitFor("Query cancelled"))
        type("SELECT 6 * 7 AS answer;\nquit\n")
        try input.fileHandleForWriting.close()
        screen.append(output.fileHandleForReading.readDataToEndOfFile())
        process.waitUntilExit()
        let text = String(decoding: screen, as: UTF8.self).replacingOccurrences(of: "\r", with: "")
        #expect(text.contains(" 42\n"), "the shell did not go on: \(text.suffix(400))")
        #expect(process.terminationStatus == 0)
    }
}
