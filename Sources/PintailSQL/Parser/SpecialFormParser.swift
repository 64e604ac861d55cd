/// Expression forms with keyword syntax inside parentheses: CASE, CAST, EXTRACT, INTERVAL, POSITION, SUBSTRING, TRIM.
extension Parser {
    /// Grammar: case-expression
    mutating func caseExpression() throws(SQLSyntaxError) -> Expression {
        try enter()
        defer { leave() }
        let start = try expect("case").start
        let operand = at("when") ? nil : try expression()
        var clauses: [WhenClause] = []
        repeat {
            let whenStart = try expect("when").start
            let condition = try expression()
            try expect("then")
            clauses.append(WhenClause(condition: condition, result: try expression(), location: whenStart))
        } while at("when")
        let elseResult = accept("else") ? try expression() : nil
        try expect("end")
        let value = CaseExpression(operand: operand, whenClauses: clauses, elseResult: elseResult)
        return Expression(.caseWhen(value), location: start)
    }

    /// Grammar: cast-expression
    mutating func castExpression(isTry: Bool) throws(SQLSyntaxError) -> Expression {
        try enter()
        defer { leave() }
        let start = advance().start
        try expectSymbol("(")
        let value = try expression()
        try expect("as")
        let type = try typeSyntax()
        try expectSymbol(")")
        return Expression(.cast(value, type: type, isTry: isTry), location: start)
    }

    /// Grammar: extract-expression
    mutating func extractExpression() throws(SQLSyntaxError) -> Expression {
        let start = try expect("extract").start
        try expectSymbol("(")
        let field = try identifier()
        try expect("from")
        let value = try expression()
        try expectSymbol(")")
        return Expression(.extract(field: field, from: value), location: start)
    }

    /// Grammar: interval-literal
    mutating func intervalLiteral() throws(SQLSyntaxError) -> Expression {
        let start = try expect("interval").start
        var negative = false
        if acceptSymbol("-") { negative = true } else { _ = acceptSymbol("+") }
        let value = try stringLiteral()
        let from = try intervalField()
        var to: IntervalField?
        if accept("to") { to = try intervalField() }
        let literal = IntervalLiteral(value: value, negative: negative, start: from, end: to)
        return Expression(.literal(.interval(literal)), location: start)
    }

    /// Grammar: interval-field
    mutating func intervalField() throws(SQLSyntaxError) -> IntervalField {
        for field in IntervalField.allCases where at(field.rawValue) {
            advance()
            return field
        }
        throw failure()
    }

    /// Grammar: current-time
    mutating func currentTime() throws(SQLSyntaxError) -> Expression {
        let token = advance()
        guard let function = CurrentTimeFunction(rawValue: token.lowercased.uppercased()) else { throw failure() }
        var precision: Int?
        if function != .currentDate, acceptSymbol("(") {
            precision = try integer()
            try expectSymbol(")")
        }
        return Expression(.currentTime(function, precision: precision), location: token.start)
    }

    /// `POSITION(needle IN haystack)`, which Trino rewrites to `strpos(haystack, needle)`.
    /// Grammar: position-call
    mutating func positionCall() throws(SQLSyntaxError) -> Expression {
        let start = advance().start
        try expectSymbol("(")
        let needle = try concatExpression()
        try expect("in")
        let haystack = try concatExpression()
        try expectSymbol(")")
        let name = QualifiedName([Identifier("strpos", location: start)])
        return Expression(.function(FunctionCall(name: name, arguments: [haystack, needle], location: start)), location: start)
    }

    /// `SUBSTRING(s FROM a [FOR b])` or the plain call `substring(s, a[, b])`.
    /// Grammar: substring-call
    mutating func substringCall() throws(SQLSyntaxError) -> Expression {
        let nameToken = current
        let start = nameToken.start
        guard peekIsSymbol("(", ahead: 1) else { throw failure() }
        let saved = self
        advance(); advance()
        let value = try expression()
        guard accept("from") else {
            self = saved
            return try nameOrCall()
        }
        var arguments = [value, try expression()]
        if accept("for") { arguments.append(try expression()) }
        try expectSymbol(")")
        let name = QualifiedName([Identifier(nameToken.text, location: start)])
        return Expression(.function(FunctionCall(name: name, arguments: arguments, location: start)), location: start)
    }

    /// `TRIM([BOTH|LEADING|TRAILING] [chars] FROM s)` or `trim(s)`; becomes trim/ltrim/rtrim(s[, chars]).
    /// Grammar: trim-call
    mutating func trimCall() throws(SQLSyntaxError) -> Expression {
        let start = advance().start
        try expectSymbol("(")
        var function = "trim"
        if accept("leading") { function = "ltrim" } else if accept("trailing") { function = "rtrim" } else { _ = accept("both") }
        var arguments: [Expression]
        if accept("from") {
            arguments = [try expression()]
        } else {
            let first = try expression()
            if accept("from") {
                arguments = [try expression(), first]
            } else {
                arguments = [first]
                if acceptSymbol(",") { arguments.append(try expression()) }
            }
        }
        try expectSymbol(")")
        let name = QualifiedName([Identifier(function, location: start)])
        return Expression(.function(FunctionCall(name: name, arguments: arguments, location: start)), location: start)
    }
}
