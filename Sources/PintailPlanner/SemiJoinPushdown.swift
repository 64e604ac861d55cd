import PintailCore

/// Places a semi join (from `IN` or `EXISTS`) below the joins of its outer side when all the outer columns it
/// reads (keys and residual) come from one relation of that tree: TPC-H Q18 then filters `orders` by 57 order
/// keys before joining 6M line items instead of after. Exact because a semi join only drops rows of its left
/// input, depending on that input's own columns: dropping them before an inner join drops the same output rows.
/// Only inner joins, and the preserved side of outer joins, are crossed; a NULL key never matches either way.
/// Anti joins are never moved (the binder adds NOT IN's NULL checks above them), nor semi joins whose subquery
/// looks larger than the relation they would filter.
enum SemiJoinPushdown {
    /// `outer` semi-joined with `inner` on `condition`, the semi join placed as deep in `outer` as it may go.
    static func place(_ outer: LogicalPlan, _ inner: LogicalPlan, _ condition: JoinCondition) -> LogicalPlan {
        let top = LogicalPlan.join(outer, inner, condition)
        guard condition.kind == .semi, !condition.keys.isEmpty else { return top }
        let semi = SemiCondition(condition: condition, leftCount: outer.fields.count)
        return pushed(semi, into: outer, inner) ?? top
    }

    /// The plan with the semi join moved below at least one join of `plan`, or nil when it cannot cross any.
    private static func pushed(_ semi: SemiCondition, into plan: LogicalPlan, _ inner: LogicalPlan) -> LogicalPlan? {
        switch plan {
        case .filter(let input, let predicate):
            // A semi join keeps its left input's columns, so the filter reads the same columns above it.
            return pushed(semi, into: input, inner).map { .filter($0, predicate: predicate) }
        case .project(let input, let expressions, let fields):
            // Through a projection that passes the used columns through unchanged.
            var map: [Int: Int] = [:]
            for c in semi.outerColumns {
                guard c < expressions.count, case .column(let source, _) = expressions[c] else { return nil }
                map[c] = source
            }
            let below = semi.remapped(leftCount: input.fields.count) { map[$0] ?? $0 }
            return pushed(below, into: input, inner).map { .project($0, expressions: expressions, fields: fields) }
        case .join(let l, let r, let c):
            let leftCount = l.fields.count
            let used = semi.outerColumns
            if used.allSatisfy({ $0 < leftCount }), c.kind == .inner || c.kind == .left || c.kind == .semi || c.kind == .anti {
                let below = semi.remapped(leftCount: leftCount) { $0 }
                guard let left = pushed(below, into: l, inner) ?? below.joinIfSelective(l, inner) else { return nil }
                return .join(left, r, c)
            }
            if used.allSatisfy({ $0 >= leftCount }), c.kind == .inner || c.kind == .right {
                let below = semi.remapped(leftCount: r.fields.count) { $0 - leftCount }
                guard let right = pushed(below, into: r, inner) ?? below.joinIfSelective(r, inner) else { return nil }
                return .join(l, right, c)
            }
            return nil
        default:
            return nil
        }
    }
}

/// A semi join's condition with its left-side (outer) column references tracked, so it can be re-targeted at a
/// sub-plan whose columns are numbered differently.
private struct SemiCondition {
    var condition: JoinCondition
    var leftCount: Int

    /// Outer columns read by the keys and the residual.
    var outerColumns: Set<Int> {
        var used = Set<Int>()
        for k in condition.keys { k.left.collectColumns(into: &used) }
        if let residual = condition.residual {
            var all = Set<Int>()
            residual.collectColumns(into: &all)
            used.formUnion(all.filter { $0 < leftCount })
        }
        return used
    }

    /// The condition over a new left input of `newLeftCount` columns, outer column `c` becoming `map(c)`.
    func remapped(leftCount newLeftCount: Int, _ map: @escaping (Int) -> Int) -> SemiCondition {
        var c = condition
        let oldLeftCount = leftCount
        c.keys = c.keys.map { JoinKeyPair(left: $0.left.remapColumns(map), right: $0.right) }
        c.residual = c.residual?.remapColumns { $0 < oldLeftCount ? map($0) : $0 - oldLeftCount + newLeftCount }
        return SemiCondition(condition: c, leftCount: newLeftCount)
    }

    /// The semi join over `left`, hashing whichever input looks smaller; nil when the subquery looks larger than
    /// `left`: such a semi join keeps most rows, and the joins above (TPC-H Q21's filtered supplier and nation)
    /// may drop more of them first.
    func joinIfSelective(_ left: LogicalPlan, _ inner: LogicalPlan) -> LogicalPlan? {
        guard TableSizeEstimate.estimate(inner) < TableSizeEstimate.estimate(left) else { return nil }
        var c = condition
        c.buildLeft = QueryBinder.outerIsSmaller(left, inner)
        return .join(left, inner, c)
    }
}
