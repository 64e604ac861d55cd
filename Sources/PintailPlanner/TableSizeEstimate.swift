import PintailCore

/// Rough sizes of plan inputs in bytes: the bytes of a table's files, scaled down for filters and aggregates above
/// them. The semi-join rules (placement, which side to hash) and the scalar-subquery reduction compare these;
/// join order and hash join build sides use `RowEstimate`. Only the order of magnitude matters.
enum TableSizeEstimate {
    /// Estimated size of what `plan` produces.
    static func estimate(_ plan: LogicalPlan) -> Double {
        switch plan {
        case .scan(let s): return s.tableBytes ?? 0
        case .values(let rows, _): return Double(rows.count)
        case .filter(let input, let p): return estimate(input) * selectivity(p)
        case .project(let input, _, _), .sort(let input, _), .window(let input, _): return estimate(input)
        case .aggregate(let input, let keys, _, _): return keys.isEmpty ? 1 : estimate(input) / 10
        case .limit(let input, _, let count): return min(estimate(input), Double(count ?? Int.max))
        case .unionAll(let inputs, _): return inputs.map(estimate).reduce(0, +)
        case .join(let l, let r, let c): return c.kind.keepsRight ? max(estimate(l), estimate(r)) : estimate(l)
        case .shared(let s): return estimate(s.plan)
        }
    }

    /// The fraction of rows a filter keeps, by the usual rules of thumb: 1/10 per equality with a constant,
    /// 1/2 per other conjunct.
    static func selectivity(_ p: BoundExpr) -> Double {
        var s = 1.0
        for c in PushDownFilters.conjuncts(p) {
            if case .call("$eq", let args, _) = c, args.contains(where: \.isLiteral) { s *= 0.1 } else { s *= 0.5 }
        }
        return s
    }
}
