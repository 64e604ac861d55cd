import Testing

@testable import PintailCLI

@Suite struct CommandLineOptionsTests {
    private func options(_ arguments: [String]) throws -> CommandLineOptions {
        guard case .run(let options) = try CommandLineOptions.parse(arguments) else {
            Issue.record("expected a run request")
            return CommandLineOptions()
        }
        return options
    }

    @Test func defaults() throws {
        let o = try options([])
        #expect(o.sources.isEmpty)
        #expect(o.print == PrintSettings(format: .table, header: true, footer: true, maxCellWidth: 100))
        #expect(o.database == "default")
        #expect(o.catalog == nil)
        #expect(o.threads == nil)
    }

    @Test func everyOption() throws {
        let o = try options([
            "-c", "SELECT 1", "--file=q.sql", "--format", "CSV", "--no-header", "-q", "-d", "dsoaws", "--catalog",
            "/tmp/h", "--threads", "4", "--max-width=0", "-f", "-",
        ])
        #expect(o.sources == [.command("SELECT 1"), .file("q.sql"), .file("-")])
        #expect(o.print == PrintSettings(format: .csv, header: false, footer: false, maxCellWidth: 0))
        #expect(o.database == "dsoaws")
        #expect(o.catalog == "/tmp/h")
        #expect(o.threads == 4)
    }

    @Test func helpAndVersion() throws {
        #expect(try CommandLineOptions.parse(["--help"]) == .help)
        #expect(try CommandLineOptions.parse(["-c", "x", "-h"]) == .help)
        #expect(try CommandLineOptions.parse(["--version"]) == .version)
    }

    @Test(arguments: [
        (["--bogus"], "unknown option '--bogus'"),
        (["-c"], "option -c needs a value"),
        (["--format", "xml"], "unknown output format 'xml' (choose one of table, csv, tsv, json, markdown)"),
        (["--threads", "0"], "option --threads needs a positive whole number, got '0'"),
        (["--threads=many"], "option --threads needs a positive whole number, got 'many'"),
        (["--max-width", "-1"], "option --max-width needs a non-negative whole number, got '-1'"),
        (["select", "1"], "unexpected argument 'select' (use -c to run SQL or -f to run a file)"),
        (["--database="], "option --database needs a database name"),
        (["--wat=1"], "unknown option '--wat'"),
    ])
    func usageErrors(arguments: [String], message: String) {
        #expect(throws: UsageError(message)) { try CommandLineOptions.parse(arguments) }
    }
}
