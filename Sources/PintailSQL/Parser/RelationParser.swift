/// FROM clauses: tables, subqueries, UNNEST, LATERAL, joins and aliases.
extension Parser {
    /// Comma-separated relations become left-deep implicit joins.
    /// Grammar: from-clause
    mutating func fromClause() throws(SQLSyntaxError) -> Relation {
        var left = try relation()
        var chain = 0
        while acceptSymbol(",") {
            try checkChain(&chain)
            let right = try relation()
            left = Relation(.join(Join(type: .implicit, left: left, right: right, criteria: nil)), location: left.location)
        }
        return left
    }

    /// Grammar: relation
    mutating func relation() throws(SQLSyntaxError) -> Relation {
        try enter()
        defer { leave() }
        var left = try aliasedRelation()
        var chain = 0
        while true {
            try checkChain(&chain)
            let type: JoinType
            var natural = false
            if accept("cross") {
                try expect("join")
                let right = try aliasedRelation()
                left = Relation(.join(Join(type: .cross, left: left, right: right, criteria: nil)), location: left.location)
                continue
            }
            if accept("natural") { natural = true }
            if accept("join") {
                type = .inner
            } else if let outer = outerJoinType() {
                _ = accept("outer")
                try expect("join")
                type = outer
            } else if accept("inner") {
                try expect("join")
                type = .inner
            } else {
                if natural { throw failure() }
                return left
            }
            let right = try aliasedRelation()
            let criteria = natural ? JoinCriteria.natural : try joinCriteria()
            left = Relation(.join(Join(type: type, left: left, right: right, criteria: criteria)), location: left.location)
        }
    }

    mutating func outerJoinType() -> JoinType? {
        if accept("left") { return .left }
        if accept("right") { return .right }
        if accept("full") { return .full }
        return nil
    }

    /// Grammar: join-criteria
    mutating func joinCriteria() throws(SQLSyntaxError) -> JoinCriteria {
        if accept("on") { return .on(try expression()) }
        try expect("using")
        return .using(try parenthesizedList { (p: inout Parser) throws(SQLSyntaxError) in try p.identifier() })
    }

    /// Grammar: aliased-relation
    mutating func aliasedRelation() throws(SQLSyntaxError) -> Relation {
        let primary = try relationPrimary()
        guard let alias = try optionalAlias() else { return primary }
        var columns: [Identifier]?
        if atSymbol("(") {
            columns = try parenthesizedList { (p: inout Parser) throws(SQLSyntaxError) in try p.identifier() }
        }
        return Relation(.aliased(primary, alias: alias, columnNames: columns), location: primary.location)
    }

    /// Grammar: relation-primary
    mutating func relationPrimary() throws(SQLSyntaxError) -> Relation {
        let start = current.start
        if accept("unnest") {
            let items = try parenthesizedList { (p: inout Parser) throws(SQLSyntaxError) in try p.expression() }
            var withOrdinality = false
            if at("with"), peekIs("ordinality", ahead: 1) {
                advance(); advance()
                withOrdinality = true
            }
            return Relation(.unnest(Unnest(expressions: items, withOrdinality: withOrdinality)), location: start)
        }
        if at("lateral"), peekIsSymbol("(", ahead: 1) {
            advance()
            return Relation(.lateral(try parenthesizedQuery()), location: start)
        }
        if atSymbol("(") {
            guard startsQuery(afterParenthesis: true) else { return try parenthesizedRelation() }
            // `((SELECT ...) JOIN t ...)` also starts like a query: keep whichever parse got further.
            let saved = self
            let queryError: SQLSyntaxError
            do {
                return Relation(.subquery(try parenthesizedQuery()), location: start)
            } catch {
                queryError = error
            }
            self = saved
            do {
                return try parenthesizedRelation()
            } catch {
                throw error.offset >= queryError.offset ? error : queryError
            }
        }
        return Relation(.table(try qualifiedName()), location: start)
    }

    /// `( relation )`, e.g. a parenthesized join.
    mutating func parenthesizedRelation() throws(SQLSyntaxError) -> Relation {
        try expectSymbol("(")
        let inner = try relation()
        try expectSymbol(")")
        return inner
    }
}
