import Foundation

/// Reading and writing rows of the `tables` and `columns` tables.
enum TableRows {
    static let columns = """
        id, name, kind, location, format, input_format, output_format, serde_library, serde_properties, \
        properties, comment, created_at, updated_at, version
        """

    /// Lower-cases names and checks that the definition holds together.
    static func normalized(_ table: CatalogTable) throws(CatalogError) -> CatalogTable {
        var table = table
        table.database = try CatalogValues.normalizedName(table.database, what: "Database")
        table.name = try CatalogValues.normalizedName(table.name, what: "Table")
        let qualified = table.qualifiedName
        guard table.location.hasPrefix("/") || table.location.contains("://") else {
            throw CatalogError(
                .invalidDefinition,
                "Table '\(qualified)' needs an absolute location, not '\(table.location)'")
        }
        var seen: Set<String> = []
        for index in table.columns.indices {
            table.columns[index].name = try CatalogValues.normalizedName(table.columns[index].name, what: "Column")
        }
        for index in table.partitionKeys.indices {
            table.partitionKeys[index].name = try CatalogValues.normalizedName(
                table.partitionKeys[index].name, what: "Partition key")
        }
        for column in table.allColumns {
            guard !column.type.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw CatalogError(.invalidDefinition, "Column '\(column.name)' of table '\(qualified)' has no type")
            }
            guard seen.insert(column.name).inserted else {
                throw CatalogError(.invalidDefinition, "Column '\(column.name)' appears twice in table '\(qualified)'")
            }
        }
        return table
    }

    static func decode(_ row: SQLiteStatement, database: String) throws -> (id: Int64, table: CatalogTable) {
        guard let kind = TableKind(rawValue: row.text(2)) else { throw StringListCoding.DecodingError() }
        let table = CatalogTable(
            database: database, name: row.text(1), kind: kind, location: row.text(3),
            format: StorageFormat(row.text(4)), inputFormat: row.optionalText(5), outputFormat: row.optionalText(6),
            serdeLibrary: row.optionalText(7),
            serdeProperties: try StringListCoding.decodeProperties(row.text(8)),
            properties: try StringListCoding.decodeProperties(row.text(9)), columns: [], partitionKeys: [],
            comment: row.optionalText(10), createdAt: CatalogValues.date(row.int64(11)),
            updatedAt: CatalogValues.date(row.int64(12)), version: row.int64(13))
        return (row.int64(0), table)
    }

    static func find(_ name: TableName, in connection: SQLiteConnection) throws -> (id: Int64, table: CatalogTable)? {
        let select = try connection.cached("""
            SELECT \(qualifiedColumns) FROM tables t JOIN databases d ON d.id = t.database_id
            WHERE d.name = ? AND t.name = ?
            """)
        try select.bind(name.database, at: 1)
        try select.bind(name.name, at: 2)
        guard try select.step() else { return nil }
        let found = try decode(select, database: name.database)
        select.reset()
        var table = found.table
        try loadColumns(of: &table, id: found.id, in: connection)
        return (found.id, table)
    }

    /// The table's id, or tableNotFound (or databaseNotFound when the database is missing too).
    static func id(of name: TableName, in connection: SQLiteConnection) throws -> Int64 {
        let select = try connection.cached("""
            SELECT t.id FROM tables t JOIN databases d ON d.id = t.database_id WHERE d.name = ? AND t.name = ?
            """)
        try select.bind(name.database, at: 1)
        try select.bind(name.name, at: 2)
        guard try select.step() else {
            _ = try DatabaseRows.id(of: name.database, in: connection)
            throw CatalogError.tableNotFound(name)
        }
        let id = select.int64(0)
        select.reset()
        return id
    }

    static func list(databaseID: Int64, databaseName: String, in connection: SQLiteConnection) throws -> [CatalogTable] {
        let select = try connection.cached("SELECT \(columns) FROM tables WHERE database_id = ? ORDER BY name")
        try select.bind(databaseID, at: 1)
        var rows: [(id: Int64, table: CatalogTable)] = []
        while try select.step() { rows.append(try decode(select, database: databaseName)) }
        var tables: [CatalogTable] = []
        for row in rows {
            var table = row.table
            try loadColumns(of: &table, id: row.id, in: connection)
            tables.append(table)
        }
        return tables
    }

    /// Inserts the table row and its columns; returns the new id.
    static func insert(_ table: CatalogTable, databaseID: Int64, in connection: SQLiteConnection) throws -> Int64 {
        let insert = try connection.cached("""
            INSERT INTO tables (database_id, name, kind, location, format, input_format, output_format,
                serde_library, serde_properties, properties, comment, created_at, updated_at, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        try insert.bind(databaseID, at: 1)
        try insert.bind(table.name, at: 2)
        try bindDefinition(table, to: insert, from: 3)
        try insert.bind(CatalogValues.millis(table.createdAt), at: 12)
        try insert.bind(CatalogValues.millis(table.updatedAt), at: 13)
        try insert.bind(table.version, at: 14)
        try insert.run()
        let id = connection.lastInsertRowID
        try insertColumns(of: table, id: id, in: connection)
        return id
    }

    /// Overwrites the definition of table `id` and replaces its columns.
    static func update(_ table: CatalogTable, id: Int64, in connection: SQLiteConnection) throws {
        let update = try connection.cached("""
            UPDATE tables SET kind = ?, location = ?, format = ?, input_format = ?, output_format = ?,
                serde_library = ?, serde_properties = ?, properties = ?, comment = ?, updated_at = ?, version = ?
            WHERE id = ?
            """)
        try bindDefinition(table, to: update, from: 1)
        try update.bind(CatalogValues.millis(table.updatedAt), at: 10)
        try update.bind(table.version, at: 11)
        try update.bind(id, at: 12)
        try update.run()
        let delete = try connection.cached("DELETE FROM columns WHERE table_id = ?")
        try delete.bind(id, at: 1)
        try delete.run()
        try insertColumns(of: table, id: id, in: connection)
    }

    /// Binds kind through comment (9 values) starting at parameter `first`.
    private static func bindDefinition(_ table: CatalogTable, to statement: SQLiteStatement, from first: Int32) throws {
        try statement.bind(table.kind.rawValue, at: first)
        try statement.bind(table.location, at: first + 1)
        try statement.bind(table.format.rawValue, at: first + 2)
        try statement.bind(table.inputFormat, at: first + 3)
        try statement.bind(table.outputFormat, at: first + 4)
        try statement.bind(table.serdeLibrary, at: first + 5)
        try statement.bind(StringListCoding.encode(table.serdeProperties), at: first + 6)
        try statement.bind(StringListCoding.encode(table.properties), at: first + 7)
        try statement.bind(table.comment, at: first + 8)
    }

    private static let qualifiedColumns = columns.split(separator: ",")
        .map { "t." + $0.trimmingCharacters(in: .whitespaces) }.joined(separator: ", ")

    private static func insertColumns(of table: CatalogTable, id: Int64, in connection: SQLiteConnection) throws {
        let insert = try connection.cached(
            "INSERT INTO columns (table_id, is_partition_key, position, name, type, comment) VALUES (?, ?, ?, ?, ?, ?)")
        for (isKey, list) in [(Int64(0), table.columns), (Int64(1), table.partitionKeys)] {
            for (position, column) in list.enumerated() {
                try insert.bind(id, at: 1)
                try insert.bind(isKey, at: 2)
                try insert.bind(Int64(position), at: 3)
                try insert.bind(column.name, at: 4)
                try insert.bind(column.type, at: 5)
                try insert.bind(column.comment, at: 6)
                try insert.run()
            }
        }
    }

    private static func loadColumns(of table: inout CatalogTable, id: Int64, in connection: SQLiteConnection) throws {
        let select = try connection.cached("""
            SELECT is_partition_key, name, type, comment FROM columns WHERE table_id = ?
            ORDER BY is_partition_key, position
            """)
        try select.bind(id, at: 1)
        while try select.step() {
            let column = CatalogColumn(name: select.text(1), type: select.text(2), comment: select.optionalText(3))
            if select.int64(0) == 0 { table.columns.append(column) } else { table.partitionKeys.append(column) }
        }
    }
}
