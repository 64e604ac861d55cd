import Foundation
import Synchronization
import Testing
@testable import PintailCatalog

@Suite struct LifecycleTests {
    /// SQLite removes the WAL file when the last connection closes; if it stays, a connection leaked.
    @Test func releasingACatalogClosesTheFile() throws {
        try withTemporaryFolder { folder in
            let path = folder + "/catalog.db"
            do {
                let catalog = try Catalog.open(path: path)
                try catalog.createDatabase(CatalogDatabase(name: "dsoaws"))
                _ = try catalog.databases()
                #expect(FileManager.default.fileExists(atPath: path + "-wal"))
            }
            #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
            #expect(try Catalog.open(path: path).database(named: "dsoaws") != nil)
        }
    }

    @Test func unopenableLocationNamesTheFile() {
        let path = "/nonexistent-folder-\(UUID().uuidString)/catalog.db"
        let error = #expect(throws: CatalogError.self) { try Catalog.open(path: path) }
        #expect(error?.kind == .storage)
        #expect(error?.message.contains(path) == true)
    }

    /// Several processes' worth of first opens on one new file: one creates the schema, the others wait.
    @Test func concurrentFirstOpens() throws {
        try withTemporaryFolder { folder in
            let path = folder + "/catalog.db"
            try runOnThreads(3) { _ in
                let catalog = try Catalog.open(path: path)
                #expect(catalog.schemaVersion == CatalogSchema.latestVersion)
                #expect(try catalog.databases().map(\.name) == ["default"])
            }
        }
    }

    /// A writer on a second instance waits for the first instance's transaction instead of failing,
    /// and readers are not blocked meanwhile (WAL).
    @Test func writerWaitsForAnotherInstancesTransaction() throws {
        try withTemporaryFolder { folder in
            let path = folder + "/catalog.db"
            let holder = try Catalog.open(path: path)
            let waiter = try Catalog.open(path: path)
            let started = DispatchSemaphore(value: 0)
            let waited = Mutex<Duration>(.zero)
            try runOnThreads(2) { index in
                if index == 0 {
                    try holder.transaction {
                        try holder.createDatabase(CatalogDatabase(name: "first"))
                        started.signal()
                        Thread.sleep(forTimeInterval: 0.3)
                    }
                } else {
                    started.wait()
                    // Reads see the last committed state without waiting.
                    #expect(try waiter.database(named: "first") == nil)
                    let elapsed = try ContinuousClock().measure {
                        try waiter.createDatabase(CatalogDatabase(name: "second"))
                    }
                    waited.withLock { $0 = elapsed }
                }
            }
            #expect(waited.withLock { $0 } > .milliseconds(100))
            #expect(try holder.databases().map(\.name) == ["default", "first", "second"])
        }
    }
}
