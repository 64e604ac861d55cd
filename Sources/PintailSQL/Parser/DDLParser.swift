/// CREATE and DROP for databases, tables (Hive DDL and CTAS) and endpoints.
extension Parser {
    /// Grammar: create
    mutating func create() throws(SQLSyntaxError) -> StatementKind {
        try expect("create")
        if at("or") || at("endpoint") { return try createEndpoint() }
        if accept("database") || accept("schema") { return try createDatabase() }
        let external = accept("external")
        try expect("table")
        let ifNotExists = try ifNotExistsClause()
        let name = try qualifiedName()
        // A column list (name type) makes a Hive table; names only or no list make a CTAS.
        if !external, !(atSymbol("(") && Self.isIdentifier(peek(1)) && !peekIsSymbol(",", ahead: 2)
            && !peekIsSymbol(")", ahead: 2))
        {
            return try createTableAsSelect(name: name, ifNotExists: ifNotExists)
        }
        return .createTable(try hiveTable(name: name, external: external, ifNotExists: ifNotExists))
    }

    mutating func ifNotExistsClause() throws(SQLSyntaxError) -> Bool {
        guard accept("if") else { return false }
        try expect("not")
        try expect("exists")
        return true
    }

    mutating func ifExistsClause() throws(SQLSyntaxError) -> Bool {
        guard accept("if") else { return false }
        try expect("exists")
        return true
    }

    /// Grammar: create-database
    mutating func createDatabase() throws(SQLSyntaxError) -> StatementKind {
        var db = CreateDatabase(name: QualifiedName([]))
        db.ifNotExists = try ifNotExistsClause()
        db.name = try qualifiedName()
        if accept("comment") { db.comment = try stringLiteral() }
        if accept("location") { db.storageLocation = try stringLiteral() }
        if accept("with") {
            try expect("dbproperties")
            db.properties = try stringProperties()
        }
        return .createDatabase(db)
    }

    /// Grammar: string-properties
    mutating func stringProperties() throws(SQLSyntaxError) -> [StringProperty] {
        try parenthesizedList { (p: inout Parser) throws(SQLSyntaxError) in
            let key = try p.stringLiteral()
            try p.expectSymbol("=")
            return StringProperty(key: key, value: try p.stringLiteral())
        }
    }

    /// Grammar: properties
    mutating func properties() throws(SQLSyntaxError) -> [Property] {
        try parenthesizedList { (p: inout Parser) throws(SQLSyntaxError) in
            let name = try p.identifier()
            try p.expectSymbol("=")
            return Property(name: name, value: try p.expression())
        }
    }

    /// Grammar: drop
    mutating func drop() throws(SQLSyntaxError) -> StatementKind {
        try expect("drop")
        if accept("database") || accept("schema") {
            let ifExists = try ifExistsClause()
            let name = try qualifiedName()
            var cascade = false
            if accept("cascade") { cascade = true } else { _ = accept("restrict") }
            return .dropDatabase(DropDatabase(name: name, ifExists: ifExists, cascade: cascade))
        }
        if accept("endpoint") {
            let ifExists = try ifExistsClause()
            return .dropEndpoint(name: try identifier(), ifExists: ifExists)
        }
        try expect("table")
        let ifExists = try ifExistsClause()
        return .dropTable(table: try qualifiedName(), ifExists: ifExists)
    }

    /// Grammar: create-table-as-select
    mutating func createTableAsSelect(name: QualifiedName, ifNotExists: Bool) throws(SQLSyntaxError) -> StatementKind {
        var ctas = CreateTableAsSelect(name: name, ifNotExists: ifNotExists, query: Query(body: .values(Values(rows: []))))
        if atSymbol("(") {
            ctas.columnAliases = try parenthesizedList { (p: inout Parser) throws(SQLSyntaxError) in try p.identifier() }
        }
        if accept("comment") { ctas.comment = try stringLiteral() }
        if accept("with") { ctas.properties = try properties() }
        try expect("as")
        if accept("using") { ctas.functions = try functionDeclarations() }
        ctas.query = atSymbol("(") && !startsQuery(afterParenthesis: false) ? try parenthesizedQuery() : try query()
        if accept("with") {
            ctas.withData = !accept("no")
            try expect("data")
        }
        return .createTableAsSelect(ctas)
    }

    /// Grammar: column-definition
    mutating func columnDefinition() throws(SQLSyntaxError) -> ColumnDefinition {
        let name = try identifier()
        let type = try typeSyntax()
        let comment = accept("comment") ? try stringLiteral() : nil
        return ColumnDefinition(name: name, type: type, comment: comment)
    }
}
