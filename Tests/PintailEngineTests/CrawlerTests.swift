import Foundation
import PintailCore
import Testing
@testable import PintailEngine

/// The crawler over a copy of the bundled lake (Datasets/amazon-reviews: partitioned Parquet and gzip TSV).
@Suite struct CrawlerTests {
    static let repoRoot = String(#filePath.dropLast("/Tests/PintailEngineTests/CrawlerTests.swift".count))

    /// A temp folder holding `parquet/` and `tsv/` copied from the bundled lake, plus a catalog home.
    struct Lake {
        let folder = makeTemporaryFolder()
        var root: String { folder + "/lake" }
        var home: String { folder + "/home" }

        init() throws {
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: CrawlerTests.repoRoot + "/Datasets/amazon-reviews/parquet",
                                             toPath: root + "/parquet")
            try FileManager.default.copyItem(atPath: CrawlerTests.repoRoot + "/Datasets/amazon-reviews/tsv",
                                             toPath: root + "/tsv")
        }
    }

    func count(_ session: Session, _ table: String) throws -> Int64? {
        let rows = try session.execute("SELECT count(*) FROM \(table)").first?.rows() ?? []
        guard rows.count == 1, case .int(let n)? = rows[0].first else { return nil }
        return n
    }

    @Test func firstRunCreatesBothTablesWithColumnsAndPartitions() throws {
        let lake = try Lake()
        defer { removeTree(lake.folder) }
        let engine = try Engine(options: EngineOptions(home: lake.home, threads: 1))
        let report = try Crawler(engine: engine, settings: CrawlerSettings(root: lake.root, database: "lake")).run()
        #expect(report.tablesCreated == 2)
        #expect(report.partitionsAdded == 43)
        #expect(report.problems.isEmpty)

        let parquet = try #require(try engine.catalog.table(db: "lake", name: "parquet"))
        #expect(parquet.format == .parquet)
        #expect(parquet.partitionKeys.map(\.name) == ["product_category"])
        #expect(parquet.partitionKeys.map(\.type) == ["string"])
        #expect(parquet.columns.contains { $0.name == "star_rating" && $0.type != "string" })
        let tsv = try #require(try engine.catalog.table(db: "lake", name: "tsv"))
        #expect(tsv.format == .textFile)
        #expect(tsv.columns.count == 15)
        #expect(tsv.columns.first?.name == "marketplace")
        #expect(tsv.columns.allSatisfy { $0.type == "string" })
        #expect(tsv.serdeProperties["field.delim"] == "\t")
        #expect(tsv.properties["skip.header.line.count"] == "1")

        let session = engine.makeSession(database: "lake")
        #expect(try count(session, "parquet") == 5000)
        #expect(try count(session, "tsv") == 5000)
        let runs = try engine.catalog.crawlerRuns(of: report.crawlerName)
        #expect(runs.count == 1)
        #expect(runs.first?.tablesCreated == 2)
        #expect(runs.first?.partitionsAdded == 43)
    }

    @Test func laterRunAddsOnlyTheNewPartitionAndTypesIntegerKeys() throws {
        let lake = try Lake()
        defer { removeTree(lake.folder) }
        let engine = try Engine(options: EngineOptions(home: lake.home, threads: 1))
        let crawler = Crawler(engine: engine, settings: CrawlerSettings(root: lake.root, tablePrefix: "ar_"))
        _ = try crawler.run()
        let source = lake.root + "/parquet/product_category=Books/part-00000.parquet"
        try FileManager.default.createDirectory(atPath: lake.root + "/parquet/product_category=New_Things",
                                                withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: source,
                                         toPath: lake.root + "/parquet/product_category=New_Things/part-00000.parquet")
        let second = try crawler.run()
        #expect(second.tablesCreated == 0)
        #expect(second.partitionsAdded == 1)
        #expect(second.tablesUpdated == 0)
        let third = try crawler.run()
        #expect(third.partitionsAdded == 0)
        #expect(try engine.catalog.crawlerRuns(of: second.crawlerName).count == 3)
        let session = engine.makeSession()
        let books = try #require(try count(session, "ar_parquet WHERE product_category = 'Books'"))
        #expect(try count(session, "ar_parquet") == 5000 + books)

        #expect(CrawlerLayout.keyType(["1", "22", "__HIVE_DEFAULT_PARTITION__"]) == "int")
        #expect(CrawlerLayout.keyType(["1", "9999999999"]) == "bigint")
        #expect(CrawlerLayout.keyType(["1", "x"]) == "string")
    }

    @Test func corruptFilesAreReportedByNameAndTheRunGoesOn() throws {
        let lake = try Lake()
        defer { removeTree(lake.folder) }
        let bad = lake.root + "/parquet/product_category=Books/part-99999.parquet"
        try Data("PAR1 this is not a parquet file".utf8).write(to: URL(fileURLWithPath: bad))
        let badGzip = lake.root + "/tsv/broken.tsv.gz"
        try Data([0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02]).write(to: URL(fileURLWithPath: badGzip))
        let engine = try Engine(options: EngineOptions(home: lake.home, threads: 1))
        let report = try Crawler(engine: engine, settings: CrawlerSettings(root: lake.root)).run()
        #expect(report.tablesCreated == 2)
        #expect(report.problems.count == 2)
        #expect(report.problems.contains { $0.contains(bad) })
        #expect(report.problems.contains { $0.contains(badGzip) })
        let log = try #require(try engine.catalog.crawlerRuns(of: report.crawlerName).first?.log)
        #expect(log.contains(bad) && log.contains(badGzip))
    }

    @Test func schemaChangeIsLoggedOrApplied() throws {
        let folder = makeTemporaryFolder()
        defer { removeTree(folder) }
        try FileManager.default.createDirectory(atPath: folder + "/lake/people", withIntermediateDirectories: true)
        let file = folder + "/lake/people/a.csv"
        try "id,Full Name\n1,Ann\n".write(toFile: file, atomically: true, encoding: .utf8)
        let engine = try Engine(options: EngineOptions(home: folder + "/home", threads: 1))
        var settings = CrawlerSettings(root: folder + "/lake", schemaChangePolicy: .log)
        #expect(try Crawler(engine: engine, settings: settings).run().tablesCreated == 1)
        let created = try #require(try engine.catalog.table(db: "default", name: "people"))
        #expect(created.columns.map(\.name) == ["id", "full_name"])
        #expect(created.serdeProperties["field.delim"] == ",")

        try "id,full_name,age\n1,Ann,40\n".write(toFile: file, atomically: true, encoding: .utf8)
        let logged = try Crawler(engine: engine, settings: settings).run()
        #expect(logged.tablesUpdated == 0)
        #expect(logged.log.contains { $0.contains("logged only") })
        #expect(try engine.catalog.table(db: "default", name: "people")?.columns.count == 2)

        settings.schemaChangePolicy = .updateInDatabase
        let updated = try Crawler(engine: engine, settings: settings).run()
        #expect(updated.tablesUpdated == 1)
        #expect(try engine.catalog.table(db: "default", name: "people")?.columns.map(\.name) == ["id", "full_name", "age"])
    }

    @Test func missingRootIsAClearError() throws {
        let folder = makeTemporaryFolder()
        defer { removeTree(folder) }
        let engine = try Engine(options: EngineOptions(home: folder + "/home", threads: 1))
        #expect(throws: PintailError.self) {
            try Crawler(engine: engine, settings: CrawlerSettings(root: folder + "/nowhere")).run()
        }
    }
}
