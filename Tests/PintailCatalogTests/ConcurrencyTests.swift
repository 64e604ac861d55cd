import Foundation
import Synchronization
import Testing
@testable import PintailCatalog

@Suite struct TransactionTests {
    struct Boom: Error {}

    @Test func aTransactionThatThrowsLeavesNothingBehind() throws {
        try withCatalog { (catalog) throws in  // explicit: every `try` here is inside #expect
            #expect(throws: Boom.self) {
                try catalog.transaction {
                    try catalog.createDatabase(CatalogDatabase(name: "dsoaws"))
                    try catalog.createTable(reviewsParquet())
                    try catalog.addPartitions(categoryPartitions(10), to: TableName(database: "dsoaws", name: "amazon_reviews_parquet"))
                    throw Boom()
                }
            }
            #expect(try catalog.database(named: "dsoaws") == nil)
            #expect(try catalog.databases().map(\.name) == ["default"])
        }
    }

    @Test func aCommittedTransactionKeepsEverything() throws {
        try withCatalog { catalog in
            let count = try catalog.transaction {
                try catalog.createDatabase(CatalogDatabase(name: "dsoaws"))
                try catalog.createTable(reviewsParquet())
                return try catalog.addPartitions(categoryPartitions(10), to: TableName(database: "dsoaws", name: "amazon_reviews_parquet"))
            }
            #expect(count == 10)
            #expect(try catalog.tables(in: "dsoaws").count == 1)
        }
    }

    @Test func aCaughtFailureInsideATransactionUndoesOnlyItself() throws {
        try withCatalog { catalog in
            try catalog.transaction {
                try catalog.createDatabase(CatalogDatabase(name: "dsoaws"))
                try catalog.createTable(reviewsParquet())
                let table = TableName(database: "dsoaws", name: "amazon_reviews_parquet")
                try catalog.addPartitions(categoryPartitions(2), to: table)
                // This batch fails halfway (c0 exists); its first partition must not stay behind.
                let batch = [CatalogPartition(values: ["new"], location: "/p/new")] + categoryPartitions(1)
                #expect(throws: CatalogError.self) { try catalog.addPartitions(batch, to: table) }
            }
            let table = TableName(database: "dsoaws", name: "amazon_reviews_parquet")
            #expect(try catalog.partitions(of: table).map(\.values) == [["c0"], ["c1"]])
        }
    }
}

@Suite struct ConcurrencyTests {
    /// Two catalogs on one file, each written and read from its own thread at the same time.
    @Test func twoInstancesOnOneFileFromTwoThreads() throws {
        try withTemporaryFolder { folder in
            let path = folder + "/catalog.db"
            let catalogs = [try Catalog.open(path: path), try Catalog.open(path: path)]
            let rounds = 40
            try runOnThreads(2) { index in
                let catalog = catalogs[index]
                let database = "db\(index)"
                try catalog.createDatabase(CatalogDatabase(name: database))
                for round in 0..<rounds {
                    try catalog.createTable(reviewsTSV(database: database, name: "t\(round)"))
                    try catalog.appendHistory(
                        QueryHistoryEntry(
                            id: "\(index)-\(round)", sql: "SELECT 1", startedAt: Date(), elapsedSeconds: 0,
                            status: .succeeded))
                    _ = try catalog.tables(in: database)
                    _ = try catalog.databases()
                }
            }
            #expect(try catalogs[0].tables(in: "db1").count == rounds)
            #expect(try catalogs[1].tables(in: "db0").count == rounds)
            #expect(try catalogs[0].history(limit: 1000).count == 2 * rounds)
        }
    }

    /// One instance shared by several threads (its lock serialises them).
    @Test func oneInstanceSharedByManyThreads() throws {
        try withCatalog { catalog in
            try catalog.createDatabase(CatalogDatabase(name: "dsoaws"))
            try catalog.createTable(reviewsParquet())
            let table = TableName(database: "dsoaws", name: "amazon_reviews_parquet")
            try runOnThreads(4) { worker in
                let batch = (0..<50).map {
                    CatalogPartition(values: ["w\(worker)-\($0)"], location: "/p/w\(worker)-\($0)")
                }
                #expect(try catalog.addPartitions(batch, to: table) == 50)
                _ = try catalog.partitions(of: table)
            }
            #expect(try catalog.partitions(of: table).count == 200)
        }
    }
}

/// Runs `body(0..<count)` on `count` threads at once and rethrows the first error.
func runOnThreads(_ count: Int, _ body: @escaping @Sendable (Int) throws -> Void) throws {
    let errors = Mutex<[any Error]>([])
    let done = DispatchGroup()
    for index in 0..<count {
        done.enter()
        Thread {
            do { try body(index) } catch { errors.withLock { $0.append(error) } }
            done.leave()
        }.start()
    }
    done.wait()
    if let error = errors.withLock({ $0.first }) { throw error }
}
