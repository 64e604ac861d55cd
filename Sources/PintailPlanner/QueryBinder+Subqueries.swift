import PintailCore
import PintailSQL

/// Subqueries in expressions, decorrelated into joins the standard way:
/// - `[NOT] EXISTS (q)` in WHERE: a semi (anti) join with q's FROM, on q's correlated WHERE conjuncts;
/// - `x IN (q)`: a semi join on x = q's column; `x NOT IN (q)` an anti join plus Trino's NULL rules;
/// - a scalar `(q)`: a left join with q's single row, or, when q correlates by equalities, with q grouped by the
///   correlated columns (one row per key) on those keys.
extension QueryBinder {
    /// Marks a scalar subquery's value column before the aggregate it follows exists (see `joinScalarSubqueries`).
    static let subqueryMarker = 1 << 41

    /// `plan` filtered by a WHERE clause that may contain subqueries. The result has `plan`'s fields.
    func applyWhere(_ w: Expression, to input: LogicalPlan) throws -> LogicalPlan {
        var plan = input
        let fields = input.fields
        var rest: [Expression] = []
        for c in SubqueryExpressions.conjuncts(w) {
            switch c.kind {
            case .exists(let q): plan = try existsJoin(plan, q, anti: false, at: c.location)
            case .not(let inner):
                if case .exists(let q) = inner.kind { plan = try existsJoin(plan, q, anti: true, at: c.location) }
                else if case .inSubquery(let x, let q, let negated) = inner.kind {
                    plan = try inJoin(plan, x, q, negated: !negated, at: c.location)
                } else { rest.append(c) }
            case .inSubquery(let x, let q, let negated): plan = try inJoin(plan, x, q, negated: negated, at: c.location)
            default: rest.append(c)
            }
        }
        guard let remaining = SubqueryExpressions.conjunction(rest) else { return plan }
        var eb = expressionBinder(Scope(fields: fields))
        for q in SubqueryExpressions.scalarSubqueries(remaining) {
            let (joined, value) = try scalarJoin(plan, q, at: remaining.location)
            plan = joined
            eb.subqueryValues[q] = value
        }
        plan = .filter(plan, predicate: try eb.boolean(try eb.bind(remaining), remaining.location))
        if plan.fields.count == fields.count { return plan }
        return .project(plan, expressions: fields.enumerated().map { .column($0, $1.type) }, fields: fields)
    }

    // MARK: EXISTS and IN

    private func existsJoin(_ plan: LogicalPlan, _ q: Query, anti: Bool, at location: SourceLocation) throws -> LogicalPlan {
        let kind: JoinKind = anti ? .anti : .semi
        guard let shape = try correlation(of: q, outer: plan.fields) else {
            return .join(plan, try bind(q), JoinCondition(kind: kind))
        }
        try shape.requirePlainSelect("EXISTS", at: location)
        let (keys, rest) = JoinPlanning.split(PushDownFilters.conjunction(shape.joinPredicates), leftCount: plan.fields.count)
        return SemiJoinPushdown.place(plan, shape.innerPlan, JoinCondition(kind: kind, keys: keys, residual: rest.isEmpty ? nil : PushDownFilters.conjunction(rest),
                                                                           buildLeft: Self.outerIsSmaller(plan, shape.innerPlan)))
    }

    private func inJoin(_ plan: LogicalPlan, _ x: Expression, _ q: Query, negated: Bool, at location: SourceLocation) throws -> LogicalPlan {
        var eb = expressionBinder(Scope(fields: plan.fields))
        let value = try eb.bind(x)
        let outerCount = plan.fields.count
        if let shape = try correlation(of: q, outer: plan.fields) {
            if negated {
                throw SemanticError("NOT IN with a correlated subquery is not supported yet; use NOT EXISTS", at: location)
            }
            try shape.requirePlainSelect("IN", at: location)
            guard shape.spec.selectItems.count == 1, case .expression(let item, _) = shape.spec.selectItems[0] else {
                throw SemanticError("Multiple columns returned by subquery are not supported", at: q.location)
            }
            var ib = expressionBinder(Scope(fields: shape.innerPlan.fields))
            let (l, r) = try eb.coercePair(value, try ib.bind(item), at: location, op: "IN")
            let (keys, rest) = JoinPlanning.split(PushDownFilters.conjunction(shape.joinPredicates), leftCount: outerCount)
            return SemiJoinPushdown.place(plan, shape.innerPlan, JoinCondition(kind: .semi, keys: [JoinKeyPair(left: l, right: r)] + keys,
                                                              residual: rest.isEmpty ? nil : PushDownFilters.conjunction(rest),
                                                              buildLeft: Self.outerIsSmaller(plan, shape.innerPlan)))
        }
        let sub = try bind(q)
        guard sub.fields.count == 1 else {
            throw SemanticError("Multiple columns returned by subquery are not supported", at: q.location)
        }
        let (l, r) = try eb.coercePair(value, .column(0, sub.fields[0].type), at: location, op: "IN")
        let key = JoinKeyPair(left: l, right: r)
        let buildLeft = Self.outerIsSmaller(plan, sub)
        guard negated else { return SemiJoinPushdown.place(plan, sub, JoinCondition(kind: .semi, keys: [key], buildLeft: buildLeft)) }
        // x NOT IN (q) is NULL, so the row is dropped, when q holds a NULL, or when x is NULL and q is not empty.
        let anti = LogicalPlan.join(plan, sub, JoinCondition(kind: .anti, keys: [key], buildLeft: buildLeft))
        let counts = LogicalPlan.aggregate(
            try bind(q), keys: [],
            aggregates: [AggregateCall(function: "count_star", arguments: [], distinct: false, type: .bigint),
                         AggregateCall(function: "count", arguments: [.column(0, sub.fields[0].type)], distinct: false, type: .bigint)],
            fields: [Field(name: "_rows", type: .bigint), Field(name: "_values", type: .bigint)])
        let rows = BoundExpr.column(outerCount, .bigint), values = BoundExpr.column(outerCount + 1, .bigint)
        let keep = BoundExpr.or([
            .call("$eq", [rows, .literal(.int(0), .bigint)], .boolean),
            .and([.not(.isNull(l)), .call("$eq", [rows, values], .boolean)]),
        ])
        let checked = LogicalPlan.filter(.join(anti, counts, JoinCondition(kind: .left)), predicate: keep)
        return .project(checked, expressions: plan.fields.enumerated().map { .column($0, $1.type) }, fields: plan.fields)
    }

    /// Whether a semi or anti join should hash its outer (left) input: when that looks smaller than the subquery's.
    /// Byte sizes, or estimated rows when the outer side is far smaller: a join chain's selective filters (TPC-H
    /// Q21: 76K line items of one nation's suppliers against 6M in EXISTS) shrink its rows, not its bytes.
    static func outerIsSmaller(_ outer: LogicalPlan, _ inner: LogicalPlan) -> Bool {
        TableSizeEstimate.estimate(outer) < TableSizeEstimate.estimate(inner)
            || RowEstimate.rows(outer) * outerRowsMargin < RowEstimate.rows(inner)
    }

    /// How many times fewer estimated rows the outer side needs to be hashed on row counts alone.
    static let outerRowsMargin = 8.0

    // MARK: Scalar subqueries

    /// `plan` with one more column: the value of the scalar subquery `q` for each row.
    func scalarJoin(_ plan: LogicalPlan, _ q: Query, at location: SourceLocation) throws -> (LogicalPlan, BoundExpr) {
        let outerCount = plan.fields.count
        guard let shape = try correlation(of: q, outer: plan.fields) else {
            let sub = try singleValue(try bind(q), at: q.location)
            return (.join(plan, sub, JoinCondition(kind: .left)), .column(outerCount, sub.fields[0].type))
        }
        let spec = shape.spec
        guard spec.selectItems.count == 1, case .expression(let item, _) = spec.selectItems[0] else {
            throw SemanticError("Multiple columns returned by subquery are not supported", at: q.location)
        }
        guard spec.groupBy == nil, spec.having == nil, !spec.distinct, q.limit == nil, q.offset == nil,
              expressionBinder(Scope(fields: [])).containsAggregate(item) else {
            throw SemanticError("A correlated scalar subquery must be an aggregate without GROUP BY, HAVING or LIMIT", at: q.location)
        }
        if SubqueryExpressions.callsCountLikeAggregate(item) {
            throw SemanticError("count() in a correlated scalar subquery is not supported yet", at: q.location)
        }
        // Each correlated conjunct must be `inner expression = outer expression`: the inner sides become the
        // subquery's GROUP BY keys and the join's right keys.
        var innerKeys: [Expression] = [], outerKeys: [BoundExpr] = []
        for (ast, bound) in shape.correlated {
            guard case .binary(.equal, let a, let b) = ast.kind, case .call("$eq", let args, _) = bound else {
                throw SemanticError("A correlated scalar subquery supports only equality conditions with the outer query", at: ast.location)
            }
            let sa = shape.side(args[0]), sb = shape.side(args[1])
            if sa == .inner && sb == .outer { innerKeys.append(a); outerKeys.append(shape.outerExpression(args[1])) }
            else if sa == .outer && sb == .inner { innerKeys.append(b); outerKeys.append(shape.outerExpression(args[0])) }
            else {
                throw SemanticError("A correlated scalar subquery supports only equality conditions with the outer query", at: ast.location)
            }
        }
        var grouped = spec
        grouped.whereClause = SubqueryExpressions.conjunction(shape.localConjuncts)
        grouped.groupBy = GroupBy(elements: innerKeys.map { .expression($0) }, location: q.location)
        grouped.selectItems = innerKeys.map { .expression($0, alias: nil) } + [spec.selectItems[0]]
        let sub = ScalarSubqueryReduction.reduce(try bind(Query(with: q.with, body: .select(grouped), location: q.location)),
                                                 outer: plan, outerKeys: outerKeys)
        var keys: [JoinKeyPair] = []
        let eb = expressionBinder(Scope(fields: []))
        for (i, outer) in outerKeys.enumerated() {
            let innerType = sub.fields[i].type
            guard let t = TypeResolution.commonSuperType(outer.type, innerType) else {
                throw SemanticError("Cannot compare \(outer.type) with \(innerType) in a correlated subquery", at: innerKeys[i].location)
            }
            keys.append(JoinKeyPair(left: eb.coerce(outer, to: t), right: eb.coerce(.column(i, innerType), to: t)))
        }
        let valueType = sub.fields[innerKeys.count].type
        return (.join(plan, sub, JoinCondition(kind: .left, keys: keys)), .column(outerCount + innerKeys.count, valueType))
    }

    /// A one-column subquery plan reduced to exactly one row: its value, NULL when it has no rows, an error when
    /// it has several.
    private func singleValue(_ sub: LogicalPlan, at location: SourceLocation) throws -> LogicalPlan {
        guard sub.fields.count == 1 else {
            throw SemanticError("Multiple columns returned by subquery are not supported", at: location)
        }
        let t = sub.fields[0].type
        if Self.isSingleRow(sub) { return sub }
        return .aggregate(sub, keys: [], aggregates: [AggregateCall(function: "$scalar_subquery", arguments: [.column(0, t)], distinct: false, type: t)],
                          fields: [Field(name: "_value", type: t)])
    }

    /// Plans that always produce exactly one row: a global aggregate, possibly under projections.
    private static func isSingleRow(_ plan: LogicalPlan) -> Bool {
        switch plan {
        case .aggregate(_, let keys, _, _): return keys.isEmpty
        case .project(let input, _, _): return isSingleRow(input)
        default: return false
        }
    }

    /// Scalar subqueries of SELECT, HAVING and ORDER BY in an aggregating query: uncorrelated ones only, joined
    /// after the aggregate; until then `binder` reads them from marker columns.
    func registerAggregateSubqueries(_ expressions: [Expression], binder: inout ExpressionBinder) throws -> [(Query, LogicalPlan)] {
        var planned: [(Query, LogicalPlan)] = []
        for e in expressions {
            for q in SubqueryExpressions.scalarSubqueries(e) where binder.subqueryValues[q] == nil {
                let sub = try singleValue(try bind(q), at: q.location)
                binder.subqueryValues[q] = .column(Self.subqueryMarker + planned.count, sub.fields[0].type)
                planned.append((q, sub))
            }
        }
        return planned
    }
}
