import PintailSQL

/// WITH queries referenced more than once are computed once per statement (TPC-H Q15's `revenue0`, read by the
/// main query and by its `max` subquery). The binder gives every reference to the same WITH query the same
/// `SharedSubplan`; before the optimizer runs, `resolve` counts the references left in the final plan (binding may
/// have bound some FROM clauses twice and dropped one), inlines the queries read once (and plain scans with filters),
/// so that filters and column pruning reach into them as before, and optimizes each query read more than once on its
/// own, as a leaf to the rules that run over the rest of the plan.
public enum SharedSubplans {
    public static func resolve(_ plan: LogicalPlan, optimize: (LogicalPlan) throws -> LogicalPlan) throws -> LogicalPlan {
        var counts: [ObjectIdentifier: Int] = [:]
        count(plan, into: &counts)
        guard !counts.isEmpty else { return plan }
        var resolved: [ObjectIdentifier: SharedSubplan] = [:]
        return try rewrite(plan, counts: counts, resolved: &resolved, optimize: optimize)
    }

    /// References per shared subplan; one computed once counts its own references once.
    private static func count(_ plan: LogicalPlan, into counts: inout [ObjectIdentifier: Int]) {
        if case .shared(let s) = plan {
            let id = ObjectIdentifier(s)
            counts[id, default: 0] += 1
            if counts[id] == 1 { count(s.plan, into: &counts) }
            return
        }
        for input in inputs(of: plan) { count(input, into: &counts) }
    }

    private static func rewrite(_ plan: LogicalPlan, counts: [ObjectIdentifier: Int], resolved: inout [ObjectIdentifier: SharedSubplan],
                                optimize: (LogicalPlan) throws -> LogicalPlan) throws -> LogicalPlan {
        if case .shared(let s) = plan {
            let id = ObjectIdentifier(s)
            if counts[id, default: 0] < 2 || !worthSharing(s.plan) {
                return try rewrite(s.plan, counts: counts, resolved: &resolved, optimize: optimize)
            }
            if let done = resolved[id] { return .shared(done) }
            let inner = try optimize(try rewrite(s.plan, counts: counts, resolved: &resolved, optimize: optimize))
            let done = SharedSubplan(name: s.name, plan: inner)
            resolved[id] = done
            return .shared(done)
        }
        let inputs = inputs(of: plan)
        if inputs.isEmpty { return plan }
        return replacingInputs(plan, try inputs.map { try rewrite($0, counts: counts, resolved: &resolved, optimize: optimize) })
    }

    /// Whether computing once beats inlining: for a query that aggregates, joins or ranks. A plain scan with
    /// filters and projections is cheaper read again by each reference, whose own filters then prune its files.
    static func worthSharing(_ plan: LogicalPlan) -> Bool {
        switch plan {
        case .aggregate, .join, .window: return true
        case .shared(let s): return worthSharing(s.plan)
        default: return inputs(of: plan).contains(where: worthSharing)
        }
    }

    /// The plans a node reads, in order (a shared subplan's is not an input of its reference here).
    static func inputs(of plan: LogicalPlan) -> [LogicalPlan] {
        switch plan {
        case .scan, .values, .shared: return []
        case .filter(let i, _), .project(let i, _, _), .aggregate(let i, _, _, _), .sort(let i, _), .limit(let i, _, _),
             .window(let i, _): return [i]
        case .unionAll(let inputs, _): return inputs
        case .join(let l, let r, _): return [l, r]
        }
    }

    /// `plan` reading `inputs` instead (same count and order as `inputs(of:)`).
    static func replacingInputs(_ plan: LogicalPlan, _ inputs: [LogicalPlan]) -> LogicalPlan {
        switch plan {
        case .scan, .values, .shared: return plan
        case .filter(_, let p): return .filter(inputs[0], predicate: p)
        case .project(_, let e, let f): return .project(inputs[0], expressions: e, fields: f)
        case .aggregate(_, let k, let a, let f): return .aggregate(inputs[0], keys: k, aggregates: a, fields: f)
        case .sort(_, let k): return .sort(inputs[0], keys: k)
        case .limit(_, let o, let c): return .limit(inputs[0], offset: o, count: c)
        case .window(_, let f): return .window(inputs[0], functions: f)
        case .unionAll(_, let f): return .unionAll(inputs, fields: f)
        case .join(_, _, let c): return .join(inputs[0], inputs[1], c)
        }
    }
}

/// The shared subplans of one statement, by WITH query: every reference to a WITH query binds to the same instance.
/// One binder binds one statement; its copies share this cache.
final class SharedQueryCache {
    private var known: [Query: SharedSubplan] = [:]

    func subplan(name: String, query key: Query, bind: () throws -> LogicalPlan) rethrows -> SharedSubplan {
        if let s = known[key] { return s }
        let s = SharedSubplan(name: name, plan: try bind())
        known[key] = s
        return s
    }
}
