/// Statements back to SQL.
extension SQLPrinter {
    static func printStatement(_ kind: StatementKind) -> String {
        switch kind {
        case .query(let query): return printQuery(query)
        case .queryWithFunctions(let functions, let query):
            return "USING " + functions.map(printFunction).joined(separator: ", ") + " " + printQuery(query)
        case .explain(let explain):
            return "EXPLAIN " + (explain.analyze ? "ANALYZE " : "") + (explain.verbose ? "VERBOSE " : "")
                + printStatement(explain.statement.kind)
        case .createDatabase(let db):
            var out = "CREATE DATABASE " + (db.ifNotExists ? "IF NOT EXISTS " : "") + name(db.name)
            if let comment = db.comment { out += " COMMENT " + string(comment) }
            if let location = db.storageLocation { out += " LOCATION " + string(location) }
            if !db.properties.isEmpty { out += " WITH DBPROPERTIES " + printStringProperties(db.properties) }
            return out
        case .dropDatabase(let db):
            return "DROP DATABASE " + (db.ifExists ? "IF EXISTS " : "") + name(db.name) + (db.cascade ? " CASCADE" : "")
        case .showDatabases(let pattern): return "SHOW DATABASES" + (pattern.map { " LIKE " + string($0) } ?? "")
        case .showTables(let database, let pattern):
            return "SHOW TABLES" + (database.map { " IN " + name($0) } ?? "") + (pattern.map { " LIKE " + string($0) } ?? "")
        case .describe(let table, let detail):
            return "DESCRIBE " + (detail == .plain ? "" : detail.rawValue + " ") + name(table)
        case .showCreateTable(let table): return "SHOW CREATE TABLE " + name(table)
        case .showColumns(let table, let database):
            return "SHOW COLUMNS IN " + name(table) + (database.map { " IN " + name($0) } ?? "")
        case .showPartitions(let table): return "SHOW PARTITIONS " + name(table)
        case .dropTable(let table, let ifExists): return "DROP TABLE " + (ifExists ? "IF EXISTS " : "") + name(table)
        case .use(let database): return "USE " + name(database)
        case .createTable(let table): return printCreateTable(table)
        case .createTableAsSelect(let ctas):
            var out = "CREATE TABLE " + (ctas.ifNotExists ? "IF NOT EXISTS " : "") + name(ctas.name)
            if let columns = ctas.columnAliases { out += " " + identifierList(columns) }
            if let comment = ctas.comment { out += " COMMENT " + string(comment) }
            if !ctas.properties.isEmpty { out += " WITH " + printProperties(ctas.properties) }
            let using = ctas.functions.isEmpty ? "" : "USING " + ctas.functions.map(printFunction).joined(separator: ", ") + " "
            return out + " AS " + using + printQuery(ctas.query) + (ctas.withData ? "" : " WITH NO DATA")
        case .insert(let insert):
            return "INSERT INTO " + name(insert.table) + (insert.columns.map { " " + identifierList($0) } ?? "") + " "
                + printQuery(insert.query)
        case .repairTable(let table): return "MSCK REPAIR TABLE " + name(table)
        case .addPartitions(let add):
            return "ALTER TABLE " + name(add.table) + " ADD " + (add.ifNotExists ? "IF NOT EXISTS " : "")
                + add.partitions.map(printPartition).joined(separator: " ")
        case .dropPartitions(let drop):
            return "ALTER TABLE " + name(drop.table) + " DROP " + (drop.ifExists ? "IF EXISTS " : "")
                + list(drop.partitions, printPartition)
        case .createEndpoint(let endpoint):
            return "CREATE " + (endpoint.orReplace ? "OR REPLACE " : "") + "ENDPOINT "
                + (endpoint.ifNotExists ? "IF NOT EXISTS " : "") + identifier(endpoint.name) + " WITH "
                + printProperties(endpoint.properties)
        case .dropEndpoint(let endpoint, let ifExists):
            return "DROP ENDPOINT " + (ifExists ? "IF EXISTS " : "") + identifier(endpoint)
        case .showEndpoints: return "SHOW ENDPOINTS"
        }
    }

    static func printProperties(_ properties: [Property]) -> String {
        "(" + list(properties) { identifier($0.name) + " = " + printExpression($0.value) } + ")"
    }

    static func printStringProperties(_ properties: [StringProperty]) -> String {
        "(" + list(properties) { string($0.key) + " = " + string($0.value) } + ")"
    }

    static func printPartition(_ spec: PartitionSpec) -> String {
        "PARTITION (" + list(spec.values) { identifier($0.key) + " = " + printExpression($0.value) } + ")"
            + (spec.storageLocation.map { " LOCATION " + string($0) } ?? "")
    }

    static func printColumn(_ column: ColumnDefinition) -> String {
        identifier(column.name) + " " + type(column.type) + (column.comment.map { " COMMENT " + string($0) } ?? "")
    }

    /// Multi-line, in Hive's clause order, as SHOW CREATE TABLE shows it.
    static func printCreateTable(_ table: CreateTable) -> String {
        var out = "CREATE " + (table.external ? "EXTERNAL " : "") + "TABLE " + (table.ifNotExists ? "IF NOT EXISTS " : "")
        out += name(table.name) + " (\n  " + table.columns.map(printColumn).joined(separator: ",\n  ") + "\n)"
        if let comment = table.comment { out += "\nCOMMENT " + string(comment) }
        if !table.partitionedBy.isEmpty { out += "\nPARTITIONED BY (" + list(table.partitionedBy, printColumn) + ")" }
        switch table.rowFormat {
        case .delimited(let format):
            out += "\nROW FORMAT DELIMITED"
            let clauses: [(String, StringLiteral?)] = [
                ("FIELDS TERMINATED BY", format.fieldsTerminatedBy), ("ESCAPED BY", format.escapedBy),
                ("COLLECTION ITEMS TERMINATED BY", format.collectionItemsTerminatedBy),
                ("MAP KEYS TERMINATED BY", format.mapKeysTerminatedBy),
                ("LINES TERMINATED BY", format.linesTerminatedBy), ("NULL DEFINED AS", format.nullDefinedAs),
            ]
            for (keyword, value) in clauses { if let value { out += "\n  " + keyword + " " + string(value) } }
        case .serde(let className, let properties):
            out += "\nROW FORMAT SERDE " + string(className)
            if !properties.isEmpty { out += "\nWITH SERDEPROPERTIES " + printStringProperties(properties) }
        case nil: break
        }
        switch table.storedAs {
        case .named(let format): out += "\nSTORED AS " + identifier(format)
        case .inputOutput(let input, let output):
            out += "\nSTORED AS INPUTFORMAT " + string(input) + "\nOUTPUTFORMAT " + string(output)
        case nil: break
        }
        if let location = table.storageLocation { out += "\nLOCATION " + string(location) }
        if !table.tableProperties.isEmpty { out += "\nTBLPROPERTIES " + printStringProperties(table.tableProperties) }
        return out
    }

    static func printFunction(_ function: FunctionDeclaration) -> String {
        var out = (function.external ? "EXTERNAL " : "") + "FUNCTION " + identifier(function.name) + "("
        out += list(function.parameters) { identifier($0.name) + " " + type($0.type) } + ") RETURNS " + type(function.returnType)
        if function.shorthand, let first = function.properties.first {
            let keyword = function.implementation == .sagemakerInvokeEndpoint ? "SAGEMAKER" : "LAMBDA"
            return out + " " + keyword + " " + printExpression(first.value)
        }
        return out + " TYPE " + function.implementation.rawValue + " WITH " + printProperties(function.properties)
    }
}
