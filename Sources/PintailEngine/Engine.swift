import Foundation
import PintailCore
import PintailCatalog
import PintailSQL
import PintailExecution
import PintailML

/// Settings an engine starts with.
public struct EngineOptions: Sendable {
    /// Folder holding catalog.db and models; nil means `$PINTAIL_HOME`, else `~/.pintail`.
    public var home: String?
    /// Worker threads for query execution (default: one per core).
    public var threads: Int
    public init(home: String? = nil, threads: Int? = nil) {
        self.home = home
        self.threads = threads ?? Engine.coreCount
    }
}

/// One opened catalog and the machinery to run queries over it. Create sessions to run SQL.
public final class Engine: Sendable {
    public let options: EngineOptions
    public let homePath: String
    let catalog: Catalog

    public static var coreCount: Int { max(1, sysconfCores()) }

    /// The folder a default engine uses: `$PINTAIL_HOME`, else `~/.pintail`.
    public static func defaultHome() -> String {
        let env = ProcessEnvironment.value("PINTAIL_HOME")
        if let env, !env.isEmpty { return env }
        return (ProcessEnvironment.value("HOME") ?? ".") + "/.pintail"
    }

    public init(options: EngineOptions = EngineOptions()) throws {
        _ = AllocatorTuning.applied
        _ = BLASThreads.singleThreaded
        self.options = options
        homePath = absolutePath(options.home ?? Engine.defaultHome())
        guard FileSystem.makeDirectories(homePath) else {
            throw PintailError(.io, "Cannot create the Pintail home folder '\(homePath)'")
        }
        do {
            catalog = try Catalog.open(path: homePath + "/catalog.db")
        } catch {
            throw PintailError(.catalog, error.description)
        }
    }

    /// A new session whose current database is `database`.
    public func makeSession(database: String = "default") -> Session {
        Session(engine: self, database: database)
    }
}

/// A user's conversation with the engine: a current database and the statements run in it.
public final class Session {
    public let engine: Engine
    /// The database unqualified table names resolve in (`USE db` changes it).
    public private(set) var currentDatabase: String

    init(engine: Engine, database: String) {
        self.engine = engine
        currentDatabase = database.lowercased()
    }

    /// Runs every statement of `sql` (separated by `;`) in order, handing each result to `onResult` as soon as it is
    /// complete; stops at the first error and throws it as a `PintailError`.
    public func execute(script sql: String, onResult: (StatementResult) throws -> Void) throws {
        let statements: [Statement]
        do {
            statements = try PintailSQL.parse(sql)
        } catch {
            throw PintailError(.syntax, error.message, line: error.line, column: error.column, sql: sql)
        }
        for statement in statements {
            let started = Clock.now()
            let startedWall = Clock.wall()
            var result: StatementResult
            do {
                result = try run(statement, script: sql)
            } catch let e as PintailError {
                record(statement, script: sql, started: startedWall, elapsed: Clock.now() - started, result: nil, error: e)
                throw e
            }
            result.statistics.elapsedSeconds = Clock.now() - started
            result.statistics.rows = result.rowCount
            record(statement, script: sql, started: startedWall, elapsed: result.statistics.elapsedSeconds, result: result, error: nil)
            try onResult(result)
        }
    }

    /// Keeps the statement in the catalog's query history (the last 1,000), as Athena's console lists recent queries.
    /// History is a convenience: failing to write it never fails the statement.
    private func record(_ statement: Statement, script: String, started: Double, elapsed: Double,
                        result: StatementResult?, error: PintailError?) {
        let text = String(script.utf8.dropFirst(statement.range.start.offset).prefix(statement.range.offsets.count)) ?? ""
        let entry = QueryHistoryEntry(
            id: QueryID.make(), sql: text, database: currentDatabase, startedAt: Date(timeIntervalSince1970: started),
            elapsedSeconds: elapsed, rowCount: Int64(result?.rowCount ?? 0),
            bytesScanned: Int64(result?.statistics.bytesScanned ?? 0), status: error == nil ? .succeeded : .failed,
            errorText: error?.description)
        try? engine.catalog.appendHistory(entry, keepLast: 1000)
    }

    /// `USE db` and friends change the session's database.
    func use(_ database: String) { currentDatabase = database.lowercased() }

    /// Hands the memory the last statements freed back to the kernel. The interactive shell calls it while it waits
    /// for input; scripts and the benchmark do not, since memory kept between statements saves page faults.
    public func releaseFreeMemory() { AllocatorTuning.releaseFreeMemory() }

    /// Runs every statement of `sql` and returns their results.
    public func execute(_ sql: String) throws -> [StatementResult] {
        var results: [StatementResult] = []
        try execute(script: sql) { results.append($0) }
        return results
    }
}
