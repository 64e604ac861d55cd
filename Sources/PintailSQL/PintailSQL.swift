/// Parses a script of statements separated by `;` (semicolons inside strings and comments do not count).
/// Empty statements are skipped; each statement keeps its source range.
public func parse(_ sql: String) throws(SQLSyntaxError) -> [Statement] {
    let tokens = try Lexer.tokenize(sql)
    return try LargeStack.run { () throws(SQLSyntaxError) -> [Statement] in
        var parser = Parser(tokens: tokens)
        return try parser.script()
    }
}

/// Parses exactly one statement, optionally followed by `;`.
public func parseStatement(_ sql: String) throws(SQLSyntaxError) -> Statement {
    let tokens = try Lexer.tokenize(sql)
    return try LargeStack.run { () throws(SQLSyntaxError) -> Statement in
        var parser = Parser(tokens: tokens)
        _ = parser.acceptSymbol(";")
        let statement = try parser.statement()
        _ = parser.acceptSymbol(";")
        parser.note("<EOF>")
        guard parser.current.kind == .endOfInput else { throw parser.failure() }
        return statement
    }
}

/// Parses a single expression, e.g. a partition filter or a default value.
public func parseExpression(_ sql: String) throws(SQLSyntaxError) -> Expression {
    let tokens = try Lexer.tokenize(sql)
    return try LargeStack.run { () throws(SQLSyntaxError) -> Expression in
        var parser = Parser(tokens: tokens)
        let expression = try parser.expression()
        parser.note("<EOF>")
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
            note("<EOF>")
            if current.kind == .endOfInput { return statements }
            statements.append(try statement())
            note("<EOF>")
            if current.kind == .endOfInput { return statements }
            try expectSymbol(";")
        }
    }
}
