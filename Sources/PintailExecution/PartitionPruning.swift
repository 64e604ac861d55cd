import PintailCore
import PintailPlanner

/// Partition pruning: the scan's pushed predicates that read only partition columns are evaluated over the
/// catalog's partition values (one row per partition), before any file is listed or opened. Any deterministic
/// expression works: `year = 2015`, `CAST(year AS varchar) = '2015'`, `substr(dt, 1, 7) = '2015-07'`, IN, OR, NOT.
public enum PartitionPruning {
    /// Optimizer rule `prune_partitions`: narrows every scan's partition list. Runs after `push_down_filters`.
    public static func apply(_ plan: LogicalPlan) throws -> LogicalPlan {
        switch plan {
        case .scan(var scan):
            if scan.partitions == nil, !scan.table.partitionKeys.isEmpty { scan.partitions = try prune(scan) }
            return .scan(scan)
        case .values: return plan
        case .filter(let input, let p):
            let pruned = try apply(input)
            // Conjuncts that decided the partitions hold for every row of every partition left: drop them.
            if case .scan(let scan) = pruned, scan.partitions != nil {
                let decided = Set(partitionPredicates(scan))
                let rest = PushDownFilters.conjuncts(p).filter { !decided.contains($0) }
                if rest.isEmpty { return pruned }
                return .filter(pruned, predicate: rest.count == 1 ? rest[0] : .and(rest))
            }
            return .filter(pruned, predicate: p)
        case .project(let input, let e, let f): return .project(try apply(input), expressions: e, fields: f)
        case .aggregate(let input, let k, let a, let f): return .aggregate(try apply(input), keys: k, aggregates: a, fields: f)
        case .sort(let input, let k): return .sort(try apply(input), keys: k)
        case .limit(let input, let o, let c): return .limit(try apply(input), offset: o, count: c)
        case .unionAll(let inputs, let f): return .unionAll(try inputs.map(apply), fields: f)
        case .join(let l, let r, let c): return .join(try apply(l), try apply(r), c)
        case .window(let input, let functions): return .window(try apply(input), functions: functions)
        // Optimized on its own (SharedSubplans.resolve).
        case .shared: return plan
        }
    }

    static func prune(_ scan: Scan) throws -> [PartitionHandle] {
        let table = scan.table
        let all = scan.partitions ?? table.partitions
        guard !table.partitionKeys.isEmpty, !all.isEmpty else { return all }
        let dataCount = table.columns.count
        // Output column i of the scan reads table column scan.columns[i]; keep predicates on partition keys only.
        let usable = partitionPredicates(scan)
        guard !usable.isEmpty else { return all }
        // One row per partition; every scan output column present (data columns as NULLs, never read).
        var columns: [Vector] = []
        for c in scan.columns {
            if c < dataCount {
                columns.append(.nulls(table.columns[c].type, count: all.count))
            } else {
                let key = table.partitionKeys[c - dataCount]
                var b = VectorBuilder(type: key.type, capacity: all.count)
                for p in all {
                    let raw = p.values[c - dataCount]
                    b.append(raw.flatMap { try? ValueCast.cast(.string($0), from: .string, to: key.type) } ?? .null)
                }
                columns.append(b.finish())
            }
        }
        let batch = Batch(columns: columns, count: all.count)
        var keep = [Bool](repeating: true, count: all.count)
        for predicate in usable {
            let result = try ExpressionCompiler.compile(predicate)(batch)
            for i in 0..<all.count where !(result.isValid(i) && result.boolValue(at: i)) { keep[i] = false }
        }
        return all.indices.filter { keep[$0] }.map { all[$0] }
    }

    /// The scan's pushed predicates that read only partition columns (and so are decided per partition).
    static func partitionPredicates(_ scan: Scan) -> [BoundExpr] {
        let dataCount = scan.table.columns.count
        let partitionOutputs = Set(scan.columns.indices.filter { scan.columns[$0] >= dataCount })
        return scan.pushedPredicates.filter { p in
            var used = Set<Int>()
            p.collectColumns(into: &used)
            return !used.isEmpty && used.isSubset(of: partitionOutputs) && isDeterministic(p)
        }
    }

    static func isDeterministic(_ e: BoundExpr) -> Bool {
        switch e {
        case .call(let name, let args, _):
            if ["rand", "current_date", "current_timestamp", "current_time"].contains(name) { return false }
            return args.allSatisfy(isDeterministic)
        case .column, .literal: return true
        case .cast(let x, _, _), .not(let x), .isNull(let x): return isDeterministic(x)
        case .and(let xs), .or(let xs), .coalesce(let xs, _): return xs.allSatisfy(isDeterministic)
        case .caseWhen(let arms, let otherwise, _):
            return arms.allSatisfy { isDeterministic($0.condition) && isDeterministic($0.result) } && (otherwise.map(isDeterministic) ?? true)
        case .inList(let x, let xs): return isDeterministic(x) && xs.allSatisfy(isDeterministic)
        }
    }
}
