/// Reading and writing rows of the `partitions` table.
enum PartitionRows {
    static let columns = "partition_values, location, created_at, file_count, byte_count, row_count"

    static func decode(_ row: SQLiteStatement) throws -> CatalogPartition {
        var stats: PartitionStats?
        if let files = row.optionalInt64(3), let bytes = row.optionalInt64(4) {
            stats = PartitionStats(fileCount: files, byteCount: bytes, rowCount: row.optionalInt64(5))
        }
        return CatalogPartition(
            values: try StringListCoding.decodeValues(row.text(0)), location: row.text(1), stats: stats,
            createdAt: CatalogValues.date(row.int64(2)))
    }

    static func count(tableID: Int64, in connection: SQLiteConnection) throws -> Int64 {
        let select = try connection.cached("SELECT count(*) FROM partitions WHERE table_id = ?")
        try select.bind(tableID, at: 1)
        _ = try select.step()
        let count = select.int64(0)
        select.reset()
        return count
    }

    /// Binds location and stats to parameters `first` ... `first + 3`.
    static func bindContents(_ partition: CatalogPartition, to statement: SQLiteStatement, from first: Int32) throws {
        try statement.bind(partition.location, at: first)
        try statement.bind(partition.stats?.fileCount, at: first + 1)
        try statement.bind(partition.stats?.byteCount, at: first + 2)
        try statement.bind(partition.stats?.rowCount, at: first + 3)
    }

    /// Checks a partition against the table's keys before it is written.
    static func validate(_ partition: CatalogPartition, of table: CatalogTable) throws(CatalogError) {
        guard !table.partitionKeys.isEmpty else {
            throw CatalogError(.invalidDefinition, "Table '\(table.qualifiedName)' is not partitioned")
        }
        guard partition.values.count == table.partitionKeys.count else {
            throw CatalogError(
                .invalidDefinition,
                "Table '\(table.qualifiedName)' has \(table.partitionKeys.count) partition key(s), but partition "
                    + "\(spec(partition.values, of: table)) has \(partition.values.count) value(s)")
        }
        guard partition.location.hasPrefix("/") || partition.location.contains("://") else {
            throw CatalogError(
                .invalidDefinition,
                "Partition \(spec(partition.values, of: table)) needs an absolute location, not '\(partition.location)'")
        }
    }

    /// `(year='2015', category=NULL)`, the way a user spells a partition.
    static func spec(_ values: [String?], of table: CatalogTable) -> String {
        let parts = values.enumerated().map { index, value in
            let key = index < table.partitionKeys.count ? table.partitionKeys[index].name : "?"
            return value.map { "\(key)='\($0)'" } ?? "\(key)=NULL"
        }
        return "(" + parts.joined(separator: ", ") + ")"
    }
}
