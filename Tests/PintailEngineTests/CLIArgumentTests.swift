import Foundation
import Testing

/// The pintail binary's handling of its command line: help, version, usage errors and their exit statuses.
@Suite struct CLIArgumentTests {
    @Test func binaryExists() {
        #expect(FileManager.default.isExecutableFile(atPath: PintailProcess.binary.path), "build the pintail product")
    }

    @Test func helpAndVersionExitZero() throws {
        let p = try PintailProcess()
        defer { p.cleanUp() }
        let help = try p.run(["--help"])
        #expect(help.status == 0)
        #expect(help.out.hasPrefix("Usage: pintail"))
        #expect(help.out.contains("--format FORMAT"))
        let version = try p.run(["--version"])
        #expect(version.status == 0)
        #expect(version.out.hasPrefix("pintail "))
    }

    @Test(arguments: [
        (["--bogus"], "pintail: unknown option '--bogus'"),
        (["--format", "xml", "-c", "SELECT 1"], "pintail: unknown output format 'xml'"),
        (["-c"], "pintail: option -c needs a value"),
        (["--threads", "zero"], "pintail: option --threads needs a positive whole number"),
        (["SELECT 1"], "pintail: unexpected argument 'SELECT 1'"),
        (["-f", "/nonexistent/query.sql"], "pintail: cannot read '/nonexistent/query.sql'"),
    ])
    func usageErrorsExitTwo(arguments: [String], message: String) throws {
        let p = try PintailProcess()
        defer { p.cleanUp() }
        let outcome = try p.run(arguments)
        #expect(outcome.status == 2)
        #expect(outcome.out == "")
        #expect(outcome.err.hasPrefix(message))
    }

    @Test func aMissingSecondFileStopsBeforeAnythingRuns() throws {
        let p = try PintailProcess()
        defer { p.cleanUp() }
        let outcome = try p.run(["-c", "CREATE DATABASE should_not_exist", "-f", "/nonexistent.sql"])
        #expect(outcome.status == 2)
        let databases = try p.run(["--format", "csv", "-c", "SHOW DATABASES"])
        #expect(!databases.out.contains("should_not_exist"))
    }

    @Test func blankInputSucceedsQuietly() throws {
        let p = try PintailProcess()
        defer { p.cleanUp() }
        let outcome = try p.run([], input: "  -- only a comment\n")
        #expect(outcome.status == 0)
        #expect(outcome.out == "")
        #expect(outcome.err == "")
    }
}
