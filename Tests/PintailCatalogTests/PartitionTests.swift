import Foundation
import Testing
@testable import PintailCatalog

@Suite struct PartitionTests {
    let table = TableName(database: "dsoaws", name: "Amazon_Reviews_Parquet")

    func prepared(_ catalog: Catalog, keys: [String] = ["product_category"]) throws {
        try catalog.createDatabase(CatalogDatabase(name: "dsoaws"))
        try catalog.createTable(reviewsParquet(keys: keys))
    }

    @Test func partitionsRoundTripWithStatsAndNulls() throws {
        try withCatalog { catalog in
            try prepared(catalog, keys: ["year", "product_category"])
            let partitions = [
                CatalogPartition(
                    values: ["2015", "Books"], location: "/lake/p/year=2015/product_category=Books",
                    stats: PartitionStats(fileCount: 3, byteCount: 1_000_000, rowCount: 42)),
                CatalogPartition(
                    values: ["2015", nil], location: "/lake/p/year=2015/product_category=__HIVE_DEFAULT_PARTITION__",
                    stats: PartitionStats(fileCount: 1, byteCount: 10)),
                CatalogPartition(values: ["2016", "Quote \" and \\ and\ttab é 😀"], location: "/lake/p/odd"),
            ]
            #expect(try catalog.addPartitions(partitions, to: table) == 3)
            let read = try catalog.partitions(of: table)
            #expect(read.map(\.values) == partitions.map(\.values))
            #expect(read.map(\.location) == partitions.map(\.location))
            #expect(read.map(\.stats) == partitions.map(\.stats))
            #expect(try catalog.partition(of: table, values: ["2015", nil])?.stats?.byteCount == 10)
            #expect(try catalog.partition(of: table, values: ["2015", "books"]) == nil)
        }
    }

    @Test func duplicatePartitions() throws {
        try withCatalog { catalog in
            try prepared(catalog)
            try catalog.addPartitions(categoryPartitions(2), to: table)
            let error = #expect(throws: CatalogError.self) {
                try catalog.addPartitions(categoryPartitions(4), to: table)
            }
            #expect(error?.kind == .partitionExists)
            #expect(error?.message == "Partition (product_category='c0') already exists in table 'dsoaws.amazon_reviews_parquet'")
            #expect(try catalog.partitions(of: table).count == 2)
            #expect(try catalog.addPartitions(categoryPartitions(4), to: table, ifNotExists: true) == 2)
            #expect(try catalog.partitions(of: table).count == 4)
        }
    }

    @Test func aFailingBatchAddsNothing() throws {
        try withCatalog { catalog in
            try prepared(catalog)
            var batch = categoryPartitions(10)
            batch[7].values = ["a", "b"]
            let error = #expect(throws: CatalogError.self) { try catalog.addPartitions(batch, to: table) }
            #expect(error?.kind == .invalidDefinition)
            #expect(try catalog.partitions(of: table).isEmpty)
        }
    }

    @Test func dropAndUpdatePartitions() throws {
        try withCatalog { catalog in
            try prepared(catalog)
            try catalog.addPartitions(categoryPartitions(5), to: table)
            let dropped = try catalog.dropPartitions([["c1"], ["c3"]], from: table)
            #expect(dropped.map(\.values) == [["c1"], ["c3"]])
            #expect(try catalog.partitions(of: table).map(\.values) == [["c0"], ["c2"], ["c4"]])
            let error = #expect(throws: CatalogError.self) { try catalog.dropPartitions([["c1"]], from: table) }
            #expect(error?.kind == .partitionNotFound)
            #expect(try catalog.dropPartitions([["c1"]], from: table, ifExists: true).isEmpty)

            let recrawled = CatalogPartition(
                values: ["c2"], location: "/lake/moved", stats: PartitionStats(fileCount: 9, byteCount: 99, rowCount: 999))
            #expect(try catalog.updatePartitions([recrawled, CatalogPartition(values: ["zz"], location: "/x")], of: table) == 1)
            #expect(try catalog.partition(of: table, values: ["c2"])?.stats?.rowCount == 999)
        }
    }

    @Test func partitionsNeedAPartitionedTable() throws {
        try withCatalog { catalog in
            try catalog.createDatabase(CatalogDatabase(name: "dsoaws"))
            try catalog.createTable(reviewsTSV())
            let tsv = TableName(database: "dsoaws", name: "amazon_reviews_tsv")
            let error = #expect(throws: CatalogError.self) {
                try catalog.addPartitions(categoryPartitions(1), to: tsv)
            }
            #expect(error?.message == "Table 'dsoaws.amazon_reviews_tsv' is not partitioned")
            let missing = #expect(throws: CatalogError.self) { try catalog.partitions(of: table) }
            #expect(missing?.kind == .tableNotFound)
        }
    }

    @Test func changingPartitionKeysWithPartitionsIsRefused() throws {
        try withCatalog { catalog in
            try prepared(catalog)
            try catalog.addPartitions(categoryPartitions(1), to: table)
            var changed = try #require(try catalog.table(db: "dsoaws", name: "amazon_reviews_parquet"))
            changed.partitionKeys.append(CatalogColumn(name: "year2", type: "int"))
            #expect(throws: CatalogError.self) { try catalog.replaceTable(changed) }
        }
    }

    @Test func fiveThousandPartitionsQuickly() throws {
        try withCatalog { catalog in
            try prepared(catalog)
            let batch = categoryPartitions(5_000).map { partition in
                var partition = partition
                partition.stats = PartitionStats(fileCount: 1, byteCount: 1_234, rowCount: 100)
                return partition
            }
            let clock = ContinuousClock()
            var added = 0
            let addTime = try clock.measure { added = try catalog.addPartitions(batch, to: table) }
            var listed: [CatalogPartition] = []
            let listTime = try clock.measure { listed = try catalog.partitions(of: table) }
            #expect(added == 5_000)
            #expect(listed.count == 5_000)
            #expect(listed.last?.values == ["c4999"])
            // Generous bounds for a debug build on a shared 2-core machine.
            #expect(addTime < .seconds(5), "adding 5,000 partitions took \(addTime)")
            #expect(listTime < .seconds(2), "listing 5,000 partitions took \(listTime)")
            print("5,000 partitions: add \(addTime), list \(listTime)")
        }
    }
}
