import Foundation
import Testing
@testable import PintailCatalog

@Suite struct CrawlerTests {
    let reviews = CatalogCrawler(
        name: "Reviews_Crawler", database: "DSOAWS", targets: ["/lake/amazon-reviews-pds/parquet", "/lake/tsv"],
        schedule: "0 3 * * *", recrawlPolicy: .newFoldersOnly, schemaChangePolicy: .log, tablePrefix: "raw_",
        properties: ["exclude": "*.tmp"])

    @Test func crawlerCRUD() throws {
        try withCatalog { catalog in
            let created = try catalog.createCrawler(reviews)
            #expect(created.name == "reviews_crawler")
            #expect(created.database == "dsoaws")
            #expect(try catalog.crawler(named: "REVIEWS_CRAWLER") == created)
            #expect(try catalog.crawlers() == [created])
            let duplicate = #expect(throws: CatalogError.self) { try catalog.createCrawler(reviews) }
            #expect(duplicate?.message == "Crawler 'reviews_crawler' already exists")

            var changed = created
            changed.schedule = nil
            changed.targets = ["/lake/other"]
            try catalog.replaceCrawler(changed)
            #expect(try catalog.crawler(named: "reviews_crawler") == changed)

            #expect(try catalog.dropCrawler("reviews_crawler") == changed)
            #expect(try catalog.crawlers().isEmpty)
            #expect(try catalog.dropCrawler("reviews_crawler", ifExists: true) == nil)
        }
    }

    @Test func invalidCrawlersAreRejected() throws {
        try withCatalog { (catalog) throws in  // explicit: every `try` here is inside #expect
            var noTargets = reviews
            noTargets.targets = []
            #expect(throws: CatalogError.self) { try catalog.createCrawler(noTargets) }
            var badSchedule = reviews
            badSchedule.schedule = "daily"
            let error = #expect(throws: CatalogError.self) { try catalog.createCrawler(badSchedule) }
            #expect(error?.kind == .invalidDefinition)
            #expect(try catalog.crawlers().isEmpty)
        }
    }

    @Test func runsAreLoggedNewestFirstAndPruned() throws {
        try withCatalog { catalog in
            try catalog.createCrawler(reviews)
            for index in 0..<6 {
                let run = CrawlerRun(
                    startedAt: CatalogValues.date(1_700_000_000_000 + Int64(index)), elapsedSeconds: 1.5,
                    status: .succeeded, tablesCreated: 1, partitionsAdded: Int64(index), log: "run \(index)")
                try catalog.recordCrawlerRun(run, for: "Reviews_Crawler", keepLast: 4)
            }
            let runs = try catalog.crawlerRuns(of: "reviews_crawler")
            #expect(runs.map(\.partitionsAdded) == [5, 4, 3, 2])
            #expect(runs.first?.log == "run 5")
            #expect(runs.first?.startedAt == CatalogValues.date(1_700_000_000_005))
            let missing = #expect(throws: CatalogError.self) {
                try catalog.recordCrawlerRun(runs[0], for: "nope")
            }
            #expect(missing?.kind == .crawlerNotFound)
            // Dropping the crawler drops its log with it.
            try catalog.dropCrawler("reviews_crawler")
            try catalog.createCrawler(reviews)
            #expect(try catalog.crawlerRuns(of: "reviews_crawler").isEmpty)
        }
    }
}
