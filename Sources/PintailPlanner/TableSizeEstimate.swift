import Foundation

/// Rough sizes of plan inputs for join ordering: the bytes of a table's files (no statistics are kept yet), scaled
/// down for filters and aggregates above them. Only the order of magnitude matters.
enum TableSizeEstimate {
    /// Bytes of the files under `table`'s location (at most the first 20,000 files).
    static func bytes(_ table: TableHandle) -> Double {
        let fm = FileManager.default
        guard let walker = fm.enumerator(at: URL(fileURLWithPath: table.location),
                                         includingPropertiesForKeys: [.fileSizeKey, .isRegularFileKey]) else { return 0 }
        var total = 0.0, files = 0
        for case let url as URL in walker {
            guard let v = try? url.resourceValues(forKeys: [.fileSizeKey, .isRegularFileKey]), v.isRegularFile == true else { continue }
            total += Double(v.fileSize ?? 0)
            files += 1
            if files >= 20_000 { break }
        }
        return total
    }

    /// Estimated size of what `plan` produces.
    static func estimate(_ plan: LogicalPlan) -> Double {
        switch plan {
        case .scan(let s): return bytes(s.table)
        case .values(let rows, _): return Double(rows.count)
        case .filter(let input, let p): return estimate(input) * selectivity(p)
        case .project(let input, _, _), .sort(let input, _), .window(let input, _): return estimate(input)
        case .aggregate(let input, let keys, _, _): return keys.isEmpty ? 1 : estimate(input) / 10
        case .limit(let input, _, let count): return min(estimate(input), Double(count ?? Int.max))
        case .unionAll(let inputs, _): return inputs.map(estimate).reduce(0, +)
        case .join(let l, let r, let c): return c.kind.keepsRight ? max(estimate(l), estimate(r)) : estimate(l)
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
