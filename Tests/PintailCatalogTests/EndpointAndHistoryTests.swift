import Foundation
import Testing
@testable import PintailCatalog

@Suite struct EndpointTests {
    @Test func endpointCRUD() throws {
        try withCatalog { catalog in
            let created = try catalog.createEndpoint(
                CatalogEndpoint(name: "Reviews", model: .builtIn("sentiment"), properties: ["max_seq_length": "128"]))
            #expect(created.name == "reviews")
            let folder = try catalog.createEndpoint(
                CatalogEndpoint(name: "stars", model: .folder(path: "/models/minilm")))
            #expect(try catalog.endpoint(named: "REVIEWS") == created)
            #expect(try catalog.endpoints() == [created, folder])

            let error = #expect(throws: CatalogError.self) {
                try catalog.createEndpoint(CatalogEndpoint(name: "reviews", model: .builtIn("x")))
            }
            #expect(error?.kind == .endpointExists)
            #expect(try catalog.createEndpoint(CatalogEndpoint(name: "reviews", model: .builtIn("x")), ifNotExists: true) == created)

            var changed = created
            changed.model = .folder(path: "/models/other")
            changed.properties["batch_size"] = "32"
            try catalog.replaceEndpoint(changed)
            #expect(try catalog.endpoint(named: "reviews") == changed)

            #expect(try catalog.dropEndpoint("Reviews") == changed)
            #expect(try catalog.endpoint(named: "reviews") == nil)
            #expect(try catalog.dropEndpoint("reviews", ifExists: true) == nil)
            #expect(throws: CatalogError.self) { try catalog.dropEndpoint("reviews") }
            #expect(throws: CatalogError.self) {
                try catalog.createEndpoint(CatalogEndpoint(name: "bad", model: .folder(path: "relative/path")))
            }
        }
    }
}

@Suite struct HistoryTests {
    /// Start times are whole milliseconds, the precision the catalog stores.
    func entry(_ index: Int) -> QueryHistoryEntry {
        QueryHistoryEntry(
            id: "q\(index)", sql: "SELECT \(index)", database: index.isMultiple(of: 2) ? "dsoaws" : nil,
            startedAt: CatalogValues.date(1_700_000_000_123 + Int64(index) * 1_000), elapsedSeconds: 0.25,
            rowCount: Int64(index), bytesScanned: 1 << 20, status: index == 3 ? .failed : .succeeded,
            errorText: index == 3 ? "line 1:8: Column 'foo' cannot be resolved" : nil)
    }

    @Test func historyRoundTripsNewestFirst() throws {
        try withCatalog { catalog in
            for index in 0..<5 { try catalog.appendHistory(entry(index)) }
            let listed = try catalog.history(limit: 10)
            #expect(listed == (0..<5).reversed().map(entry))
            #expect(try catalog.history(limit: 2).map(\.id) == ["q4", "q3"])
            #expect(listed[1].status == .failed)
        }
    }

    @Test func historyIsPrunedToTheLastN() throws {
        try withCatalog { catalog in
            for index in 0..<20 { try catalog.appendHistory(entry(index), keepLast: 8) }
            #expect(try catalog.history(limit: 100).map(\.id) == (12..<20).reversed().map { "q\($0)" })
            #expect(try catalog.pruneHistory(keepLast: 3) == 5)
            #expect(try catalog.history().count == 3)
            #expect(try catalog.pruneHistory(keepLast: 0) == 3)
            #expect(try catalog.history().isEmpty)
        }
    }
}
