import Foundation

/// The persistent, Glue-like catalog: databases, tables, partitions, model endpoints and query history
/// in one SQLite file (normally `$PINTAIL_HOME/catalog.db`).
///
/// Thread-safe: one connection behind a recursive lock. Several `Catalog` instances (in one or several
/// processes) may share a file; SQLite's WAL mode lets readers run beside one writer, and writers queue
/// on a busy timeout. Every write runs in its own `BEGIN IMMEDIATE` transaction, or joins the one
/// `transaction { }` opened on this thread.
public final class Catalog: @unchecked Sendable {
    /// The catalog file.
    public let path: String
    /// Schema version of the file after opening.
    public let schemaVersion: Int64

    // Both guarded by `lock`.
    private let connection: SQLiteConnection
    private var transactionDepth = 0
    private let lock = NSRecursiveLock()

    /// Opens (creating if needed) the catalog file at `path` and migrates it to the current schema.
    /// - Parameter busyTimeout: how long a write waits for another process holding the write lock.
    public static func open(path: String, busyTimeout: Duration = .seconds(10)) throws(CatalogError) -> Catalog {
        try Catalog(path: path, busyTimeout: busyTimeout, migrateTo: CatalogSchema.latestVersion)
    }

    /// `$PINTAIL_HOME/catalog.db`, or `~/.pintail/catalog.db` when PINTAIL_HOME is unset.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let home = environment["PINTAIL_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.pintail"
        return home + "/catalog.db"
    }

    /// Opens the catalog at `defaultPath()`, creating its folder if needed.
    public static func openDefault() throws(CatalogError) -> Catalog {
        let path = defaultPath()
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw CatalogError(.storage, "Cannot create the catalog folder '\(folder)': \(error.localizedDescription)")
        }
        return try open(path: path)
    }

    init(path: String, busyTimeout: Duration = .seconds(10), migrateTo targetVersion: Int64) throws(CatalogError) {
        self.path = path
        let milliseconds = Int32(clamping: busyTimeout.components.seconds * 1000
            + busyTimeout.components.attoseconds / 1_000_000_000_000_000)
        do {
            connection = try SQLiteConnection(path: path, busyTimeoutMilliseconds: milliseconds)
            // Switching a new file to WAL and the first migration can meet another process doing the same at the
            // same moment; SQLite may then answer SQLITE_BUSY without waiting, so wait here, up to the timeout.
            let deadline = ContinuousClock.now + busyTimeout
            var version: Int64?
            while version == nil {
                do {
                    version = try Self.prepareFile(connection, path: path, migrateTo: targetVersion)
                } catch let error as SQLiteError where error.isBusy && ContinuousClock.now < deadline {
                    Thread.sleep(forTimeInterval: 0.02)
                }
            }
            schemaVersion = version ?? targetVersion
        } catch let error as SQLiteError where error.isNotADatabase {
            throw CatalogError(.invalidCatalogFile, "'\(path)' is not a Pintail catalog: \(error.message)")
        } catch {
            throw Catalog.mapped(error, path: path)
        }
    }

    /// WAL journaling, connection settings, and the schema migrated to `targetVersion` in one immediate transaction.
    private static func prepareFile(_ connection: SQLiteConnection, path: String, migrateTo targetVersion: Int64) throws -> Int64 {
        // The first statement reads the file header, so this is where a non-database file shows up.
        let mode = try connection.scalarText("PRAGMA journal_mode = WAL")
        if mode?.lowercased() != "wal" {
            throw CatalogError(.storage, "Catalog '\(path)' cannot use WAL journaling (got '\(mode ?? "")')")
        }
        try connection.execute("PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL")
        try connection.execute("BEGIN IMMEDIATE")
        do {
            let version = try SchemaMigrator(connection: connection, path: path).migrate(to: targetVersion)
            try connection.execute("COMMIT")
            return version
        } catch {
            try? connection.execute("ROLLBACK")
            throw error
        }
    }

    // MARK: Transactions

    /// Runs `body` atomically: every catalog change made on this thread inside it commits together, or
    /// none does if it throws. Other threads and processes wait until it ends. Transactions nest (the
    /// inner one becomes a savepoint).
    public func transaction<Result>(_ body: () throws -> Result) throws -> Result {
        lock.lock()
        defer { lock.unlock() }
        do {
            return try atomically(body)
        } catch let error as SQLiteError {
            // BEGIN, COMMIT or SAVEPOINT failed: report it like any other catalog failure.
            throw Catalog.mapped(error, path: path)
        }
    }

    /// A write: its own IMMEDIATE transaction, or a savepoint inside the caller's transaction, so a
    /// failed statement never leaves half a change behind.
    func write<Result>(_ body: (SQLiteConnection) throws -> Result) throws(CatalogError) -> Result {
        lock.lock()
        defer { lock.unlock() }
        do {
            return try atomically { try body(connection) }
        } catch {
            throw Catalog.mapped(error, path: path)
        }
    }

    /// A read: in a deferred transaction so multi-statement reads see one snapshot.
    func read<Result>(_ body: (SQLiteConnection) throws -> Result) throws(CatalogError) -> Result {
        lock.lock()
        defer { lock.unlock() }
        do {
            if transactionDepth > 0 { return try body(connection) }
            try connection.execute("BEGIN")
            defer {
                connection.resetCachedStatements()
                try? connection.execute("COMMIT")
            }
            return try body(connection)
        } catch {
            throw Catalog.mapped(error, path: path)
        }
    }

    /// Must be called with `lock` held.
    private func atomically<Result>(_ body: () throws -> Result) throws -> Result {
        if transactionDepth == 0 {
            try connection.execute("BEGIN IMMEDIATE")
            transactionDepth = 1
            defer { transactionDepth = 0 }
            do {
                let result = try body()
                connection.resetCachedStatements()
                try connection.execute("COMMIT")
                return result
            } catch {
                connection.resetCachedStatements()
                try? connection.execute("ROLLBACK")
                throw error
            }
        }
        let savepoint = "pintail_\(transactionDepth)"
        try connection.execute("SAVEPOINT \(savepoint)")
        transactionDepth += 1
        defer { transactionDepth -= 1 }
        do {
            let result = try body()
            try connection.execute("RELEASE \(savepoint)")
            return result
        } catch {
            try? connection.execute("ROLLBACK TO \(savepoint); RELEASE \(savepoint)")
            throw error
        }
    }

    static func mapped(_ error: any Error, path: String) -> CatalogError {
        switch error {
        case let error as CatalogError: error
        case let error as SQLiteError: .storage(error, path: path)
        case is StringListCoding.DecodingError:
            CatalogError(.invalidCatalogFile, "Catalog '\(path)' holds a malformed value")
        default: CatalogError(.storage, "Catalog '\(path)': \(error)")
        }
    }
}
