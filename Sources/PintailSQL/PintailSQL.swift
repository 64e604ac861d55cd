/// Parses a script of statements separated by `;` (semicolons inside strings and comments do not count).
/// Empty statements are skipped; each statement keeps its source range.
public func parse(_ sql: String) throws(SQLSyntaxError) -> [Statement] {
    try LargeStack.parse(try Lexer.tokenize(sql)) { (parser: inout Parser) throws(SQLSyntaxError) in
        try parser.script()
    }
}

/// Parses exactly one statement, optionally followed by `;`.
public func parseStatement(_ sql: String) throws(SQLSyntaxError) -> Statement {
    try LargeStack.parse(try Lexer.tokenize(sql)) { (parser: inout Parser) throws(SQLSyntaxError) in
        _ = parser.acceptSymbol(";")
        let statement = try parser.statement()
        _ = parser.acceptSymbol(";")
        parser.note(.category("<EOF>"))
        guard parser.current.kind == .endOfInput else { throw parser.failure() }
        return statement
    }
}

/// Parses a single expression, e.g. a partition filter or a default value.
public func parseExpression(_ sql: String) throws(SQLSyntaxError) -> Expression {
    try LargeStack.parse(try Lexer.tokenize(sql)) { (parser: inout Parser) throws(SQLSyntaxError) in
        let expression = try parser.expression()
        parser.note(.category("<EOF>"))
        guard parser.current.kind == .endOfInput else { throw parser.failure() }
        return expression
    }
}

extension Parser {
    /// Grammar: script
    mutating func script() throws(SQLSyntaxError) -> [Statement] {
        var statements: [Statement] = []
        while true {
            while acceptSymbol(";") {}
            note(.category("<EOF>"))
            if current.kind == .endOfInput { return statements }
            statements.append(try statement())
            note(.category("<EOF>"))
            if current.kind == .endOfInput { return statements }
            try expectSymbol(";")
        }
    }
}
