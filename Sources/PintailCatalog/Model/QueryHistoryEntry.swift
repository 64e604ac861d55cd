import Foundation

/// How a query ended.
public enum QueryStatus: String, Hashable, Sendable, CaseIterable {
    case succeeded = "SUCCEEDED"
    case failed = "FAILED"
    case cancelled = "CANCELLED"
}

/// One finished query, as the engine reports it after running.
public struct QueryHistoryEntry: Hashable, Sendable {
    /// The engine's query id (also used in written file names).
    public var id: String
    public var sql: String
    /// The session's current database when the query ran.
    public var database: String?
    /// Stored to the millisecond.
    public var startedAt: Date
    public var elapsedSeconds: Double
    public var rowCount: Int64
    public var bytesScanned: Int64
    public var status: QueryStatus
    public var errorText: String?

    public init(
        id: String, sql: String, database: String? = nil, startedAt: Date, elapsedSeconds: Double,
        rowCount: Int64 = 0, bytesScanned: Int64 = 0, status: QueryStatus, errorText: String? = nil
    ) {
        self.id = id
        self.sql = sql
        self.database = database
        self.startedAt = startedAt
        self.elapsedSeconds = elapsedSeconds
        self.rowCount = rowCount
        self.bytesScanned = bytesScanned
        self.status = status
        self.errorText = errorText
    }
}
