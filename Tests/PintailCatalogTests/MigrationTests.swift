import CSQLite
import Foundation
import Testing
@testable import PintailCatalog

@Suite struct MigrationTests {
    @Test func newCatalogIsAtTheLatestVersion() throws {
        try withCatalog { catalog in
            #expect(catalog.schemaVersion == CatalogSchema.latestVersion)
            #expect(CatalogSchema.latestVersion >= 2)
        }
    }

    @Test func versionOneCatalogIsUpgradedKeepingItsData() throws {
        try withTemporaryFolder { folder in
            let path = folder + "/catalog.db"
            do {
                let old = try Catalog(path: path, migrateTo: 1)
                #expect(old.schemaVersion == 1)
                try old.createDatabase(CatalogDatabase(name: "dsoaws"))
                try old.createTable(reviewsParquet())
                // Version 1 has no statistics columns, so add a partition the way version 1 did.
                try old.write { connection in
                    try connection.execute("""
                        INSERT INTO partitions (table_id, partition_values, location, created_at)
                        SELECT id, '["Books"]', '/lake/p/product_category=Books', 0 FROM tables
                        """)
                }
            }
            let upgraded = try Catalog.open(path: path)
            #expect(upgraded.schemaVersion == CatalogSchema.latestVersion)
            let table = TableName(database: "dsoaws", name: "amazon_reviews_parquet")
            let partitions = try upgraded.partitions(of: table)
            #expect(partitions.map(\.values) == [["Books"]])
            #expect(partitions.first?.stats == nil)
            // Version 2 features work on the upgraded file.
            try upgraded.createEndpoint(CatalogEndpoint(name: "reviews", model: .builtIn("sentiment")))
            #expect(try upgraded.endpoints().count == 1)
            // So do version 3 features.
            try upgraded.createCrawler(CatalogCrawler(name: "c", database: "dsoaws", targets: ["/lake"]))
            #expect(try upgraded.crawlers().count == 1)
            // Reopening does not migrate again.
            #expect(try Catalog.open(path: path).schemaVersion == CatalogSchema.latestVersion)
        }
    }

    @Test func newerCatalogIsRefused() throws {
        try withTemporaryFolder { folder in
            let path = folder + "/catalog.db"
            do {
                let catalog = try Catalog.open(path: path)
                try catalog.write { connection in try connection.execute("PRAGMA user_version = 99") }
            }
            let error = #expect(throws: CatalogError.self) { try Catalog.open(path: path) }
            #expect(error?.kind == .catalogTooNew)
            #expect(error?.message.contains(path) == true)
            #expect(error?.message.contains("99") == true)
        }
    }

    @Test func fileThatIsNotSQLiteIsRefused() throws {
        try withTemporaryFolder { folder in
            let path = folder + "/catalog.db"
            let garbage = Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
            try garbage.write(to: URL(fileURLWithPath: path))
            let error = #expect(throws: CatalogError.self) { try Catalog.open(path: path) }
            #expect(error?.kind == .invalidCatalogFile)
            #expect(error?.message.contains(path) == true)
        }
    }

    @Test func otherSQLiteDatabaseIsRefused() throws {
        try withTemporaryFolder { folder in
            let path = folder + "/other.db"
            do {
                let connection = try SQLiteConnection(path: path)
                try connection.execute("CREATE TABLE songs (title TEXT)")
            }
            let error = #expect(throws: CatalogError.self) { try Catalog.open(path: path) }
            #expect(error?.kind == .invalidCatalogFile)
            #expect(error?.message == "'\(path)' is a SQLite database, but not a Pintail catalog")
        }
    }

    @Test func defaultPathFollowsPintailHome() {
        #expect(Catalog.defaultPath(environment: ["PINTAIL_HOME": "/srv/pintail", "HOME": "/home/u"])
            == "/srv/pintail/catalog.db")
        #expect(Catalog.defaultPath(environment: ["HOME": "/home/u"]) == "/home/u/.pintail/catalog.db")
    }
}
