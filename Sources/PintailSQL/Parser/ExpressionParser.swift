/// Expressions, loosest to tightest: OR, AND, NOT, predicates, `||`, `+ -`, `* / %`, unary sign, AT TIME ZONE,
/// postfix `[i]` and `.field`, primaries.
extension Parser {
    /// Grammar: expression
    mutating func expression() throws(SQLSyntaxError) -> Expression {
        try enter()
        defer { leave() }
        return try orExpression()
    }

    /// Grammar: or-expression
    mutating func orExpression() throws(SQLSyntaxError) -> Expression {
        var left = try andExpression()
        var chain = 0
        while acceptQuietly("or") {
            try checkChain(&chain)
            let right = try andExpression()
            left = Expression(.binary(.or, left, right), location: left.location)
        }
        return left
    }

    /// Grammar: and-expression
    mutating func andExpression() throws(SQLSyntaxError) -> Expression {
        var left = try notExpression()
        var chain = 0
        while acceptQuietly("and") {
            try checkChain(&chain)
            let right = try notExpression()
            left = Expression(.binary(.and, left, right), location: left.location)
        }
        return left
    }

    /// Grammar: not-expression
    mutating func notExpression() throws(SQLSyntaxError) -> Expression {
        let start = current.start
        if accept("not") {
            try enter()
            defer { leave() }
            return Expression(.not(try notExpression()), location: start)
        }
        return try predicate()
    }

    /// Grammar: predicate
    mutating func predicate() throws(SQLSyntaxError) -> Expression {
        let value = try concatExpression()
        let loc = value.location
        if let op = comparisonOperator() {
            for quantifier in [ComparisonQuantifier.all, .any, .some] where at(quantifier.rawValue.lowercased()) {
                if peekIsSymbol("(", ahead: 1) {
                    advance()
                    let query = try parenthesizedQuery()
                    return Expression(.quantifiedComparison(op, quantifier, value, query), location: loc)
                }
            }
            let right = try concatExpression()
            return Expression(.binary(op, value, right), location: loc)
        }
        if acceptQuietly("is") {
            let negated = accept("not")
            if accept("null") { return Expression(.isNull(value, negated: negated), location: loc) }
            try expect("distinct")
            try expect("from")
            let right = try concatExpression()
            return Expression(.isDistinctFrom(value, right, negated: negated), location: loc)
        }
        let negated = peekIs("not") && (peekIs("between", ahead: 1) || peekIs("in", ahead: 1) || peekIs("like", ahead: 1))
        if negated { advance() }
        if acceptQuietly("between") {
            let low = try concatExpression()
            try expect("and")
            let high = try concatExpression()
            return Expression(.between(value, low: low, high: high, negated: negated), location: loc)
        }
        if acceptQuietly("in") {
            if startsQuery(afterParenthesis: true) {
                let query = try parenthesizedQuery()
                return Expression(.inSubquery(value, query, negated: negated), location: loc)
            }
            let list = try parenthesizedList { (p: inout Parser) throws(SQLSyntaxError) in try p.expression() }
            return Expression(.inList(value, list, negated: negated), location: loc)
        }
        if acceptQuietly("like") {
            let pattern = try concatExpression()
            let escape = accept("escape") ? try concatExpression() : nil
            return Expression(.like(value, pattern: pattern, escape: escape, negated: negated), location: loc)
        }
        if negated { throw failure() }
        return value
    }

    mutating func comparisonOperator() -> BinaryOperator? {
        let ops: [(String, BinaryOperator)] = [
            ("=", .equal), ("<>", .notEqual), ("!=", .notEqual), ("<", .less), ("<=", .lessOrEqual),
            (">", .greater), (">=", .greaterOrEqual),
        ]
        for (symbol, op) in ops where peekIsSymbol(symbol) {
            advance()
            return op
        }
        return nil
    }

    /// Grammar: concat-expression
    mutating func concatExpression() throws(SQLSyntaxError) -> Expression {
        var left = try additiveExpression()
        var chain = 0
        while acceptSymbolQuietly("||") {
            try checkChain(&chain)
            let right = try additiveExpression()
            left = Expression(.binary(.concatenate, left, right), location: left.location)
        }
        return left
    }

    /// Grammar: additive-expression
    mutating func additiveExpression() throws(SQLSyntaxError) -> Expression {
        var left = try multiplicativeExpression()
        var chain = 0
        while true {
            try checkChain(&chain)
            let op: BinaryOperator
            if acceptSymbolQuietly("+") { op = .add } else if acceptSymbolQuietly("-") { op = .subtract } else { return left }
            let right = try multiplicativeExpression()
            left = Expression(.binary(op, left, right), location: left.location)
        }
    }

    /// Grammar: multiplicative-expression
    mutating func multiplicativeExpression() throws(SQLSyntaxError) -> Expression {
        var left = try unaryExpression()
        var chain = 0
        while true {
            try checkChain(&chain)
            let op: BinaryOperator
            if acceptSymbolQuietly("*") {
                op = .multiply
            } else if acceptSymbolQuietly("/") {
                op = .divide
            } else if acceptSymbolQuietly("%") {
                op = .modulo
            } else {
                return left
            }
            let right = try unaryExpression()
            left = Expression(.binary(op, left, right), location: left.location)
        }
    }

    /// Grammar: unary-expression
    mutating func unaryExpression() throws(SQLSyntaxError) -> Expression {
        let start = current.start
        let op: UnaryOperator
        if acceptSymbol("-") { op = .minus } else if acceptSymbol("+") { op = .plus } else { return try atTimeZone() }
        try enter()
        defer { leave() }
        return Expression(.unary(op, try unaryExpression()), location: start)
    }

    /// Grammar: at-time-zone
    mutating func atTimeZone() throws(SQLSyntaxError) -> Expression {
        let value = try postfixExpression()
        guard peekIs("at"), peekIs("time", ahead: 1), peekIs("zone", ahead: 2) else { return value }
        advance(); advance(); advance()
        let zone = try postfixExpression()
        return Expression(.atTimeZone(value, zone: zone), location: value.location)
    }

    /// Grammar: postfix-expression
    mutating func postfixExpression() throws(SQLSyntaxError) -> Expression {
        var value = try primaryExpression()
        var chain = 0
        while true {
            try checkChain(&chain)
            if acceptSymbolQuietly("[") {
                let index = try expression()
                try expectSymbol("]")
                value = Expression(.subscriptAccess(base: value, index: index), location: value.location)
            } else if peekIsSymbol("."), Self.isIdentifier(peek(1)) {
                advance()
                let field = try identifier()
                value = Expression(.dereference(base: value, field: field), location: value.location)
            } else {
                return value
            }
        }
    }
}
