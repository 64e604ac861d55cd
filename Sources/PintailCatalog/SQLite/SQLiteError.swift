import CSQLite

/// A failed SQLite call: the result code, SQLite's own message and the SQL that was running.
package struct SQLiteError: Error, CustomStringConvertible, Sendable {
    /// The extended result code (e.g. `SQLITE_BUSY`, `SQLITE_NOTADB`, `SQLITE_CONSTRAINT_UNIQUE`).
    package let code: Int32
    package let message: String
    package let sql: String?

    package init(code: Int32, message: String, sql: String?) {
        self.code = code
        self.message = message
        self.sql = sql
    }

    /// The primary result code, without the extended bits.
    package var primaryCode: Int32 { code & 0xFF }

    package var isNotADatabase: Bool { primaryCode == SQLITE_NOTADB || primaryCode == SQLITE_CORRUPT }
    package var isConstraintViolation: Bool { primaryCode == SQLITE_CONSTRAINT }
    /// Another connection holds a lock this one needs (`SQLITE_BUSY`, `SQLITE_LOCKED` and their extended codes).
    package var isBusy: Bool { primaryCode == SQLITE_BUSY || primaryCode == SQLITE_LOCKED }

    package var description: String {
        if let sql { return "SQLite error \(code): \(message) (in: \(sql))" }
        return "SQLite error \(code): \(message)"
    }
}
