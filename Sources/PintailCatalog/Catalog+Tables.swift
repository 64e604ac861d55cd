/// CREATE / DROP / ALTER / SHOW TABLES.
extension Catalog {
    /// Creates a table and returns it as stored (lower-case names, version 1, creation time).
    /// With `ifNotExists`, an existing table is returned unchanged.
    @discardableResult
    public func createTable(_ table: CatalogTable, ifNotExists: Bool = false) throws(CatalogError) -> CatalogTable {
        var stored = try TableRows.normalized(table)
        return try write { connection in
            let databaseID = try DatabaseRows.id(of: stored.database, in: connection)
            if let existing = try TableRows.find(stored.qualifiedName, in: connection) {
                if ifNotExists { return existing.table }
                throw CatalogError.tableExists(stored.qualifiedName)
            }
            let now = CatalogValues.date(CatalogValues.nowMillis())
            stored.createdAt = now
            stored.updatedAt = now
            stored.version = 1
            _ = try TableRows.insert(stored, databaseID: databaseID, in: connection)
            return stored
        }
    }

    /// Removes a table and its partitions from the catalog and returns what was dropped (nil when it did
    /// not exist and `ifExists` is set). The catalog never deletes files: for a MANAGED table the
    /// engine decides whether to remove `location`.
    @discardableResult
    public func dropTable(db: String, name: String, ifExists: Bool = false) throws(CatalogError) -> CatalogTable? {
        let qualified = try Catalog.tableName(db: db, name: name)
        return try write { connection in
            guard let (id, table) = try TableRows.find(qualified, in: connection) else {
                _ = try DatabaseRows.id(of: qualified.database, in: connection)
                if ifExists { return nil }
                throw CatalogError.tableNotFound(qualified)
            }
            let delete = try connection.cached("DELETE FROM tables WHERE id = ?")
            try delete.bind(id, at: 1)
            try delete.run()
            return table
        }
    }

    /// The table `db.name` (any case), or nil. Throws databaseNotFound when `db` does not exist.
    public func table(db: String, name: String) throws(CatalogError) -> CatalogTable? {
        let qualified = try Catalog.tableName(db: db, name: name)
        return try read { connection in
            if let found = try TableRows.find(qualified, in: connection) { return found.table }
            _ = try DatabaseRows.id(of: qualified.database, in: connection)
            return nil
        }
    }

    /// The tables of database `db`, by name, optionally filtered by a SHOW TABLES pattern
    /// (`*` any characters, `|` between alternatives, case-insensitive; see `TableNamePattern`).
    public func tables(in db: String, like pattern: String? = nil) throws(CatalogError) -> [CatalogTable] {
        let database = try CatalogValues.normalizedName(db, what: "Database")
        let matcher = pattern.map(TableNamePattern.init)
        return try read { connection in
            let id = try DatabaseRows.id(of: database, in: connection)
            let tables = try TableRows.list(databaseID: id, databaseName: database, in: connection)
            guard let matcher else { return tables }
            return tables.filter { matcher.matches($0.name) }
        }
    }

    /// Just the table names of database `db` (SHOW TABLES), cheaper than `tables(in:like:)`.
    public func tableNames(in db: String, like pattern: String? = nil) throws(CatalogError) -> [String] {
        let database = try CatalogValues.normalizedName(db, what: "Database")
        let matcher = pattern.map(TableNamePattern.init)
        return try read { connection in
            let id = try DatabaseRows.id(of: database, in: connection)
            let select = try connection.cached("SELECT name FROM tables WHERE database_id = ? ORDER BY name")
            try select.bind(id, at: 1)
            var names: [String] = []
            while try select.step() {
                let name = select.text(0)
                if matcher?.matches(name) ?? true { names.append(name) }
            }
            return names
        }
    }

    /// Overwrites a table's definition (ALTER TABLE, CTAS replacing a schema...), bumps its version and
    /// update time, and returns it as stored. The table is found by `table.database` and `table.name`.
    /// - Parameter expectedVersion: when set, fail with `concurrentModification` unless the stored
    ///   version still equals it (someone else changed the table since it was read).
    @discardableResult
    public func replaceTable(_ table: CatalogTable, expectedVersion: Int64? = nil) throws(CatalogError) -> CatalogTable {
        var stored = try TableRows.normalized(table)
        return try write { connection in
            guard let (id, existing) = try TableRows.find(stored.qualifiedName, in: connection) else {
                _ = try DatabaseRows.id(of: stored.database, in: connection)
                throw CatalogError.tableNotFound(stored.qualifiedName)
            }
            if let expectedVersion, expectedVersion != existing.version {
                throw CatalogError(
                    .concurrentModification,
                    "Table '\(stored.qualifiedName)' changed while you were working on it (version "
                        + "\(existing.version), expected \(expectedVersion)); read it again and retry")
            }
            if stored.partitionKeys.count != existing.partitionKeys.count,
                try PartitionRows.count(tableID: id, in: connection) > 0
            {
                throw CatalogError(
                    .invalidDefinition,
                    "Table '\(stored.qualifiedName)' has partitions; drop them before changing the number of "
                        + "partition keys")
            }
            stored.createdAt = existing.createdAt
            stored.updatedAt = CatalogValues.date(CatalogValues.nowMillis())
            stored.version = existing.version + 1
            try TableRows.update(stored, id: id, in: connection)
            return stored
        }
    }

    static func tableName(db: String, name: String) throws(CatalogError) -> TableName {
        TableName(
            database: try CatalogValues.normalizedName(db, what: "Database"),
            name: try CatalogValues.normalizedName(name, what: "Table"))
    }
}
