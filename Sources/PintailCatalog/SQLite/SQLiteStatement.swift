import CSQLite

/// A prepared statement with typed binding (1-based, as in SQLite) and typed reading (0-based columns).
package final class SQLiteStatement {
    private let statement: OpaquePointer
    package let sql: String

    /// Holds no reference to its `SQLiteConnection`: the connection caches statements, so a strong
    /// reference would be a cycle that never closes the file. `sqlite3_close_v2` keeps the handle alive
    /// until the last statement is finalized, so `sqlite3_db_handle` stays valid for error messages.
    init(statement: OpaquePointer, sql: String) {
        self.statement = statement
        self.sql = sql
    }

    deinit { sqlite3_finalize(statement) }

    /// Makes the statement ready to run again with new bindings.
    package func reset() {
        sqlite3_reset(statement)
        sqlite3_clear_bindings(statement)
    }

    // MARK: Binding

    package func bind(_ value: Int64, at index: Int32) throws(SQLiteError) {
        try check(sqlite3_bind_int64(statement, index, value))
    }

    package func bind(_ value: Int64?, at index: Int32) throws(SQLiteError) {
        guard let value else { return try bindNull(at: index) }
        try bind(value, at: index)
    }

    package func bind(_ value: Double, at index: Int32) throws(SQLiteError) {
        try check(sqlite3_bind_double(statement, index, value))
    }

    package func bind(_ value: String, at index: Int32) throws(SQLiteError) {
        try check(sqlite3_bind_text(statement, index, value, -1, pintail_sqlite_transient()))
    }

    package func bind(_ value: String?, at index: Int32) throws(SQLiteError) {
        guard let value else { return try bindNull(at: index) }
        try bind(value, at: index)
    }

    package func bindNull(at index: Int32) throws(SQLiteError) {
        try check(sqlite3_bind_null(statement, index))
    }

    // MARK: Running

    /// Advances to the next row; false when there are no more rows.
    @discardableResult
    package func step() throws(SQLiteError) -> Bool {
        let rc = sqlite3_step(statement)
        switch rc {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            let error = SQLiteError(code: rc, message: lastErrorMessage, sql: sql)
            sqlite3_reset(statement)
            throw error
        }
    }

    /// Runs a statement that returns no rows and resets it for reuse.
    package func run() throws(SQLiteError) {
        defer { sqlite3_reset(statement) }
        while try step() {}
    }

    // MARK: Reading the current row

    package func isNull(_ column: Int32) -> Bool {
        sqlite3_column_type(statement, column) == SQLITE_NULL
    }

    package func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(statement, column) }

    package func optionalInt64(_ column: Int32) -> Int64? { isNull(column) ? nil : int64(column) }

    package func double(_ column: Int32) -> Double { sqlite3_column_double(statement, column) }

    /// The column as text; NULL reads as an empty string (use `optionalText` to tell them apart).
    package func text(_ column: Int32) -> String {
        guard let bytes = sqlite3_column_text(statement, column) else { return "" }
        let count = Int(sqlite3_column_bytes(statement, column))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    package func optionalText(_ column: Int32) -> String? { isNull(column) ? nil : text(column) }

    private var lastErrorMessage: String { String(cString: sqlite3_errmsg(sqlite3_db_handle(statement))) }

    private func check(_ rc: Int32) throws(SQLiteError) {
        if rc != SQLITE_OK {
            throw SQLiteError(code: rc, message: lastErrorMessage, sql: sql)
        }
    }
}
