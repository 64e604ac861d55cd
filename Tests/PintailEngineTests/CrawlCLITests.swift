import Foundation
import Testing

/// `pintail crawl` run as a subprocess over a copy of the bundled Parquet lake.
@Suite struct CrawlCLITests {
    @Test func crawlRegistersTablesThatQueriesThenSee() throws {
        let pintail = try PintailProcess()
        defer { pintail.cleanUp() }
        let lake = pintail.home.path + "/lake"
        try FileManager.default.createDirectory(atPath: lake, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: CrawlerTests.repoRoot + "/Datasets/amazon-reviews/parquet",
                                         toPath: lake + "/reviews")
        let first = try pintail.run(["crawl", lake, "--database", "web", "--prefix", "ar_"])
        #expect(first.status == 0)
        #expect(first.out.hasPrefix("crawl crawl_web_lake: 1 table created, 0 updated, 43 partitions added, 0 problems in "))
        let again = try pintail.run(["crawl", lake, "--database", "web", "--prefix", "ar_"])
        #expect(again.out.contains("0 tables created, 0 updated, 0 partitions added"))
        let query = try pintail.run(["-q", "--format", "csv", "-c", "SELECT count(*) AS n FROM web.ar_reviews"])
        #expect(query.out == "n\n5000\n")

        let missing = try pintail.run(["crawl", lake + "/nowhere"])
        #expect(missing.status == 1)
        #expect(missing.err.contains("is not a readable folder"))
        let usage = try pintail.run(["crawl"])
        #expect(usage.status == 2)
    }
}
