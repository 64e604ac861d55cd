import Foundation
import Testing

/// The interactive shell, run on a pseudo-terminal through util-linux `script`.
@Suite struct CLIInteractiveTests {
    static let scriptTool = "/usr/bin/script"

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: scriptTool)))
    func statementsSpanLinesAndErrorsDoNotEndTheShell() throws {
        let p = try PintailProcess()
        defer { p.cleanUp() }
        let input = "SELECT 'a;b' AS s\n, 2 AS n;\nSELECT nope;\nSELECT 3 AS c; quit\nexit\n"
        // --foreground keeps the shell in the terminal's foreground process group; without it a shell started
        // by `script` through /bin/sh (no SHELL in the environment, as in CI) stops on its first read.
        let command = "timeout --foreground 20 " + PintailProcess.binary.path
        let outcome = try PintailProcess.launch(
            Self.scriptTool, ["-qec", command, "/dev/null"], input: input, environment: ["PINTAIL_HOME": p.home.path])
        let screen = outcome.out.replacingOccurrences(of: "\r", with: "")
        #expect(outcome.status == 0)
        #expect(screen.contains("pintail> SELECT 'a;b' AS s\n      -> , 2 AS n;\n"))
        #expect(screen.contains(" a;b | 2\n"))
        #expect(screen.contains("line 1:8: "))
        #expect(screen.contains(" c\n---\n 3\n"))
        let history = try String(contentsOf: p.home.appendingPathComponent("history"), encoding: .utf8)
        #expect(history.contains("SELECT\\040nope;"))
    }
}
