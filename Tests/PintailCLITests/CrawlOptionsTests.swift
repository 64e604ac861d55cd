import Testing
@testable import PintailCLI

/// `pintail crawl FOLDER ...` argument parsing.
@Suite struct CrawlOptionsTests {
    @Test func parsesFolderAndOptions() throws {
        var expected = CrawlOptions()
        expected.folder = "/lake"
        expected.database = "reviews"
        expected.prefix = "ar_"
        expected.every = 60
        expected.logSchemaChanges = true
        expected.catalog = "/tmp/c"
        let parsed = try CommandLineOptions.parse(["crawl", "--database", "reviews", "/lake", "--prefix", "ar_",
                                                   "--every", "60", "--on-schema-change", "log", "--catalog", "/tmp/c"])
        #expect(parsed == .crawl(expected))
        var plain = CrawlOptions()
        plain.folder = "lake"
        #expect(try CommandLineOptions.parse(["crawl", "lake"]) == .crawl(plain))
    }

    @Test(arguments: [
        (["crawl"], "crawl needs a folder: pintail crawl FOLDER"),
        (["crawl", "a", "b"], "crawl takes one folder; 'b' is a second one"),
        (["crawl", "a", "--every", "0"], "option --every needs a positive whole number, got '0'"),
        (["crawl", "a", "--every"], "option --every needs a value"),
        (["crawl", "a", "--on-schema-change", "drop"], "option --on-schema-change takes update or log, not 'drop'"),
        (["crawl", "a", "--bogus"], "unknown crawl option '--bogus'"),
    ])
    func rejectsMistakes(arguments: [String], message: String) {
        #expect(throws: UsageError(message)) { try CommandLineOptions.parse(arguments) }
    }
}
