import Foundation
import Testing
@testable import PintailCatalog

@Suite struct TableTests {
    @Test func tableRoundTripsEveryField() throws {
        try withCatalog { catalog in
            try catalog.createDatabase(CatalogDatabase(name: "dsoaws"))
            let created = try catalog.createTable(reviewsTSV(database: "DSOAWS", name: "Amazon_Reviews_TSV"))
            #expect(created.database == "dsoaws")
            #expect(created.name == "amazon_reviews_tsv")
            #expect(created.version == 1)
            #expect(created.columns[1] == CatalogColumn(name: "star_rating", type: "int", comment: "1 to 5"))
            let read = try #require(try catalog.table(db: "dsoaws", name: "AMAZON_REVIEWS_TSV"))
            #expect(read == created)
            #expect(read.columns.map(\.type) == ["string", "int", "decimal(10,2)", "array<string>"])
            #expect(read.serdeProperties["field.delim"] == "\t")
            #expect(read.properties.entries.map(\.key) == ["compressionType", "skip.header.line.count"])
            #expect(read.kind == .external)
            #expect(read.format == .textFile)
        }
    }

    @Test func partitionKeysRoundTrip() throws {
        try withCatalog { catalog in
            try catalog.createDatabase(CatalogDatabase(name: "dsoaws"))
            try catalog.createTable(reviewsParquet(keys: ["Year", "product_category"]))
            let read = try #require(try catalog.table(db: "dsoaws", name: "amazon_reviews_parquet"))
            #expect(read.partitionKeys.map(\.name) == ["year", "product_category"])
            #expect(read.allColumns.count == 4)
            #expect(read.kind == .managed)
        }
    }

    @Test func missingTablesAndDatabases() throws {
        try withCatalog { (catalog) throws in  // explicit: every `try` here is inside #expect
            #expect(try catalog.table(db: "default", name: "x") == nil)
            let error = #expect(throws: CatalogError.self) { try catalog.table(db: "dsoaws", name: "x") }
            #expect(error?.kind == .databaseNotFound)
            let dropError = #expect(throws: CatalogError.self) { try catalog.dropTable(db: "default", name: "X") }
            #expect(dropError?.kind == .tableNotFound)
            #expect(dropError?.message == "Table 'default.x' does not exist")
            #expect(try catalog.dropTable(db: "default", name: "x", ifExists: true) == nil)
            let createError = #expect(throws: CatalogError.self) { try catalog.createTable(reviewsTSV()) }
            #expect(createError?.kind == .databaseNotFound)
        }
    }

    @Test func duplicateTable() throws {
        try withCatalog { catalog in
            try catalog.createDatabase(CatalogDatabase(name: "dsoaws"))
            try catalog.createTable(reviewsTSV())
            var other = reviewsTSV(name: "AMAZON_reviews_tsv")
            other.comment = "second"
            let error = #expect(throws: CatalogError.self) { try catalog.createTable(other) }
            #expect(error?.kind == .tableExists)
            #expect(error?.message == "Table 'dsoaws.amazon_reviews_tsv' already exists")
            #expect(try catalog.createTable(other, ifNotExists: true).comment == "Amazon customer reviews")
        }
    }

    @Test func dropTableReturnsTheDefinition() throws {
        try withCatalog { catalog in
            try catalog.createDatabase(CatalogDatabase(name: "dsoaws"))
            let created = try catalog.createTable(reviewsTSV())
            let dropped = try catalog.dropTable(db: "DSOAWS", name: "amazon_reviews_tsv")
            #expect(dropped == created)
            #expect(try catalog.tables(in: "dsoaws").isEmpty)
        }
    }

    @Test func replaceTableBumpsVersion() throws {
        try withCatalog { catalog in
            try catalog.createDatabase(CatalogDatabase(name: "dsoaws"))
            let created = try catalog.createTable(reviewsTSV())
            var changed = created
            changed.columns.append(CatalogColumn(name: "Review_Body", type: "string"))
            changed.properties["skip.header.line.count"] = "0"
            let replaced = try catalog.replaceTable(changed, expectedVersion: 1)
            #expect(replaced.version == 2)
            #expect(replaced.createdAt == created.createdAt)
            #expect(replaced.updatedAt >= created.updatedAt)
            #expect(try catalog.table(db: "dsoaws", name: "amazon_reviews_tsv") == replaced)
            #expect(replaced.columns.last?.name == "review_body")

            let stale = #expect(throws: CatalogError.self) { try catalog.replaceTable(changed, expectedVersion: 1) }
            #expect(stale?.kind == .concurrentModification)
            #expect(try catalog.replaceTable(changed).version == 3)
        }
    }

    @Test func invalidDefinitionsAreRejected() throws {
        try withCatalog { (catalog) throws in  // explicit: every `try` here is inside #expect
            var duplicate = reviewsParquet(database: "default")
            duplicate.partitionKeys = [CatalogColumn(name: "STAR_RATING", type: "int")]
            let error = #expect(throws: CatalogError.self) { try catalog.createTable(duplicate) }
            #expect(error?.kind == .invalidDefinition)
            #expect(error?.message == "Column 'star_rating' appears twice in table 'default.amazon_reviews_parquet'")

            var relative = reviewsTSV(database: "default")
            relative.location = "data/tsv"
            #expect(throws: CatalogError.self) { try catalog.createTable(relative) }
            var untyped = reviewsTSV(database: "default")
            untyped.columns[0].type = " "
            #expect(throws: CatalogError.self) { try catalog.createTable(untyped) }
            #expect(try catalog.tables(in: "default").isEmpty)
        }
    }

    @Test func showTablesWithPatterns() throws {
        try withCatalog { catalog in
            for name in ["amazon_reviews_tsv", "amazon_reviews_parquet", "orders", "Order_Items"] {
                try catalog.createTable(reviewsTSV(database: "default", name: name))
            }
            func names(_ pattern: String?) throws -> [String] {
                try catalog.tables(in: "Default", like: pattern).map(\.name)
            }
            #expect(try names(nil) == ["amazon_reviews_parquet", "amazon_reviews_tsv", "order_items", "orders"])
            #expect(try names("amazon*") == ["amazon_reviews_parquet", "amazon_reviews_tsv"])
            #expect(try names("*TSV|orders") == ["amazon_reviews_tsv", "orders"])
            #expect(try names("order*") == ["order_items", "orders"])
            #expect(try names("nothing*") == [])
            #expect(try catalog.tableNames(in: "default", like: "*TSV|orders") == ["amazon_reviews_tsv", "orders"])
            #expect(try catalog.tableNames(in: "default").count == 4)
            #expect(throws: CatalogError.self) { try catalog.tableNames(in: "missing") }
        }
    }
}
