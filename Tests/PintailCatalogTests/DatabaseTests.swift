import Foundation
import Testing
@testable import PintailCatalog

@Suite struct DatabaseTests {
    @Test func newCatalogHasDefaultDatabase() throws {
        try withCatalog { (catalog) throws in  // explicit: every `try` here is inside #expect
            #expect(try catalog.databases().map(\.name) == ["default"])
            #expect(try catalog.database(named: "DEFAULT")?.name == "default")
        }
    }

    @Test func databaseRoundTripsAndNamesAreLowerCase() throws {
        try withCatalog { catalog in
            let before = Date().addingTimeInterval(-1)
            let created = try catalog.createDatabase(
                CatalogDatabase(
                    name: "DSOAWS", comment: "book", location: "/lake/dsoaws",
                    properties: ["owner": "ml", "Creator": "me"]))
            #expect(created.name == "dsoaws")
            #expect(created.createdAt > before)
            let read = try #require(try catalog.database(named: "DsoAws"))
            #expect(read == created)
            #expect(read.properties.entries.map(\.key) == ["owner", "Creator"])
            #expect(try catalog.databases().map(\.name) == ["default", "dsoaws"])
        }
    }

    @Test func duplicateDatabaseIsAnErrorUnlessIfNotExists() throws {
        try withCatalog { catalog in
            try catalog.createDatabase(CatalogDatabase(name: "dsoaws", comment: "first"))
            let error = #expect(throws: CatalogError.self) {
                try catalog.createDatabase(CatalogDatabase(name: "DSOAWS"))
            }
            #expect(error?.kind == .databaseExists)
            #expect(error?.message == "Database 'dsoaws' already exists")
            let existing = try catalog.createDatabase(CatalogDatabase(name: "dsoaws"), ifNotExists: true)
            #expect(existing.comment == "first")
        }
    }

    @Test func dropDatabaseNeedsCascadeWhenNotEmpty() throws {
        try withCatalog { catalog in
            try catalog.createDatabase(CatalogDatabase(name: "dsoaws"))
            try catalog.createTable(reviewsParquet())
            try catalog.addPartitions(categoryPartitions(3), to: TableName(database: "dsoaws", name: "amazon_reviews_parquet"))
            let error = #expect(throws: CatalogError.self) { try catalog.dropDatabase("dsoaws") }
            #expect(error?.kind == .databaseNotEmpty)
            #expect(try catalog.database(named: "dsoaws") != nil)

            let dropped = try catalog.dropDatabase("DSOAWS", cascade: true)
            #expect(dropped.map(\.name) == ["amazon_reviews_parquet"])
            #expect(try catalog.database(named: "dsoaws") == nil)
            // Cascading removed the child rows too.
            try catalog.createDatabase(CatalogDatabase(name: "dsoaws"))
            try catalog.createTable(reviewsParquet())
            #expect(try catalog.partitions(of: TableName(database: "dsoaws", name: "amazon_reviews_parquet")).isEmpty)
        }
    }

    @Test func dropMissingDatabase() throws {
        try withCatalog { (catalog) throws in  // explicit: every `try` here is inside #expect
            let error = #expect(throws: CatalogError.self) { try catalog.dropDatabase("nope") }
            #expect(error?.kind == .databaseNotFound)
            #expect(error?.message == "Database 'nope' does not exist")
            #expect(try catalog.dropDatabase("nope", ifExists: true).isEmpty)
            #expect(throws: CatalogError(.notAllowed, "Cannot drop the 'default' database")) {
                try catalog.dropDatabase("Default", cascade: true)
            }
        }
    }

    @Test func replaceDatabaseKeepsCreationTime() throws {
        try withCatalog { catalog in
            let created = try catalog.createDatabase(CatalogDatabase(name: "dsoaws"))
            var changed = created
            changed.comment = "changed"
            changed.properties["k"] = "v"
            try catalog.replaceDatabase(changed)
            #expect(try catalog.database(named: "dsoaws") == changed)
        }
    }

    @Test func emptyAndControlCharacterNamesAreRejected() throws {
        try withCatalog { catalog in
            #expect(throws: CatalogError.self) { try catalog.createDatabase(CatalogDatabase(name: "  ")) }
            let error = #expect(throws: CatalogError.self) { try catalog.createDatabase(CatalogDatabase(name: "a\u{1}b")) }
            #expect(error?.kind == .invalidName)
        }
    }
}
