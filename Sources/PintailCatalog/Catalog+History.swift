/// The query history behind `SHOW QUERIES` / the CLI's history listing.
extension Catalog {
    /// Records a finished query. With `keepLast`, older entries beyond the newest `keepLast` are pruned
    /// in the same transaction.
    public func appendHistory(_ entry: QueryHistoryEntry, keepLast: Int? = nil) throws(CatalogError) {
        try write { connection in
            let insert = try connection.cached("""
                INSERT INTO query_history (query_id, sql, database_name, started_at, elapsed_seconds, row_count,
                    bytes_scanned, status, error_text)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            try insert.bind(entry.id, at: 1)
            try insert.bind(entry.sql, at: 2)
            try insert.bind(entry.database, at: 3)
            try insert.bind(CatalogValues.millis(entry.startedAt), at: 4)
            try insert.bind(entry.elapsedSeconds.isFinite ? entry.elapsedSeconds : 0, at: 5)
            try insert.bind(entry.rowCount, at: 6)
            try insert.bind(entry.bytesScanned, at: 7)
            try insert.bind(entry.status.rawValue, at: 8)
            try insert.bind(entry.errorText, at: 9)
            try insert.run()
            if let keepLast { try Catalog.pruneHistory(keepLast: keepLast, in: connection) }
        }
    }

    /// The newest entries first; at most `limit` of them.
    public func history(limit: Int = 100) throws(CatalogError) -> [QueryHistoryEntry] {
        try read { connection in
            let select = try connection.cached("""
                SELECT query_id, sql, database_name, started_at, elapsed_seconds, row_count, bytes_scanned, status,
                    error_text
                FROM query_history ORDER BY seq DESC LIMIT ?
                """)
            try select.bind(Int64(max(0, limit)), at: 1)
            var result: [QueryHistoryEntry] = []
            while try select.step() {
                guard let status = QueryStatus(rawValue: select.text(7)) else { throw StringListCoding.DecodingError() }
                result.append(QueryHistoryEntry(
                    id: select.text(0), sql: select.text(1), database: select.optionalText(2),
                    startedAt: CatalogValues.date(select.int64(3)), elapsedSeconds: select.double(4),
                    rowCount: select.int64(5), bytesScanned: select.int64(6), status: status,
                    errorText: select.optionalText(8)))
            }
            return result
        }
    }

    /// Deletes all but the newest `keepLast` entries; returns how many were deleted.
    @discardableResult
    public func pruneHistory(keepLast: Int) throws(CatalogError) -> Int {
        try write { connection in try Catalog.pruneHistory(keepLast: keepLast, in: connection) }
    }

    @discardableResult
    private static func pruneHistory(keepLast: Int, in connection: SQLiteConnection) throws -> Int {
        let delete = try connection.cached("""
            DELETE FROM query_history WHERE seq <= (SELECT seq FROM query_history ORDER BY seq DESC LIMIT 1 OFFSET ?)
            """)
        try delete.bind(Int64(max(0, keepLast)), at: 1)
        try delete.run()
        return connection.changes
    }
}
