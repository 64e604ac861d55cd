/// CREATE / DROP / SHOW DATABASES.
extension Catalog {
    /// Creates a database (name stored lower case) and returns it as stored, with its creation time.
    @discardableResult
    public func createDatabase(_ database: CatalogDatabase, ifNotExists: Bool = false) throws(CatalogError)
        -> CatalogDatabase
    {
        let name = try CatalogValues.normalizedName(database.name, what: "Database")
        return try write { connection in
            if let existing = try DatabaseRows.find(name, in: connection) {
                if ifNotExists { return existing.database }
                throw CatalogError.databaseExists(name)
            }
            var stored = database
            stored.name = name
            let now = CatalogValues.nowMillis()
            stored.createdAt = CatalogValues.date(now)
            let insert = try connection.cached(
                "INSERT INTO databases (name, comment, location, properties, created_at) VALUES (?, ?, ?, ?, ?)")
            try insert.bind(name, at: 1)
            try insert.bind(database.comment, at: 2)
            try insert.bind(database.location, at: 3)
            try insert.bind(StringListCoding.encode(database.properties), at: 4)
            try insert.bind(now, at: 5)
            try insert.run()
            return stored
        }
    }

    /// Drops a database. Without `cascade` a database that still has tables is an error; with it, its
    /// tables and their partitions go too and are returned, so the engine can decide about their files.
    @discardableResult
    public func dropDatabase(_ name: String, ifExists: Bool = false, cascade: Bool = false) throws(CatalogError)
        -> [CatalogTable]
    {
        let name = try CatalogValues.normalizedName(name, what: "Database")
        guard name != CatalogDatabase.defaultName else {
            throw CatalogError(.notAllowed, "Cannot drop the 'default' database")
        }
        return try write { connection in
            guard let row = try DatabaseRows.find(name, in: connection) else {
                if ifExists { return [] }
                throw CatalogError.databaseNotFound(name)
            }
            let tables = try TableRows.list(databaseID: row.id, databaseName: name, in: connection)
            if !tables.isEmpty && !cascade {
                throw CatalogError(
                    .databaseNotEmpty,
                    "Database '\(name)' is not empty: it has \(tables.count) table(s); use CASCADE to drop them too")
            }
            let delete = try connection.cached("DELETE FROM databases WHERE id = ?")
            try delete.bind(row.id, at: 1)
            try delete.run()
            return tables
        }
    }

    /// All databases, by name.
    public func databases() throws(CatalogError) -> [CatalogDatabase] {
        try read { connection in
            let select = try connection.cached("SELECT \(DatabaseRows.columns) FROM databases ORDER BY name")
            var result: [CatalogDatabase] = []
            while try select.step() { result.append(try DatabaseRows.decode(select).database) }
            return result
        }
    }

    /// The database called `name` (any case), or nil.
    public func database(named name: String) throws(CatalogError) -> CatalogDatabase? {
        let name = try CatalogValues.normalizedName(name, what: "Database")
        return try read { connection in try DatabaseRows.find(name, in: connection)?.database }
    }

    /// Changes a database's comment, location and properties (`ALTER DATABASE ... SET DBPROPERTIES`).
    @discardableResult
    public func replaceDatabase(_ database: CatalogDatabase) throws(CatalogError) -> CatalogDatabase {
        let name = try CatalogValues.normalizedName(database.name, what: "Database")
        return try write { connection in
            guard let existing = try DatabaseRows.find(name, in: connection) else {
                throw CatalogError.databaseNotFound(name)
            }
            let update = try connection.cached(
                "UPDATE databases SET comment = ?, location = ?, properties = ? WHERE id = ?")
            try update.bind(database.comment, at: 1)
            try update.bind(database.location, at: 2)
            try update.bind(StringListCoding.encode(database.properties), at: 3)
            try update.bind(existing.id, at: 4)
            try update.run()
            var stored = database
            stored.name = name
            stored.createdAt = existing.database.createdAt
            return stored
        }
    }
}

/// Reading rows of the `databases` table.
enum DatabaseRows {
    static let columns = "id, name, comment, location, properties, created_at"

    static func decode(_ row: SQLiteStatement) throws -> (id: Int64, database: CatalogDatabase) {
        let database = CatalogDatabase(
            name: row.text(1), comment: row.optionalText(2), location: row.optionalText(3),
            properties: try StringListCoding.decodeProperties(row.text(4)),
            createdAt: CatalogValues.date(row.int64(5)))
        return (row.int64(0), database)
    }

    static func find(_ name: String, in connection: SQLiteConnection) throws -> (id: Int64, database: CatalogDatabase)? {
        let select = try connection.cached("SELECT \(columns) FROM databases WHERE name = ?")
        try select.bind(name, at: 1)
        guard try select.step() else { return nil }
        let result = try decode(select)
        select.reset()
        return result
    }

    /// The id of database `name`, or a databaseNotFound error.
    static func id(of name: String, in connection: SQLiteConnection) throws -> Int64 {
        guard let row = try find(name, in: connection) else { throw CatalogError.databaseNotFound(name) }
        return row.id
    }
}
