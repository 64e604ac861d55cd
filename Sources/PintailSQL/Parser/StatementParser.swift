/// Statement dispatch and the short utility statements (EXPLAIN, USE, SHOW, DESCRIBE).
extension Parser {
    /// Grammar: statement
    mutating func statement() throws(SQLSyntaxError) -> Statement {
        try enter()
        defer { leave() }
        let start = current.start
        let kind = try statementKind()
        return Statement(kind, location: start, range: SourceRange(start: start, end: previousEnd))
    }

    mutating func statementKind() throws(SQLSyntaxError) -> StatementKind {
        if at("using") { return try queryWithFunctions() }
        if at("explain") { return try explain() }
        if at("create") { return try create() }
        if at("drop") { return try drop() }
        if at("show") { return try show() }
        if at("describe") || at("desc") { return try describe() }
        if at("use") {
            advance()
            return .use(try qualifiedName())
        }
        if at("insert") { return try insert() }
        if at("msck") { return try repairTable() }
        if at("alter") { return try alterTablePartitions() }
        if startsQuery(afterParenthesis: false) || atSymbol("(") { return .query(try query()) }
        throw failure()
    }

    /// Grammar: explain
    mutating func explain() throws(SQLSyntaxError) -> StatementKind {
        try expect("explain")
        let analyze = accept("analyze")
        let verbose = accept("verbose")
        return .explain(Explain(analyze: analyze, verbose: verbose, statement: try statement()))
    }

    /// Grammar: show
    mutating func show() throws(SQLSyntaxError) -> StatementKind {
        try expect("show")
        if accept("databases") || accept("schemas") {
            return .showDatabases(pattern: accept("like") ? try stringLiteral() : nil)
        }
        if accept("tables") {
            var database: QualifiedName?
            if accept("in") || accept("from") { database = try qualifiedName() }
            var pattern: StringLiteral?
            if accept("like") || current.kind == .string { pattern = try stringLiteral() }
            return .showTables(database: database, pattern: pattern)
        }
        if accept("create") {
            try expect("table")
            return .showCreateTable(try qualifiedName())
        }
        if accept("columns") {
            if !accept("in") { try expect("from") }
            let table = try qualifiedName()
            var database: QualifiedName?
            if accept("in") || accept("from") { database = try qualifiedName() }
            return .showColumns(table: table, database: database)
        }
        if accept("partitions") { return .showPartitions(try qualifiedName()) }
        if accept("endpoints") { return .showEndpoints }
        throw failure()
    }

    /// Grammar: describe
    mutating func describe() throws(SQLSyntaxError) -> StatementKind {
        advance()
        var detail = DescribeDetail.plain
        // `DESCRIBE formatted` alone describes a table named formatted.
        if Self.isIdentifier(peek(1)) {
            if accept("formatted") { detail = .formatted } else if accept("extended") { detail = .extended }
        }
        return .describe(table: try qualifiedName(), detail: detail)
    }

    /// Grammar: insert
    mutating func insert() throws(SQLSyntaxError) -> StatementKind {
        try expect("insert")
        try expect("into")
        let table = try qualifiedName()
        var columns: [Identifier]?
        if atSymbol("("), !startsQuery(afterParenthesis: true) {
            columns = try parenthesizedList { (p: inout Parser) throws(SQLSyntaxError) in try p.identifier() }
        }
        return .insert(Insert(table: table, columns: columns, query: try query()))
    }
}
