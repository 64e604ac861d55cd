import PintailCore

/// Semi-join reduction of a decorrelated scalar subquery (a "magic set"). `(SELECT avg(l_quantity) FROM lineitem
/// WHERE l_partkey = p_partkey)` becomes `lineitem` grouped by `l_partkey` and left-joined to the outer rows; only
/// the groups of keys the outer query holds are ever looked up. When those keys come from a small filtered
/// relation inside the outer plan (TPC-H Q17: the 204 parts of one brand and container), the subquery's input
/// is first semi-joined with that relation, so it aggregates a few thousand rows instead of all of `lineitem`.
///
/// Correct for any source of the keys on the outer plan's path: the outer rows' keys are a subset of the source's
/// (projections rename, filters and joins only drop rows or add NULLs, and a NULL key matches no group).
enum ScalarSubqueryReduction {
    /// `sub` (Project over Aggregate, grouped by the correlated inner keys, which are its first `outerKeys.count`
    /// columns) with its aggregate's input reduced by the relation that produces `outerKeys` in `outer`; `sub`
    /// unchanged when no small filtered source exists.
    static func reduce(_ sub: LogicalPlan, outer: LogicalPlan, outerKeys: [BoundExpr]) -> LogicalPlan {
        var columns: [Int] = []
        for k in outerKeys {
            guard case .column(let c, _) = k else { return sub }
            columns.append(c)
        }
        guard case .project(let aggregate, let expressions, let fields) = sub,
              case .aggregate(let input, let keys, let aggregates, let aggregateFields) = aggregate,
              let found = source(outer, columns), found.reducing else { return sub }
        // Worth a second evaluation of the source only when it is much smaller than what it reduces, in bytes or in
        // estimated rows (TPC-H Q20: 80K of partsupp's rows for forest parts against a year of line items, which
        // its bytes, those of the whole partsupp files, do not show).
        guard TableSizeEstimate.estimate(found.plan) * 4 < TableSizeEstimate.estimate(input)
            || RowEstimate.rows(found.plan) * 4 < RowEstimate.rows(input) else { return sub }
        let sourceFields = found.plan.fields
        var pairs: [JoinKeyPair] = []
        for (i, column) in found.columns.enumerated() {
            guard i < expressions.count, case .column(let k, _) = expressions[i], k < keys.count else { return sub }
            let innerType = keys[k].type, outerType = sourceFields[column].type
            guard let t = TypeResolution.commonSuperType(innerType, outerType) else { return sub }
            pairs.append(JoinKeyPair(left: cast(keys[k], to: t), right: cast(.column(i, outerType), to: t)))
        }
        let keyValues = LogicalPlan.project(found.plan, expressions: found.columns.map { .column($0, sourceFields[$0].type) },
                                            fields: found.columns.map { sourceFields[$0] })
        // As deep in the input as the keys allow (TPC-H Q2: on partsupp, before its 800K rows join supplier, nation
        // and region).
        let reduced = SemiJoinPushdown.place(input, keyValues, JoinCondition(kind: .semi, keys: pairs))
        return .project(.aggregate(reduced, keys: keys, aggregates: aggregates, fields: aggregateFields),
                        expressions: expressions, fields: fields)
    }

    private static func cast(_ e: BoundExpr, to t: DataType) -> BoundExpr {
        e.type == t ? e : .cast(e, t, isTry: false)
    }

    /// The node that produces `columns` of `plan`, found by following them down through projections and joins, with
    /// the columns' positions in it. `reducing`: the node drops rows (a filter, an inner or semi join) rather than
    /// being a whole table.
    private static func source(_ plan: LogicalPlan, _ columns: [Int]) -> (plan: LogicalPlan, columns: [Int], reducing: Bool)? {
        switch plan {
        case .project(let input, let expressions, _):
            var below: [Int] = []
            for c in columns {
                guard c < expressions.count, case .column(let j, _) = expressions[c] else { return (plan, columns, false) }
                below.append(j)
            }
            return source(input, below)
        case .filter:
            return (plan, columns, true)
        case .join(let l, let r, let condition):
            let leftCount = l.fields.count
            let reducingJoin = condition.kind == .inner || condition.kind == .semi
            let side: (LogicalPlan, [Int])?
            if columns.allSatisfy({ $0 < leftCount }) {
                side = (l, columns)
            } else if condition.kind.keepsRight, columns.allSatisfy({ $0 >= leftCount }) {
                side = (r, columns.map { $0 - leftCount })
            } else {
                side = nil
            }
            // A semi join filters its side by another relation: keep it whole.
            if condition.kind != .semi, let (s, c) = side, let found = source(s, c), found.reducing { return found }
            return (plan, columns, reducingJoin)
        default:
            return (plan, columns, false)
        }
    }
}
