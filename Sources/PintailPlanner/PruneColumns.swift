/// Optimizer rule `prune_columns`: scans produce only the columns the rest of the plan reads, so text tables parse
/// and Parquet tables decode only those. Every node above is rewritten to the narrower column numbering.
public enum PruneColumns {
    public static func apply(_ plan: LogicalPlan) -> LogicalPlan {
        prune(plan, required: Set(plan.fields.indices)).plan
    }

    /// Returns the rewritten plan and, for each old output column still produced, its new index.
    private static func prune(_ plan: LogicalPlan, required: Set<Int>) -> (plan: LogicalPlan, map: [Int: Int]) {
        switch plan {
        case .scan(var scan):
            let keep = scan.columns.indices.filter { required.contains($0) }
            var map: [Int: Int] = [:]
            for (new, old) in keep.enumerated() { map[old] = new }
            scan.columns = keep.map { scan.columns[$0] }
            scan.pushedPredicates = scan.pushedPredicates.map { $0.remapColumns { map[$0] ?? $0 } }
            return (.scan(scan), map)
        case .values:
            return (plan, identity(plan.fields.count))
        case .filter(let input, let predicate):
            var need = required
            predicate.collectColumns(into: &need)
            let (p, map) = prune(input, required: need)
            return (.filter(p, predicate: predicate.remapColumns { map[$0] ?? $0 }), map)
        case .project(let input, let expressions, let fields):
            var need = Set<Int>()
            for e in expressions { e.collectColumns(into: &need) }
            let (p, map) = prune(input, required: need)
            return (.project(p, expressions: expressions.map { $0.remapColumns { map[$0] ?? $0 } }, fields: fields),
                    identity(fields.count))
        case .aggregate(let input, let keys, let aggregates, let fields):
            var need = Set<Int>()
            for k in keys { k.collectColumns(into: &need) }
            for a in aggregates { for e in a.arguments { e.collectColumns(into: &need) } }
            let (p, map) = prune(input, required: need)
            let remap: (Int) -> Int = { map[$0] ?? $0 }
            let newAggs = aggregates.map { a in
                AggregateCall(function: a.function, arguments: a.arguments.map { $0.remapColumns(remap) }, distinct: a.distinct, type: a.type)
            }
            return (.aggregate(p, keys: keys.map { $0.remapColumns(remap) }, aggregates: newAggs, fields: fields),
                    identity(fields.count))
        case .sort(let input, let keys):
            var need = required
            for k in keys { k.expression.collectColumns(into: &need) }
            let (p, map) = prune(input, required: need)
            let newKeys = keys.map { SortKey(expression: $0.expression.remapColumns { map[$0] ?? $0 }, ascending: $0.ascending, nullsFirst: $0.nullsFirst) }
            return (.sort(p, keys: newKeys), map)
        case .limit(let input, let offset, let count):
            let (p, map) = prune(input, required: required)
            return (.limit(p, offset: offset, count: count), map)
        case .unionAll(let inputs, let fields):
            let all = Set(fields.indices)
            return (.unionAll(inputs.map { prune($0, required: all).plan }, fields: fields), identity(fields.count))
        }
    }

    private static func identity(_ n: Int) -> [Int: Int] {
        var m: [Int: Int] = [:]
        for i in 0..<n { m[i] = i }
        return m
    }
}
