import PintailCore
import PintailPlanner

/// Ranking and value window functions over a layout's sorted positions. Results are written at the input row
/// (`layout.order[p]`); value functions pick a source row per output row and slice the argument (no copies of
/// the chosen values).
enum WindowFunctions {
    static func evaluate(_ f: WindowCall, layout: WindowLayout, arguments args: [Vector]) throws -> Vector {
        let n = layout.count
        switch f.function {
        case "row_number", "rank", "dense_rank":
            var out = [Int64](repeating: 0, count: n)
            var dense: Int64 = 0
            // The function is chosen once, not per row.
            let kind = f.function == "row_number" ? 0 : (f.function == "rank" ? 1 : 2)
            for p in 0..<n {
                let ps = layout.partitionStart[p]
                if p == ps { dense = 0 }
                if p == layout.peerStart[p] { dense += 1 }
                let v = kind == 0 ? Int64(p - ps + 1) : (kind == 1 ? Int64(layout.peerStart[p] - ps + 1) : dense)
                out[Int(layout.order[p])] = v
            }
            return Vector(type: .bigint, count: n, storage: .int64(out))
        case "percent_rank", "cume_dist":
            var out = [Double](repeating: 0, count: n)
            for p in 0..<n {
                let ps = layout.partitionStart[p], size = layout.partitionEnd[p] - ps
                let v = f.function == "cume_dist"
                    ? Double(layout.peerEnd[p] - ps) / Double(size)
                    : (size == 1 ? 0 : Double(layout.peerStart[p] - ps) / Double(size - 1))
                out[Int(layout.order[p])] = v
            }
            return Vector(type: .double, count: n, storage: .float64(out))
        case "ntile":
            return try ntile(layout, buckets: args[0])
        case "lag", "lead":
            return try shifted(f, layout, args)
        case "first_value", "last_value", "nth_value":
            var source = [Int32](repeating: Int32(n), count: n)
            let nth = f.function == "nth_value" ? args[1].int64Values() : nil
            for p in 0..<n {
                let frame = layout.frame(p, f.frame)
                let row = Int(layout.order[p])
                var pick = -1
                switch f.function {
                case "first_value": pick = frame.isEmpty ? -1 : frame.lowerBound
                case "last_value": pick = frame.isEmpty ? -1 : frame.upperBound - 1
                default:
                    guard let nth, args[1].isValid(row) else { continue }
                    guard nth[row] >= 1 else { throw ExecutionError("Argument 2 of nth_value must be at least 1: \(nth[row])") }
                    if nth[row] <= Int64(frame.count) { pick = frame.lowerBound + Int(nth[row]) - 1 }
                }
                if pick >= 0 { source[row] = layout.order[pick] }
            }
            return withNullRow(args[0], type: f.type).sliced(source)
        default:
            return try WindowAggregates.evaluate(f, layout: layout, arguments: args)
        }
    }

    /// lag(x, offset, default) / lead(...): the value `offset` rows before (after) in the partition.
    private static func shifted(_ f: WindowCall, _ layout: WindowLayout, _ args: [Vector]) throws -> Vector {
        let n = layout.count
        guard let offsets = args[1].int64Values() else { throw ExecutionError("internal: \(f.function) offset is not an integer") }
        let forward = f.function == "lead"
        // Sources index [values..., defaults..., NULL].
        var parts = [args[0]]
        if args.count > 2 { parts.append(args[2]) }
        parts.append(.nulls(f.type, count: 1))
        let nullIndex = Int32(args.count > 2 ? 2 * n : n)
        let source = Vector.concatenate(parts, type: f.type)
        var picks = [Int32](repeating: nullIndex, count: n)
        for p in 0..<n {
            let row = Int(layout.order[p])
            guard args[1].isValid(row) else { continue }
            let k = offsets[row]
            guard k >= 0 else { throw ExecutionError("Offset must be at least 0: \(k)") }
            let target = forward ? p + Int(min(k, Int64(n))) : p - Int(min(k, Int64(n)))
            if target >= layout.partitionStart[p] && target < layout.partitionEnd[p] {
                picks[row] = layout.order[target]
            } else if args.count > 2 {
                picks[row] = Int32(n + row)
            }
        }
        return source.sliced(picks)
    }

    /// ntile(k): the partition split into k buckets as evenly as possible, earlier buckets one row larger.
    private static func ntile(_ layout: WindowLayout, buckets: Vector) throws -> Vector {
        let n = layout.count
        guard let k = buckets.int64Values() else { throw ExecutionError("internal: ntile bucket count is not an integer") }
        var out = [Int64](repeating: 0, count: n)
        var validity: Bitmap? = nil
        for p in 0..<n {
            let row = Int(layout.order[p])
            guard buckets.isValid(row) else {
                if validity == nil { validity = Bitmap(count: n, value: true) }
                validity?[row] = false
                continue
            }
            guard k[row] > 0 else { throw ExecutionError("Buckets must be greater than 0: \(k[row])") }
            let size = Int64(layout.partitionEnd[p] - layout.partitionStart[p]), i = Int64(p - layout.partitionStart[p])
            let q = size / k[row], r = size % k[row]
            if q == 0 { out[row] = i + 1; continue }
            out[row] = i < r * (q + 1) ? i / (q + 1) + 1 : (i - r * (q + 1)) / q + r + 1
        }
        return Vector(type: .bigint, count: n, storage: .int64(out), validity: validity)
    }

    /// The vector with one NULL row appended (at index `count`), for picks that find no row.
    static func withNullRow(_ v: Vector, type: DataType) -> Vector {
        Vector.concatenate([v, .nulls(type, count: 1)], type: type)
    }
}
