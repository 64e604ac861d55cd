import PintailCore
import PintailSQL

/// A subquery `SELECT ... FROM inner WHERE ...` whose WHERE reads columns of the enclosing query: its FROM
/// (filtered by the conjuncts that read only its own columns) and the correlated conjuncts, which become the
/// condition of the join that replaces it.
struct SubqueryCorrelation {
    var query: Query
    var spec: QuerySpecification
    /// The subquery's FROM filtered by its own (uncorrelated) WHERE conjuncts.
    var innerPlan: LogicalPlan
    var innerCount: Int
    var outerCount: Int
    var localConjuncts: [Expression]
    /// The conjuncts reading outer columns, bound over the inner fields followed by the outer ones.
    var correlated: [(Expression, BoundExpr)]

    enum Side { case none, inner, outer, both }

    /// Which query's columns `e` (over inner then outer fields) reads.
    func side(_ e: BoundExpr) -> Side {
        var used = Set<Int>()
        e.collectColumns(into: &used)
        let inner = used.contains { $0 < innerCount }, outer = used.contains { $0 >= innerCount }
        return inner ? (outer ? .both : .inner) : (outer ? .outer : .none)
    }

    /// An outer-only expression over the outer query's own fields.
    func outerExpression(_ e: BoundExpr) -> BoundExpr { e.remapColumns { $0 - innerCount } }

    /// The correlated conjuncts over the outer fields followed by the inner ones, as a join of outer with inner
    /// reads them.
    var joinPredicates: [BoundExpr] {
        let inner = innerCount, outer = outerCount
        return correlated.map { $0.1.remapColumns { $0 < inner ? outer + $0 : $0 - inner } }
    }

    /// EXISTS and IN decorrelate only a plain SELECT-FROM-WHERE.
    func requirePlainSelect(_ what: String, at location: SourceLocation) throws {
        let aggregates = spec.selectItems.contains {
            if case .expression(let e, _) = $0 { return ExpressionBinder(scope: Scope(fields: [])).containsAggregate(e) }
            return false
        }
        guard spec.groupBy == nil, spec.having == nil, !aggregates, query.limit == nil, query.offset == nil else {
            throw SemanticError("A correlated \(what) subquery with GROUP BY, aggregates, HAVING or LIMIT is not supported yet", at: location)
        }
    }
}

extension QueryBinder {
    /// How `q` correlates with a query whose fields are `outer`; nil when it does not (it then binds on its own).
    /// Only WHERE conjuncts may read outer columns.
    func correlation(of q: Query, outer: [Field]) throws -> SubqueryCorrelation? {
        guard case .select(let spec) = q.body, let from = spec.from, let w = spec.whereClause else { return nil }
        var binder = self
        if let with = q.with { for wq in with.queries { binder.ctes[wq.name.value] = (wq.query, wq.columnNames) } }
        let fromPlan = try binder.bindRelation(from)
        let inner = fromPlan.fields
        var local: [Expression] = [], correlated: [(Expression, BoundExpr)] = []
        for c in SubqueryExpressions.conjuncts(w) {
            // Conjuncts with their own subqueries are the subquery's business (they may not read our outer query).
            if SubqueryExpressions.containsSubquery(c) { local.append(c); continue }
            var eb = binder.expressionBinder(Scope(inner: inner, outer: outer))
            let b = try eb.boolean(try eb.bind(c), c.location)
            var used = Set<Int>()
            b.collectColumns(into: &used)
            if used.contains(where: { $0 >= inner.count }) { correlated.append((c, b)) } else { local.append(c) }
        }
        if correlated.isEmpty { return nil }
        let innerPlan = try binder.bindFromWhere(from, where: SubqueryExpressions.conjunction(local))
        return SubqueryCorrelation(query: q, spec: spec, innerPlan: innerPlan, innerCount: inner.count, outerCount: outer.count,
                                   localConjuncts: local, correlated: correlated)
    }
}
