/// Primary expressions: literals, names, calls, and the special forms with their own syntax.
extension Parser {
    /// Grammar: primary-expression
    mutating func primaryExpression() throws(SQLSyntaxError) -> Expression {
        let token = current
        let start = token.start
        switch token.kind {
        case .integer:
            advance()
            return Expression(.literal(.integer(token.text)), location: start)
        case .decimal:
            advance()
            return Expression(.literal(.decimal(token.text)), location: start)
        case .double:
            advance()
            return Expression(.literal(.double(token.text)), location: start)
        case .string:
            return Expression(.literal(.string(try stringLiteral())), location: start)
        case .binary:
            advance()
            return Expression(.literal(.binary(token.text)), location: start)
        case .symbol where token.text == "(":
            return try parenthesizedExpression()
        case .word, .quotedIdentifier, .backquotedIdentifier:
            if let special = try specialForm() { return special }
            return try nameOrCall()
        default:
            note(.category("<expression>"))
            throw failure()
        }
    }

    /// Keyword-led forms; nil when the current word starts none of them.
    mutating func specialForm() throws(SQLSyntaxError) -> Expression? {
        guard current.kind == .word else { return nil }
        let start = current.start
        let next = peek(1)
        switch current.lowercased {
        case "null": advance(); return Expression(.literal(.null), location: start)
        case "true": advance(); return Expression(.literal(.boolean(true)), location: start)
        case "false": advance(); return Expression(.literal(.boolean(false)), location: start)
        case "case": return try caseExpression()
        case "cast": return try castExpression(isTry: false)
        case "try_cast" where peekIsSymbol("(", ahead: 1): return try castExpression(isTry: true)
        case "extract": return try extractExpression()
        case "exists":
            advance()
            return Expression(.exists(try parenthesizedQuery()), location: start)
        case "array" where peekIsSymbol("[", ahead: 1):
            advance(); advance()
            var items: [Expression] = []
            if !acceptSymbol("]") {
                items = try commaList { (p: inout Parser) throws(SQLSyntaxError) in try p.expression() }
                try expectSymbol("]")
            }
            return Expression(.array(items), location: start)
        case "row" where peekIsSymbol("(", ahead: 1):
            advance()
            let items = try parenthesizedList { (p: inout Parser) throws(SQLSyntaxError) in try p.expression() }
            return Expression(.row(items), location: start)
        case "interval" where next.kind == .string || (next.kind == .symbol && (next.text == "-" || next.text == "+")):
            return try intervalLiteral()
        case "current_date", "current_time", "current_timestamp", "localtime", "localtimestamp":
            return try currentTime()
        case "approximate" where peekIs("count", ahead: 1) && peekIsSymbol("(", ahead: 2):
            advance()
            guard case .function(var call) = try nameOrCall().kind else { throw failure() }
            call.approximate = true
            call.location = start
            return Expression(.function(call), location: start)
        case "position" where peekIsSymbol("(", ahead: 1): return try positionCall()
        case "substring" where peekIsSymbol("(", ahead: 1): return try substringCall()
        case "trim" where peekIsSymbol("(", ahead: 1): return try trimCall()
        default:
            // `DATE '2020-01-01'`, `TIMESTAMP '...'`, `DECIMAL '1.5'`: a type name before a string.
            if next.kind == .string, !current.isReserved {
                let type = advance().lowercased
                return Expression(.literal(.typed(type: type, value: try stringLiteral())), location: start)
            }
            return nil
        }
    }

    /// Grammar: name-or-call
    mutating func nameOrCall() throws(SQLSyntaxError) -> Expression {
        let start = current.start
        // A lambda with one bare parameter: `x -> x + 1`.
        if Self.isIdentifier(current), peekIsSymbol("->", ahead: 1) {
            let parameter = try identifier()
            advance()
            return Expression(.lambda(parameters: [parameter], body: try expression()), location: start)
        }
        // A dotted chain directly followed by `(` is a (qualified) function name.
        var length = 1
        while peekIsSymbol(".", ahead: 2 * length - 1), Self.isIdentifier(peek(2 * length)) { length += 1 }
        let isGrouping = current.kind == .word && current.lowercased == "grouping"
        if peekIsSymbol("(", ahead: 2 * length - 1), Self.isIdentifier(current) || isGrouping {
            var parts: [Identifier] = []
            if isGrouping {
                parts.append(Identifier(advance().text, location: start))
            } else {
                parts.append(try identifier())
            }
            while parts.count < length { advance(); parts.append(try identifier()) }
            return try functionCall(name: QualifiedName(parts), start: start)
        }
        note(.category("<expression>"))
        let name = try identifier()
        return Expression(.identifier(name), location: start)
    }

    /// Grammar: function-call
    mutating func functionCall(name: QualifiedName, start: SourceLocation) throws(SQLSyntaxError) -> Expression {
        try enter()
        defer { leave() }
        try expectSymbol("(")
        var call = FunctionCall(name: name, arguments: [], location: start)
        if acceptSymbol("*") {
            call.isStar = true
        } else if !atSymbol(")") {
            if accept("distinct") { call.distinct = true } else { _ = accept("all") }
            call.arguments = try commaList { (p: inout Parser) throws(SQLSyntaxError) in try p.expression() }
            if accept("order") {
                try expect("by")
                call.orderBy = try sortItems()
            }
        }
        try expectSymbol(")")
        if at("filter"), peekIsSymbol("(", ahead: 1) {
            advance(); advance()
            try expect("where")
            call.filter = try expression()
            try expectSymbol(")")
        }
        if at("ignore") || at("respect"), peekIs("nulls", ahead: 1) {
            call.nullTreatment = advance().lowercased == "ignore" ? .ignore : .respect
            advance()
        }
        if accept("over") { call.window = try windowReference() }
        return Expression(.function(call), location: start)
    }

    /// Grammar: parenthesized-expression
    mutating func parenthesizedExpression() throws(SQLSyntaxError) -> Expression {
        let start = current.start
        if isLambdaHead() {
            advance()
            var parameters: [Identifier] = []
            if !atSymbol(")") {
                parameters = try commaList { (p: inout Parser) throws(SQLSyntaxError) in try p.identifier() }
            }
            try expectSymbol(")")
            try expectSymbol("->")
            return Expression(.lambda(parameters: parameters, body: try expression()), location: start)
        }
        guard startsQuery(afterParenthesis: true) else { return try parenthesizedValues(start) }
        // `((SELECT 1) + 1)` also starts like a query: try both, and report the error that got further.
        let saved = self
        let queryError: SQLSyntaxError
        do {
            return Expression(.subquery(try parenthesizedQuery()), location: start)
        } catch {
            queryError = error
        }
        self = saved
        do {
            return try parenthesizedValues(start)
        } catch {
            throw error.offset >= queryError.offset ? error : queryError
        }
    }

    /// `(expr)` or the row `(a, b, ...)`.
    mutating func parenthesizedValues(_ start: SourceLocation) throws(SQLSyntaxError) -> Expression {
        try enter()
        defer { leave() }
        try expectSymbol("(")
        let first = try expression()
        guard acceptSymbol(",") else {
            try expectSymbol(")")
            return first
        }
        var items = [first]
        items += try commaList { (p: inout Parser) throws(SQLSyntaxError) in try p.expression() }
        try expectSymbol(")")
        return Expression(.row(items), location: start)
    }

    /// `(`, identifiers separated by commas, `)`, `->`.
    func isLambdaHead() -> Bool {
        var i = 1
        if peekIsSymbol(")", ahead: i) { return peekIsSymbol("->", ahead: i + 1) }
        while Self.isIdentifier(peek(i)) {
            if peekIsSymbol(")", ahead: i + 1) { return peekIsSymbol("->", ahead: i + 2) }
            guard peekIsSymbol(",", ahead: i + 1) else { return false }
            i += 2
        }
        return false
    }

    /// Whether a query starts here (after `(`s when `afterParenthesis`): SELECT, WITH, VALUES or TABLE.
    func startsQuery(afterParenthesis: Bool) -> Bool {
        var i = 0
        if afterParenthesis {
            guard peekIsSymbol("(") else { return false }
            while peekIsSymbol("(", ahead: i) { i += 1 }
        }
        return ["select", "with", "values", "table"].contains { peekIs($0, ahead: i) }
    }

    /// `( query )`.
    mutating func parenthesizedQuery() throws(SQLSyntaxError) -> Query {
        try enter()
        defer { leave() }
        try expectSymbol("(")
        let q = try query()
        try expectSymbol(")")
        return q
    }
}
