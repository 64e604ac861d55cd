/// `CREATE [EXTERNAL] TABLE` with Hive's clauses, in Hive's order.
extension Parser {
    /// Grammar: hive-table
    mutating func hiveTable(name: QualifiedName, external: Bool, ifNotExists: Bool) throws(SQLSyntaxError) -> CreateTable {
        var table = CreateTable(name: name, external: external, ifNotExists: ifNotExists, columns: [])
        table.columns = try parenthesizedList { (p: inout Parser) throws(SQLSyntaxError) in try p.columnDefinition() }
        if accept("comment") { table.comment = try stringLiteral() }
        if accept("partitioned") {
            try expect("by")
            table.partitionedBy = try parenthesizedList { (p: inout Parser) throws(SQLSyntaxError) in
                try p.columnDefinition()
            }
        }
        if accept("row") {
            try expect("format")
            table.rowFormat = try rowFormat()
        }
        if accept("stored") {
            try expect("as")
            if accept("inputformat") {
                let input = try stringLiteral()
                try expect("outputformat")
                table.storedAs = .inputOutput(input: input, output: try stringLiteral())
            } else {
                table.storedAs = .named(try identifier())
            }
        }
        if accept("location") { table.storageLocation = try stringLiteral() }
        if accept("tblproperties") { table.tableProperties = try stringProperties() }
        return table
    }

    /// Grammar: row-format
    mutating func rowFormat() throws(SQLSyntaxError) -> RowFormat {
        if accept("serde") {
            let className = try stringLiteral()
            var properties: [StringProperty] = []
            if accept("with") {
                try expect("serdeproperties")
                properties = try stringProperties()
            }
            return .serde(className: className, properties: properties)
        }
        try expect("delimited")
        var format = DelimitedRowFormat()
        if accept("fields") {
            format.fieldsTerminatedBy = try terminatedBy()
            if accept("escaped") {
                try expect("by")
                format.escapedBy = try stringLiteral()
            }
        }
        if accept("collection") {
            try expect("items")
            format.collectionItemsTerminatedBy = try terminatedBy()
        }
        if accept("map") {
            try expect("keys")
            format.mapKeysTerminatedBy = try terminatedBy()
        }
        if accept("lines") { format.linesTerminatedBy = try terminatedBy() }
        if accept("null") {
            try expect("defined")
            try expect("as")
            format.nullDefinedAs = try stringLiteral()
        }
        return .delimited(format)
    }

    mutating func terminatedBy() throws(SQLSyntaxError) -> StringLiteral {
        try expect("terminated")
        try expect("by")
        return try stringLiteral()
    }
}
