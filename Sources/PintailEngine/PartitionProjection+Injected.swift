import PintailCore
import PintailPlanner

extension PartitionProjection {
    /// Optimizer step between `push_down_filters` and `prune_partitions`: every scan of a projected table with
    /// injected columns gets the partitions its pushed equality / IN conjuncts allow (see the type's comment).
    static func resolveInjected(_ plan: LogicalPlan) throws -> LogicalPlan {
        switch plan {
        case .scan(var scan):
            guard let projection = try PartitionProjection(scan.table), projection.hasInjected else { return plan }
            var injected: [Int: [String]] = [:]
            for (i, column) in projection.columns.enumerated() {
                guard case .injected = column else { continue }
                guard let values = injectedValues(scan, key: i) else {
                    throw SemanticError("Partition projection: for the injected partition column '\(projection.keys[i])' of \(projection.table), the WHERE clause must contain \(projection.keys[i]) = <constant> or \(projection.keys[i]) IN (<constants>)")
                }
                injected[i] = values
            }
            scan.table.partitions = try projection.partitions(injected: injected)
            return .scan(scan)
        case .values, .shared: return plan  // a shared subplan is optimized on its own (SharedSubplans.resolve)
        case .filter(let input, let p): return .filter(try resolveInjected(input), predicate: p)
        case .project(let input, let e, let f): return .project(try resolveInjected(input), expressions: e, fields: f)
        case .aggregate(let input, let k, let a, let f): return .aggregate(try resolveInjected(input), keys: k, aggregates: a, fields: f)
        case .sort(let input, let k): return .sort(try resolveInjected(input), keys: k)
        case .limit(let input, let o, let c): return .limit(try resolveInjected(input), offset: o, count: c)
        case .unionAll(let inputs, let f): return .unionAll(try inputs.map(resolveInjected), fields: f)
        case .join(let l, let r, let c): return .join(try resolveInjected(l), try resolveInjected(r), c)
        case .window(let input, let functions): return .window(try resolveInjected(input), functions: functions)
        }
    }

    /// The constants the pushed conjuncts allow for partition key `key` (intersected when several), or nil when no
    /// conjunct is a plain `key = c` or `key IN (c, ...)`.
    static func injectedValues(_ scan: Scan, key: Int) -> [String]? {
        let target = scan.table.columns.count + key
        guard let output = scan.columns.firstIndex(of: target) else { return nil }
        var result: [String]?
        for p in scan.pushedPredicates {
            guard let values = constants(p, column: output) else { continue }
            result = result.map { have in have.filter { values.contains($0) } } ?? values
        }
        return result
    }

    static func constants(_ p: BoundExpr, column: Int) -> [String]? {
        switch p {
        case .call("$eq", let args, _) where args.count == 2:
            if isColumn(args[0], column), let v = constant(args[1]) { return v.map { [$0] } ?? [] }
            if isColumn(args[1], column), let v = constant(args[0]) { return v.map { [$0] } ?? [] }
            return nil
        case .inList(let x, let list) where isColumn(x, column):
            var out: [String] = []
            for e in list {
                guard let v = constant(e) else { return nil }
                if let v, !out.contains(v) { out.append(v) }
            }
            return out
        default: return nil
        }
    }

    static func isColumn(_ e: BoundExpr, _ index: Int) -> Bool {
        switch e {
        case .column(let i, _): return i == index
        case .cast(let x, _, _): return isColumn(x, index)
        default: return false
        }
    }

    /// A literal's text (as partition folders spell it); `.some(nil)` for NULL, which matches nothing.
    static func constant(_ e: BoundExpr) -> String?? {
        switch e {
        case .literal(let v, let t): return v == .null ? .some(nil) : .some(ValueText.text(v, type: t))
        case .cast(let x, _, _): return constant(x)
        default: return nil
        }
    }
}
