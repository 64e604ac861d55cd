import PintailCore
import PintailSQL

/// Binds a query AST into a logical plan: FROM, WHERE, GROUP BY/aggregates, HAVING, SELECT, DISTINCT, ORDER BY,
/// OFFSET and LIMIT, in SQL's logical order.
public struct QueryBinder {
    let catalog: CatalogLookup
    /// Named subqueries from WITH clauses in scope, innermost last.
    var ctes: [String: (Query, [Identifier]?)] = [:]
    /// USING FUNCTION declarations of the statement, by lower-case name.
    let userFunctions: [String: UserFunction]
    /// Table row counts read for this statement (one binder binds one statement; copies share the cache).
    let rowCounts = TableRowCounts()
    /// The statement's WITH queries as bound once, shared by all their references (see `SharedSubplans`).
    let sharedQueries = SharedQueryCache()

    public init(catalog: CatalogLookup, userFunctions: [UserFunction] = []) {
        self.catalog = catalog
        var byName: [String: UserFunction] = [:]
        for f in userFunctions { byName[f.name] = f }
        self.userFunctions = byName
    }

    /// An expression binder over `scope` that knows the statement's user functions.
    func expressionBinder(_ scope: Scope) -> ExpressionBinder {
        var b = ExpressionBinder(scope: scope)
        b.userFunctions = userFunctions
        return b
    }

    public func bind(_ query: Query) throws -> LogicalPlan {
        var binder = self
        if let with = query.with {
            for q in with.queries { binder.ctes[q.name.value] = (q.query, q.columnNames) }
        }
        return try binder.bindQuery(query)
    }

    private func bindQuery(_ query: Query) throws -> LogicalPlan {
        switch query.body {
        case .select(let spec):
            return try bindSelect(spec, orderBy: query.orderBy, offset: query.offset, limit: query.limit)
        default:
            var plan = try bindBody(query.body)
            if !query.orderBy.isEmpty {
                var eb = expressionBinder(Scope(fields: plan.fields))
                let keys = try query.orderBy.map { item in
                    try sortKey(item, expression: try orderByExpression(item.expression, outputs: plan.fields, binder: &eb))
                }
                plan = .sort(plan, keys: keys)
            }
            return try applyLimit(plan, offset: query.offset, limit: query.limit)
        }
    }

    private func bindBody(_ body: QueryBody) throws -> LogicalPlan {
        switch body {
        case .select(let spec): return try bindSelect(spec, orderBy: [], offset: nil, limit: nil)
        case .parenthesized(let q): return try bind(q)
        case .table(let name): return try bindTable(name, alias: nil, location: name.location)
        case .values(let values):
            var rows: [[BoundExpr]] = []
            let eb = expressionBinder(Scope(fields: []))
            for row in values.rows {
                var b = eb
                if case .row(let items) = row.kind { rows.append(try items.map { try b.bind($0) }) }
                else { rows.append([try b.bind(row)]) }
            }
            guard let width = rows.first?.count, rows.allSatisfy({ $0.count == width }) else {
                throw SemanticError("VALUES rows must all have the same number of columns", at: values.location)
            }
            var types = [DataType](repeating: .unknown, count: width)
            for row in rows {
                for (i, e) in row.enumerated() {
                    guard let t = TypeResolution.commonSuperType(types[i], e.type) else {
                        throw SemanticError("VALUES column \(i + 1) mixes \(types[i]) and \(e.type)", at: values.location)
                    }
                    types[i] = t
                }
            }
            let coerced = rows.map { row in row.enumerated().map { eb.coerce($1, to: types[$0]) } }
            let fields = types.enumerated().map { Field(name: "_col\($0)", type: $1 == .unknown ? .unknown : $1) }
            return .values(rows: coerced, fields: fields)
        case .setOperation(let op):
            let left = try bindBody(op.left), right = try bindBody(op.right)
            guard left.fields.count == right.fields.count else {
                throw SemanticError("\(op.op.rawValue) query has different number of fields: \(left.fields.count), \(right.fields.count)", at: op.location)
            }
            guard op.op == .union else {
                throw SemanticError("\(op.op.rawValue) is not supported yet", at: op.location)
            }
            var types: [DataType] = []
            for (l, r) in zip(left.fields, right.fields) {
                guard let t = TypeResolution.commonSuperType(l.type, r.type) else {
                    throw SemanticError("column types of UNION do not match: \(l.type) and \(r.type)", at: op.location)
                }
                types.append(t)
            }
            let fields = zip(left.fields, types).map { Field(name: $0.name, type: $1) }
            func conform(_ p: LogicalPlan) -> LogicalPlan {
                if p.fields.map(\.type) == types { return p }
                let eb = expressionBinder(Scope(fields: p.fields))
                return .project(p, expressions: p.fields.enumerated().map { eb.coerce(.column($0, $1.type), to: types[$0]) },
                                fields: fields)
            }
            let union = LogicalPlan.unionAll([conform(left), conform(right)], fields: fields)
            if op.all { return union }
            return .aggregate(union, keys: fields.enumerated().map { .column($0, $1.type) }, aggregates: [], fields: fields)
        }
    }

    // MARK: FROM

    func bindRelation(_ r: Relation) throws -> LogicalPlan {
        switch r.kind {
        case .table(let name): return try bindTable(name, alias: nil, location: r.location)
        case .aliased(let inner, let alias, let columnNames):
            var plan: LogicalPlan
            if case .table(let name) = inner.kind { plan = try bindTable(name, alias: alias.value, location: inner.location) }
            else { plan = try bindRelation(inner) }
            var fields = plan.fields.map { Field(name: $0.name, type: $0.type, qualifier: alias.value) }
            if let columnNames {
                guard columnNames.count == fields.count else {
                    throw SemanticError("Column alias list has \(columnNames.count) entries but '\(alias.original)' has \(fields.count) columns", at: alias.location)
                }
                for (i, c) in columnNames.enumerated() { fields[i].name = c.value }
            }
            return .project(plan, expressions: plan.fields.enumerated().map { .column($0, $1.type) }, fields: fields)
        case .subquery(let q):
            return try bind(q)
        case .join(let j):
            return try bindJoin(j, at: r.location)
        case .unnest, .lateral:
            throw SemanticError("UNNEST and LATERAL are not supported yet", at: r.location)
        }
    }

    private func bindTable(_ name: QualifiedName, alias: String?, location: SourceLocation) throws -> LogicalPlan {
        if name.parts.count == 1, let (q, columnNames) = ctes[name.parts[0].value] {
            let plan = LogicalPlan.shared(try sharedQueries.subplan(name: name.parts[0].value, query: q) { try bind(q) })
            var fields = plan.fields.map { Field(name: $0.name, type: $0.type, qualifier: alias ?? name.parts[0].value) }
            if let columnNames {
                guard columnNames.count == fields.count else {
                    throw SemanticError("WITH query '\(name.dotted)' column list does not match its query", at: location)
                }
                for (i, c) in columnNames.enumerated() { fields[i].name = c.value }
            }
            return .project(plan, expressions: plan.fields.enumerated().map { .column($0, $1.type) }, fields: fields)
        }
        guard name.parts.count <= 3, let tableName = name.parts.last else {
            throw SemanticError("Too many dots in table name '\(name.dotted)'", at: location)
        }
        // A three-part name's first part is the catalog (Athena's AwsDataCatalog); Pintail has one.
        let database = name.parts.count >= 2 ? name.parts[name.parts.count - 2].value : nil
        let table: TableHandle
        do {
            table = try catalog.table(database: database, name: tableName.value)
        } catch let e as SemanticError {
            throw SemanticError(e.message, at: e.location ?? location)
        } catch {
            throw SemanticError("\(error)", at: location)
        }
        return .scan(Scan(table: table, columns: Array(table.schema.indices), alias: alias, measures: rowCounts.measures(of: table)))
    }

    // MARK: SELECT

    private func bindSelect(_ spec: QuerySpecification, orderBy: [SortItem], offset: Expression?, limit: Limit?) throws -> LogicalPlan {
        if let w = spec.whereClause, expressionBinder(Scope(fields: [])).containsAggregate(w) {
            throw SemanticError("WHERE clause cannot contain aggregations or window functions", at: w.location)
        }
        var plan = try bindFromWhere(spec.from, where: spec.whereClause)
        let inputScope = Scope(fields: plan.fields)

        // Expand SELECT * and give every item a name.
        var items: [(Expression?, BoundExpr?, String)] = []
        for item in spec.selectItems {
            switch item {
            case .allColumns(let prefix, let location):
                let q = prefix?.parts.last?.value
                let matching = inputScope.fields.enumerated().filter { q == nil || $0.element.qualifier == q }
                if matching.isEmpty {
                    throw SemanticError(q == nil ? "SELECT * not allowed in queries without FROM clause" : "Table '\(q!)' not found in FROM", at: location)
                }
                for (i, f) in matching { items.append((nil, .column(i, f.type), f.name)) }
            case .expression(let e, let alias):
                items.append((e, nil, alias?.value ?? defaultName(e, index: items.count)))
            }
        }

        let aggregating = spec.groupBy != nil || spec.having.map({ expressionBinder(inputScope).containsAggregate($0) }) == true
            || items.contains { $0.0.map { expressionBinder(inputScope).containsAggregate($0) } ?? false }
            || orderBy.contains { expressionBinder(inputScope).containsAggregate($0.expression) }

        var eb = expressionBinder(inputScope)
        if aggregating {
            var keys: [BoundExpr] = []
            for element in spec.groupBy?.elements ?? [] {
                switch element {
                case .expression(let e):
                    keys.append(try groupKey(e, items: items, scope: inputScope))
                case .empty: break
                default:
                    throw SemanticError("ROLLUP, CUBE and GROUPING SETS are not supported yet", at: spec.groupBy?.location)
                }
            }
            var unique: [BoundExpr] = []
            for k in keys where !unique.contains(k) { unique.append(k) }
            eb.groupKeys = unique
        }

        // Scalar subqueries outside WHERE: joined to the rows now, or after the aggregate (marker columns).
        let subqueryHosts = items.compactMap(\.0) + (spec.having.map { [$0] } ?? []) + orderBy.map(\.expression)
        var aggregateSubqueries: [(Query, LogicalPlan)] = []
        if aggregating {
            aggregateSubqueries = try registerAggregateSubqueries(subqueryHosts, binder: &eb)
        } else {
            for e in subqueryHosts {
                for q in SubqueryExpressions.scalarSubqueries(e) where eb.subqueryValues[q] == nil {
                    let (joined, value) = try scalarJoin(plan, q, at: e.location)
                    plan = joined
                    eb.subqueryValues[q] = value
                }
            }
        }

        // SELECT items (aggregates and window functions are collected as a side effect).
        eb.windows = []
        var selectExprs: [BoundExpr] = []
        for (e, bound, _) in items {
            if let bound {
                if let keys = eb.groupKeys {
                    guard let k = keys.firstIndex(of: bound) else {
                        throw SemanticError("'\(inputScope.fields[columnIndex(bound)].name)' must be an aggregate expression or appear in GROUP BY clause", at: spec.location)
                    }
                    selectExprs.append(.column(k, bound.type))
                } else {
                    selectExprs.append(bound)
                }
            } else if let e {
                selectExprs.append(try eb.bind(e))
            }
        }
        var having: BoundExpr? = nil
        if let h = spec.having {
            guard aggregating else { throw SemanticError("HAVING requires GROUP BY or aggregates", at: h.location) }
            let collected = eb.windows
            eb.windows = nil
            having = try eb.boolean(try eb.bind(h), h.location)
            eb.windows = collected
        }
        let outputFields = zip(items, selectExprs).map { Field(name: $0.2, type: $1.type) }

        // ORDER BY: an output name or ordinal, else an expression over the input, computed as a hidden column.
        var hidden: [BoundExpr] = []
        var sortKeys: [SortKey] = []
        for item in orderBy {
            let key: BoundExpr
            if let k = try outputReference(item.expression, outputs: outputFields, selectExprs: selectExprs) {
                key = k
            } else {
                if spec.distinct {
                    throw SemanticError("For SELECT DISTINCT, ORDER BY expressions must appear in select list", at: item.location)
                }
                let b = try eb.bind(item.expression)
                if let existing = selectExprs.firstIndex(of: b) {
                    key = .column(existing, b.type)
                } else {
                    hidden.append(b)
                    key = .column(selectExprs.count + hidden.count - 1, b.type)
                }
            }
            sortKeys.append(try sortKey(item, expression: key))
        }

        if let keys = eb.groupKeys {
            let keyFields = keys.enumerated().map { Field(name: "_key\($0)", type: $1.type) }
            let aggFields = eb.aggregates.enumerated().map { Field(name: "_agg\($0)", type: $1.type) }
            plan = .aggregate(plan, keys: keys, aggregates: eb.aggregates, fields: keyFields + aggFields)
            if !aggregateSubqueries.isEmpty {
                var used = Set<Int>()
                for a in eb.aggregates { for x in a.arguments { x.collectColumns(into: &used) } }
                if used.contains(where: { $0 >= Self.subqueryMarker }) {
                    throw SemanticError("Subqueries inside aggregate functions are not supported", at: spec.location)
                }
                let base = plan.fields.count, marker = Self.subqueryMarker
                for (_, sub) in aggregateSubqueries { plan = .join(plan, sub, JoinCondition(kind: .left)) }
                let remap: (Int) -> Int = { $0 >= marker ? base + $0 - marker : $0 }
                selectExprs = selectExprs.map { $0.remapColumns(remap) }
                hidden = hidden.map { $0.remapColumns(remap) }
                having = having?.remapColumns(remap)
            }
            if let having { plan = .filter(plan, predicate: having) }
        }
        // Window functions run after aggregation and HAVING, before the final projection.
        if let windows = eb.windows, !windows.isEmpty {
            let base = plan.fields.count, marker = ExpressionBinder.windowMarker
            plan = .window(plan, functions: windows)
            let remap: (Int) -> Int = { $0 >= marker ? base + $0 - marker : $0 }
            selectExprs = selectExprs.map { $0.remapColumns(remap) }
            hidden = hidden.map { $0.remapColumns(remap) }
        }
        let projected = selectExprs + hidden
        let hiddenFields = hidden.enumerated().map { Field(name: "_order\($0)", type: $1.type) }
        plan = .project(plan, expressions: projected, fields: outputFields + hiddenFields)
        if spec.distinct {
            let f = plan.fields
            plan = .aggregate(plan, keys: f.enumerated().map { .column($0, $1.type) }, aggregates: [], fields: f)
        }
        if !sortKeys.isEmpty { plan = .sort(plan, keys: sortKeys) }
        plan = try applyLimit(plan, offset: offset, limit: limit)
        if !hidden.isEmpty {
            plan = .project(plan, expressions: outputFields.enumerated().map { .column($0, $1.type) }, fields: outputFields)
        }
        return plan
    }

    private func columnIndex(_ e: BoundExpr) -> Int {
        if case .column(let i, _) = e { return i }
        return 0
    }

    /// GROUP BY element: an ordinal picks a select item; a name that is no input column may name a select alias.
    private func groupKey(_ e: Expression, items: [(Expression?, BoundExpr?, String)], scope: Scope) throws -> BoundExpr {
        var eb = expressionBinder(scope)
        if case .literal(.integer(let text)) = e.kind, let n = Int(text) {
            guard n >= 1, n <= items.count else {
                throw SemanticError("GROUP BY position \(n) is not in select list", at: e.location)
            }
            let item = items[n - 1]
            if let bound = item.1 { return bound }
            guard let expr = item.0, !eb.containsAggregate(expr) else {
                throw SemanticError("GROUP BY position \(n) is an aggregate", at: e.location)
            }
            return try eb.bind(expr)
        }
        if case .identifier(let id) = e.kind, case .missing = scope.lookup(id.value),
           let item = items.first(where: { $0.2 == id.value }), let expr = item.0 {
            return try eb.bind(expr)
        }
        if eb.containsAggregate(e) { throw SemanticError("GROUP BY clause cannot contain aggregations", at: e.location) }
        return try eb.bind(e)
    }

    /// An ORDER BY item that names an output column (by ordinal or alias), as a reference to it.
    private func outputReference(_ e: Expression, outputs: [Field], selectExprs: [BoundExpr]) throws -> BoundExpr? {
        if case .literal(.integer(let text)) = e.kind, let n = Int(text) {
            guard n >= 1, n <= outputs.count else {
                throw SemanticError("ORDER BY position \(n) is not in select list", at: e.location)
            }
            return .column(n - 1, outputs[n - 1].type)
        }
        if case .identifier(let id) = e.kind {
            let hits = outputs.indices.filter { outputs[$0].name == id.value }
            if hits.count > 1, Set(hits.map { selectExprs[$0] }).count > 1 {
                throw SemanticError("Column '\(id.original)' is ambiguous", at: e.location)
            }
            if let h = hits.first { return .column(h, outputs[h].type) }
        }
        return nil
    }

    private func orderByExpression(_ e: Expression, outputs: [Field], binder: inout ExpressionBinder) throws -> BoundExpr {
        if let r = try outputReference(e, outputs: outputs, selectExprs: outputs.enumerated().map { .column($0, $1.type) }) { return r }
        return try binder.bind(e)
    }

    private func sortKey(_ item: SortItem, expression: BoundExpr) throws -> SortKey {
        let ascending = item.ordering != .descending
        // Presto sorts NULLs last by default in both directions.
        let nullsFirst = item.nullOrdering == .first
        return SortKey(expression: expression, ascending: ascending, nullsFirst: nullsFirst)
    }

    private func applyLimit(_ plan: LogicalPlan, offset: Expression?, limit: Limit?) throws -> LogicalPlan {
        func constant(_ e: Expression, _ what: String) throws -> Int {
            guard case .literal(.integer(let text)) = e.kind, let n = Int(text), n >= 0 else {
                throw SemanticError("\(what) must be a non-negative integer constant", at: e.location)
            }
            return n
        }
        let off = try offset.map { try constant($0, "OFFSET") } ?? 0
        let count = try limit?.count.map { try constant($0, "LIMIT") }
        if off == 0 && count == nil { return plan }
        return .limit(plan, offset: off, count: count)
    }

    private func defaultName(_ e: Expression, index: Int) -> String {
        switch e.kind {
        case .identifier(let id): return id.value
        case .dereference(_, let f): return f.value
        default: return "_col\(index)"
        }
    }
}
