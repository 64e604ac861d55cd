// PintailEngine: the public face of Pintail. Engine opens a catalog; a Session runs SQL text statement by statement.
import PintailCore

/// A result column: its name and SQL type.
public struct ResultColumn: Sendable, Equatable {
    public var name: String
    public var type: DataType
    public init(name: String, type: DataType) {
        self.name = name
        self.type = type
    }
}

/// Figures a user sees after each statement, as Athena reports them.
public struct QueryStatistics: Sendable, Equatable {
    public var rows: Int = 0
    /// Wall-clock seconds from parse to the last row.
    public var elapsedSeconds: Double = 0
    /// Bytes read from data files (compressed size for compressed files): Athena's "Data scanned".
    public var bytesScanned: Int = 0
    public init() {}
}

/// What one statement produced: rows (for queries and SHOW/DESCRIBE), or just a message (for DDL).
public struct StatementResult: Sendable {
    /// Columns of the rows; empty for statements without a result set.
    public var columns: [ResultColumn]
    /// The rows, as batches of vectors parallel to `columns`.
    public var batches: [Batch]
    /// A short confirmation for statements without rows, e.g. `CREATE TABLE`.
    public var message: String?
    /// Notes for the user, printed after the result (e.g. fields that did not parse and became NULL).
    public var warnings: [String]
    public var statistics: QueryStatistics
    /// The statement's SQL text.
    public var sql: String

    public init(columns: [ResultColumn] = [], batches: [Batch] = [], message: String? = nil, warnings: [String] = [],
                statistics: QueryStatistics = QueryStatistics(), sql: String = "") {
        self.columns = columns
        self.batches = batches
        self.message = message
        self.warnings = warnings
        self.statistics = statistics
        self.sql = sql
    }

    public var hasRows: Bool { !columns.isEmpty }
    public var rowCount: Int { batches.reduce(0) { $0 + $1.count } }

    /// Every row as values (slow path: printing and tests).
    public func rows() -> [[Value]] {
        var out: [[Value]] = []
        for batch in batches {
            for r in 0..<batch.count { out.append(batch.columns.map { $0.value(at: r) }) }
        }
        return out
    }
}
