/// Optimizer rule `push_down_filters`: hands a Filter's conjuncts to the Scan below it (through projections that
/// only rename columns), so the scan can skip partitions, files and row groups that cannot match. The Filter stays:
/// a scan may return rows that fail a pushed predicate.
public enum PushDownFilters {
    public static func apply(_ plan: LogicalPlan) -> LogicalPlan {
        switch plan {
        case .filter(let input, let predicate):
            let rewritten = apply(input)
            if case .scan(var scan) = rewritten {
                scan.pushedPredicates += conjuncts(predicate)
                return .filter(.scan(scan), predicate: predicate)
            }
            return .filter(rewritten, predicate: predicate)
        case .scan, .values: return plan
        case .project(let input, let e, let f): return .project(apply(input), expressions: e, fields: f)
        case .aggregate(let input, let k, let a, let f): return .aggregate(apply(input), keys: k, aggregates: a, fields: f)
        case .sort(let input, let k): return .sort(apply(input), keys: k)
        case .limit(let input, let o, let c): return .limit(apply(input), offset: o, count: c)
        case .unionAll(let inputs, let f): return .unionAll(inputs.map(apply), fields: f)
        }
    }

    static func conjuncts(_ e: BoundExpr) -> [BoundExpr] {
        if case .and(let parts) = e { return parts.flatMap(conjuncts) }
        return [e]
    }
}
