/// Queries: WITH, set operations, SELECT blocks, ORDER BY, OFFSET, LIMIT / FETCH.
extension Parser {
    /// Grammar: query
    mutating func query() throws(SQLSyntaxError) -> Query {
        try enter()
        defer { leave() }
        let start = current.start
        var with: With?
        if accept("with") {
            let recursive = accept("recursive")
            with = With(recursive: recursive, queries: try commaList { (p: inout Parser) throws(SQLSyntaxError) in
                try p.withQuery()
            })
        }
        var query = try queryNoWith()
        query.with = with
        query.location = start
        return query
    }

    /// Grammar: with-query
    mutating func withQuery() throws(SQLSyntaxError) -> WithQuery {
        let name = try identifier()
        var columns: [Identifier]?
        if atSymbol("(") {
            columns = try parenthesizedList { (p: inout Parser) throws(SQLSyntaxError) in try p.identifier() }
        }
        try expect("as")
        return WithQuery(name: name, columnNames: columns, query: try parenthesizedQuery(), location: name.location)
    }

    /// Grammar: query-no-with
    mutating func queryNoWith() throws(SQLSyntaxError) -> Query {
        let start = current.start
        var query = Query(body: try queryTerm(), location: start)
        if accept("order") {
            try expect("by")
            query.orderBy = try sortItems()
        }
        if accept("offset") {
            query.offset = try rowCount()
            if !accept("rows") { _ = accept("row") }
        }
        if at("limit") {
            let limitStart = advance().start
            query.limit = Limit(count: accept("all") ? nil : try rowCount(), location: limitStart)
        } else if at("fetch") {
            query.limit = try fetchFirst()
        }
        return query
    }

    /// Grammar: fetch-first
    mutating func fetchFirst() throws(SQLSyntaxError) -> Limit {
        let start = try expect("fetch").start
        if !accept("first") { try expect("next") }
        let count = current.kind == .integer ? try rowCount() : nil
        if !accept("rows") { try expect("row") }
        var withTies = false
        if accept("with") {
            try expect("ties")
            withTies = true
        } else {
            try expect("only")
        }
        return Limit(style: .fetchFirst, count: count, withTies: withTies, location: start)
    }

    /// An integer literal row count.
    mutating func rowCount() throws(SQLSyntaxError) -> Expression {
        let start = current.start
        note(.category("<integer>"))
        guard current.kind == .integer else { throw failure() }
        return Expression(.literal(.integer(advance().text)), location: start)
    }

    /// UNION and EXCEPT, left-associative, looser than INTERSECT.
    /// Grammar: query-term
    mutating func queryTerm() throws(SQLSyntaxError) -> QueryBody {
        var left = try intersectTerm()
        var chain = 0
        while at("union") || at("except") {
            try checkChain(&chain)
            let token = advance()
            let (all, explicit) = setQuantifier()
            let right = try intersectTerm()
            let op: SetOperator = token.lowercased == "union" ? .union : .except
            left = .setOperation(SetOperation(
                op: op, all: all, explicitDistinct: explicit, left: left, right: right, location: token.start))
        }
        return left
    }

    /// Grammar: intersect-term
    mutating func intersectTerm() throws(SQLSyntaxError) -> QueryBody {
        var left = try queryPrimary()
        var chain = 0
        while at("intersect") {
            try checkChain(&chain)
            let token = advance()
            let (all, explicit) = setQuantifier()
            let right = try queryPrimary()
            left = .setOperation(SetOperation(
                op: .intersect, all: all, explicitDistinct: explicit, left: left, right: right, location: token.start))
        }
        return left
    }

    /// `ALL` or `DISTINCT` after a set operator: (all, distinct written).
    mutating func setQuantifier() -> (Bool, Bool) {
        if accept("all") { return (true, false) }
        return (false, accept("distinct"))
    }

    /// Grammar: query-primary
    mutating func queryPrimary() throws(SQLSyntaxError) -> QueryBody {
        try enter()
        defer { leave() }
        if at("select") { return .select(try querySpecification()) }
        if at("values") {
            let start = advance().start
            let rows = try commaList { (p: inout Parser) throws(SQLSyntaxError) in try p.expression() }
            return .values(Values(rows: rows, location: start))
        }
        if accept("table") { return .table(try qualifiedName()) }
        if atSymbol("(") { return .parenthesized(try parenthesizedQuery()) }
        note(.category("<query>"))
        throw failure()
    }

    /// Grammar: query-specification
    mutating func querySpecification() throws(SQLSyntaxError) -> QuerySpecification {
        let start = try expect("select").start
        var spec = QuerySpecification(selectItems: [], location: start)
        if accept("distinct") { spec.distinct = true } else { _ = accept("all") }
        spec.selectItems = try commaList { (p: inout Parser) throws(SQLSyntaxError) in try p.selectItem() }
        if accept("from") { spec.from = try fromClause() }
        if accept("where") { spec.whereClause = try expression() }
        if at("group") { spec.groupBy = try groupBy() }
        if accept("having") { spec.having = try expression() }
        if accept("window") {
            spec.windows = try commaList { (p: inout Parser) throws(SQLSyntaxError) in
                let name = try p.identifier()
                try p.expect("as")
                return NamedWindow(name: name, specification: try p.windowSpecification())
            }
        }
        return spec
    }

    /// Grammar: select-item
    mutating func selectItem() throws(SQLSyntaxError) -> SelectItem {
        let start = current.start
        if acceptSymbol("*") { return .allColumns(prefix: nil, location: start) }
        // `t.*` or `db.t.*`: a dotted chain of names ending in `.*`.
        var length = 1
        while Self.isIdentifier(peek(2 * length - 2)), peekIsSymbol(".", ahead: 2 * length - 1) {
            if peekIsSymbol("*", ahead: 2 * length) {
                var parts = [try identifier()]
                while parts.count < length { advance(); parts.append(try identifier()) }
                advance(); advance()
                return .allColumns(prefix: QualifiedName(parts), location: start)
            }
            length += 1
        }
        let value = try expression()
        return .expression(value, alias: try optionalAlias())
    }

    /// `[AS] alias`; without AS the word must not start a following clause.
    mutating func optionalAlias() throws(SQLSyntaxError) -> Identifier? {
        if accept("as") { return try identifier() }
        guard atIdentifier() else { return nil }
        if current.kind == .word, Keywords.notImplicitAlias.contains(current.lowercased) { return nil }
        return try identifier()
    }

    /// Grammar: group-by
    mutating func groupBy() throws(SQLSyntaxError) -> GroupBy {
        let start = try expect("group").start
        try expect("by")
        var distinct = false
        if accept("distinct") { distinct = true } else { _ = accept("all") }
        var elements: [GroupingElement] = []
        repeat { elements += try groupingElement() } while acceptSymbol(",")
        return GroupBy(distinct: distinct, elements: elements, location: start)
    }

    /// One element; `(a, b)` stands for the two elements a and b, as in Trino.
    /// Grammar: grouping-element
    mutating func groupingElement() throws(SQLSyntaxError) -> [GroupingElement] {
        let list = { (p: inout Parser) throws(SQLSyntaxError) -> [Expression] in
            try p.parenthesizedList { (q: inout Parser) throws(SQLSyntaxError) in try q.expression() }
        }
        if at("rollup") { advance(); return [.rollup(try list(&self))] }
        if at("cube") { advance(); return [.cube(try list(&self))] }
        if at("grouping"), peekIs("sets", ahead: 1) {
            advance(); advance()
            let sets = try parenthesizedList { (p: inout Parser) throws(SQLSyntaxError) in try p.groupingSet() }
            return [.groupingSets(sets)]
        }
        if atSymbol("("), peekIsSymbol(")", ahead: 1) {
            advance(); advance()
            return [.empty]
        }
        let startsWithParenthesis = atSymbol("(")
        let value = try expression()
        if startsWithParenthesis, case .row(let items) = value.kind { return items.map { .expression($0) } }
        return [.expression(value)]
    }

    /// Grammar: grouping-set
    mutating func groupingSet() throws(SQLSyntaxError) -> [Expression] {
        if atSymbol("(") {
            if peekIsSymbol(")", ahead: 1) { advance(); advance(); return [] }
            return try parenthesizedList { (p: inout Parser) throws(SQLSyntaxError) in try p.expression() }
        }
        return [try expression()]
    }
}
