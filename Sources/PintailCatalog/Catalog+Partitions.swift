/// ALTER TABLE ADD / DROP PARTITION, MSCK REPAIR TABLE, SHOW PARTITIONS.
extension Catalog {
    /// Adds partitions in one transaction with one reused statement (MSCK REPAIR adds thousands).
    /// Returns how many were added. An existing partition (same values) is an error unless
    /// `ifNotExists`, in which case it is left as it is and not counted. Either all are added or none.
    @discardableResult
    public func addPartitions(_ partitions: [CatalogPartition], to table: TableName, ifNotExists: Bool = false)
        throws(CatalogError) -> Int
    {
        try write { connection in
            guard let (tableID, definition) = try TableRows.find(table, in: connection) else {
                _ = try DatabaseRows.id(of: table.database, in: connection)
                throw CatalogError.tableNotFound(table)
            }
            let insert = try connection.cached("""
                INSERT INTO partitions (table_id, partition_values, location, file_count, byte_count, row_count,
                    created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (table_id, partition_values) DO NOTHING
                """)
            let now = CatalogValues.nowMillis()
            var added = 0
            for partition in partitions {
                try PartitionRows.validate(partition, of: definition)
                try insert.bind(tableID, at: 1)
                try insert.bind(StringListCoding.encode(partition.values), at: 2)
                try PartitionRows.bindContents(partition, to: insert, from: 3)
                try insert.bind(now, at: 7)
                try insert.run()
                if connection.changes == 1 {
                    added += 1
                } else if !ifNotExists {
                    throw CatalogError(
                        .partitionExists,
                        "Partition \(PartitionRows.spec(partition.values, of: definition)) already exists in "
                            + "table '\(table)'")
                }
            }
            return added
        }
    }

    /// Drops the partitions with the given values and returns the ones dropped (so the engine can
    /// decide about their files). A missing partition is an error unless `ifExists`.
    @discardableResult
    public func dropPartitions(_ values: [[String?]], from table: TableName, ifExists: Bool = false)
        throws(CatalogError) -> [CatalogPartition]
    {
        try write { connection in
            guard let (tableID, definition) = try TableRows.find(table, in: connection) else {
                _ = try DatabaseRows.id(of: table.database, in: connection)
                throw CatalogError.tableNotFound(table)
            }
            let delete = try connection.cached("""
                DELETE FROM partitions WHERE table_id = ? AND partition_values = ? RETURNING \(PartitionRows.columns)
                """)
            var dropped: [CatalogPartition] = []
            for partitionValues in values {
                try delete.bind(tableID, at: 1)
                try delete.bind(StringListCoding.encode(partitionValues), at: 2)
                if try delete.step() {
                    dropped.append(try PartitionRows.decode(delete))
                    while try delete.step() {}
                } else if !ifExists {
                    throw CatalogError(
                        .partitionNotFound,
                        "Partition \(PartitionRows.spec(partitionValues, of: definition)) does not exist in "
                            + "table '\(table)'")
                }
                delete.reset()
            }
            return dropped
        }
    }

    /// Replaces the location and statistics of existing partitions (a recrawl); returns how many were
    /// found. Partitions that do not exist are skipped.
    @discardableResult
    public func updatePartitions(_ partitions: [CatalogPartition], of table: TableName) throws(CatalogError) -> Int {
        try write { connection in
            let tableID = try TableRows.id(of: table, in: connection)
            let update = try connection.cached("""
                UPDATE partitions SET location = ?, file_count = ?, byte_count = ?, row_count = ?
                WHERE table_id = ? AND partition_values = ?
                """)
            var updated = 0
            for partition in partitions {
                try PartitionRows.bindContents(partition, to: update, from: 1)
                try update.bind(tableID, at: 5)
                try update.bind(StringListCoding.encode(partition.values), at: 6)
                try update.run()
                updated += connection.changes
            }
            return updated
        }
    }

    /// All partitions of a table, in the order they were added.
    public func partitions(of table: TableName) throws(CatalogError) -> [CatalogPartition] {
        try read { connection in
            let tableID = try TableRows.id(of: table, in: connection)
            let select = try connection.cached(
                "SELECT \(PartitionRows.columns) FROM partitions WHERE table_id = ? ORDER BY id")
            try select.bind(tableID, at: 1)
            var result: [CatalogPartition] = []
            while try select.step() { result.append(try PartitionRows.decode(select)) }
            return result
        }
    }

    /// The partition with exactly these values, or nil.
    public func partition(of table: TableName, values: [String?]) throws(CatalogError) -> CatalogPartition? {
        try read { connection in
            let tableID = try TableRows.id(of: table, in: connection)
            let select = try connection.cached(
                "SELECT \(PartitionRows.columns) FROM partitions WHERE table_id = ? AND partition_values = ?")
            try select.bind(tableID, at: 1)
            try select.bind(StringListCoding.encode(values), at: 2)
            guard try select.step() else { return nil }
            return try PartitionRows.decode(select)
        }
    }
}
