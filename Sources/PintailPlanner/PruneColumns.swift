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
            // A pushed predicate over a column no longer produced (a partition key whose filter partition pruning
            // already settled) has done its work.
            scan.pushedPredicates = scan.pushedPredicates.filter { p in
                var used = Set<Int>()
                p.collectColumns(into: &used)
                return used.allSatisfy { map[$0] != nil }
            }.map { $0.remapColumns { map[$0] ?? $0 } }
            return (.scan(scan), map)
        case .values, .shared:
            // A shared subplan keeps all its columns: its other references may read them.
            return (plan, identity(plan.fields.count))
        case .filter(let input, let predicate):
            var need = required
            predicate.collectColumns(into: &need)
            let (p, map) = prune(input, required: need)
            return (.filter(p, predicate: predicate.remapColumns { map[$0] ?? $0 }), map)
        case .project(let input, let expressions, let fields):
            // Only the expressions read above are computed (an alias's renaming project passes on the narrowing).
            let keep = expressions.indices.filter { required.contains($0) }
            var need = Set<Int>()
            for i in keep { expressions[i].collectColumns(into: &need) }
            let (p, map) = prune(input, required: need)
            var outMap: [Int: Int] = [:]
            for (new, old) in keep.enumerated() { outMap[old] = new }
            return (.project(p, expressions: keep.map { expressions[$0].remapColumns { map[$0] ?? $0 } }, fields: keep.map { fields[$0] }),
                    outMap)
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
        case .join(let left, let right, let condition):
            return pruneJoin(left, right, condition, required: required)
        case .window(let input, let functions):
            let inputCount = input.fields.count
            var need = required.filter { $0 < inputCount }
            for f in functions {
                for e in f.arguments + f.partitionBy + f.orderBy.map(\.expression) { e.collectColumns(into: &need) }
            }
            let (p, map) = prune(input, required: need)
            let remap: (Int) -> Int = { map[$0] ?? $0 }
            let newFunctions = functions.map { f in
                WindowCall(function: f.function, arguments: f.arguments.map { $0.remapColumns(remap) },
                           partitionBy: f.partitionBy.map { $0.remapColumns(remap) },
                           orderBy: f.orderBy.map { SortKey(expression: $0.expression.remapColumns(remap), ascending: $0.ascending, nullsFirst: $0.nullsFirst) },
                           frame: f.frame, type: f.type)
            }
            var outMap = map
            let newCount = p.fields.count
            for k in functions.indices { outMap[inputCount + k] = newCount + k }
            return (.window(p, functions: newFunctions), outMap)
        }
    }

    /// Each side keeps the columns required above plus those its keys and the residual read.
    private static func pruneJoin(_ left: LogicalPlan, _ right: LogicalPlan, _ condition: JoinCondition,
                                  required: Set<Int>) -> (plan: LogicalPlan, map: [Int: Int]) {
        let leftCount = left.fields.count
        var residualColumns = Set<Int>()
        condition.residual?.collectColumns(into: &residualColumns)
        var needLeft = Set(required.filter { $0 < leftCount }), needRight = Set<Int>()
        if condition.kind.keepsRight { for i in required where i >= leftCount { needRight.insert(i - leftCount) } }
        for i in residualColumns { if i < leftCount { needLeft.insert(i) } else { needRight.insert(i - leftCount) } }
        for k in condition.keys { k.left.collectColumns(into: &needLeft); k.right.collectColumns(into: &needRight) }
        let (l, leftMap) = prune(left, required: needLeft)
        let (r, rightMap) = prune(right, required: needRight)
        let newLeftCount = l.fields.count
        let remap: (Int) -> Int = { i in
            i < leftCount ? (leftMap[i] ?? i) : newLeftCount + (rightMap[i - leftCount] ?? (i - leftCount))
        }
        var c = condition
        c.keys = condition.keys.map { JoinKeyPair(left: $0.left.remapColumns { leftMap[$0] ?? $0 }, right: $0.right.remapColumns { rightMap[$0] ?? $0 }) }
        c.residual = condition.residual?.remapColumns(remap)
        var map: [Int: Int] = [:]
        for (old, new) in leftMap { map[old] = new }
        if condition.kind.keepsRight { for (old, new) in rightMap { map[leftCount + old] = newLeftCount + new } }
        return (.join(l, r, c), map)
    }

    private static func identity(_ n: Int) -> [Int: Int] {
        var m: [Int: Int] = [:]
        for i in 0..<n { m[i] = i }
        return m
    }
}
