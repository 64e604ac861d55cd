import PintailCore
import PintailPlanner

/// count, sum, avg, min and max over window frames. Counts and exact sums (integers, decimals) use prefix sums
/// over sorted positions; double sums and min/max accumulate as the frame's end advances when the frame starts
/// at the partition, and otherwise scan the frame.
enum WindowAggregates {
    static func evaluate(_ f: WindowCall, layout: WindowLayout, arguments args: [Vector]) throws -> Vector {
        let n = layout.count
        let arg = args.first
        // Non-NULL argument values before each sorted position.
        var counts = [Int](repeating: 0, count: n + 1)
        for p in 0..<n { counts[p + 1] = counts[p] + ((arg?.isValid(Int(layout.order[p])) ?? true) ? 1 : 0) }
        let frames = (0..<n).map { layout.frame($0, f.frame) }
        func frameCount(_ r: Range<Int>) -> Int { counts[r.upperBound] - counts[r.lowerBound] }

        switch f.function {
        case "count_star", "count":
            var out = [Int64](repeating: 0, count: n)
            for p in 0..<n { out[Int(layout.order[p])] = Int64(frameCount(frames[p])) }
            return Vector(type: .bigint, count: n, storage: .int64(out))
        case "min", "max":
            guard let arg else { throw ExecutionError("internal: \(f.function) without an argument") }
            return extreme(f, layout, arg, frames)
        case "sum", "avg":
            guard let arg else { throw ExecutionError("internal: \(f.function) without an argument") }
            var validity = Bitmap(count: n, value: true)
            for p in 0..<n where frameCount(frames[p]) == 0 { validity[Int(layout.order[p])] = false }
            let nulls: Bitmap? = validity.allSet ? nil : validity
            if case .decimal = arg.type {
                return try exactSums(f, layout, arg, frames, frameCount, nulls, decimal: true)
            }
            if arg.type.isInteger { return try exactSums(f, layout, arg, frames, frameCount, nulls, decimal: false) }
            return floatingSums(f, layout, arg, frames, frameCount, nulls)
        default:
            throw ExecutionError("Window function '\(f.function)' is not implemented")
        }
    }

    /// Integer and decimal sums from Int128 prefix sums; avg divides with Presto's rounding (decimal) or as double.
    private static func exactSums(_ f: WindowCall, _ layout: WindowLayout, _ arg: Vector, _ frames: [Range<Int>],
                                  _ frameCount: (Range<Int>) -> Int, _ nulls: Bitmap?, decimal: Bool) throws -> Vector {
        let n = layout.count
        var prefix = [Int128](repeating: 0, count: n + 1)
        let wide: [Int128]? = { if case .int128(let a) = arg.storage { return a } else { return nil } }()
        let narrow = wide == nil ? arg.int64Values() ?? [] : []
        for p in 0..<n {
            let row = Int(layout.order[p])
            let v: Int128 = arg.isValid(row) ? (wide.map { $0[row] } ?? Int128(narrow[row])) : 0
            prefix[p + 1] = prefix[p] &+ v
        }
        func sum(_ p: Int) -> Int128 { prefix[frames[p].upperBound] &- prefix[frames[p].lowerBound] }
        if f.function == "avg" && !decimal {
            var out = [Double](repeating: 0, count: n)
            for p in 0..<n where !frames[p].isEmpty && frameCount(frames[p]) > 0 {
                out[Int(layout.order[p])] = Double(sum(p)) / Double(frameCount(frames[p]))
            }
            return Vector(type: .double, count: n, storage: .float64(out), validity: nulls)
        }
        var out = [Int128](repeating: 0, count: n)
        for p in 0..<n where frameCount(frames[p]) > 0 {
            let s = sum(p)
            out[Int(layout.order[p])] = f.function == "avg" ? Arithmetic.divideRounded(s, Int128(frameCount(frames[p]))) : s
        }
        if f.type.physical == .int128 { return Vector(type: f.type, count: n, storage: .int128(out), validity: nulls) }
        var small = [Int64](repeating: 0, count: n)
        for i in 0..<n {
            guard let x = Int64(exactly: out[i]) else { throw ExecutionError("\(f.type) overflow in window \(f.function)") }
            small[i] = x
        }
        return Vector(type: f.type, count: n, storage: .int64(small), validity: nulls)
    }

    /// Double and real sums in frame order, so a running frame adds values in the same order as a plain SUM.
    private static func floatingSums(_ f: WindowCall, _ layout: WindowLayout, _ arg: Vector, _ frames: [Range<Int>],
                                     _ frameCount: (Range<Int>) -> Int, _ nulls: Bitmap?) -> Vector {
        let n = layout.count
        let values = arg.doubleValues() ?? arg.int64Values().map { $0.map(Double.init) } ?? [Double](repeating: 0, count: n)
        var out = [Double](repeating: 0, count: n)
        var acc = 0.0, accStart = -1, accEnd = 0
        for p in 0..<n {
            let frame = frames[p]
            var s = 0.0
            if case .unboundedPreceding = f.frame.start {
                if accStart != frame.lowerBound || accEnd > frame.upperBound { acc = 0; accStart = frame.lowerBound; accEnd = frame.lowerBound }
                while accEnd < frame.upperBound {
                    let row = Int(layout.order[accEnd])
                    if arg.isValid(row) { acc += values[row] }
                    accEnd += 1
                }
                s = acc
            } else {
                for q in frame { let row = Int(layout.order[q]); if arg.isValid(row) { s += values[row] } }
            }
            let c = frameCount(frame)
            out[Int(layout.order[p])] = f.function == "avg" ? (c > 0 ? s / Double(c) : 0) : s
        }
        if f.type == .real { return Vector(type: .real, count: n, storage: .float32(out.map { Float($0) }), validity: nulls) }
        return Vector(type: f.type, count: n, storage: .float64(out), validity: nulls)
    }

    /// min/max: the frame's smallest (largest) non-NULL row, sliced from the argument.
    private static func extreme(_ f: WindowCall, _ layout: WindowLayout, _ arg: Vector, _ frames: [Range<Int>]) -> Vector {
        let n = layout.count
        let comparator = RowComparator(vector: arg, key: SortKey(expression: .literal(.null, arg.type), ascending: f.function == "min", nullsFirst: false))
        func better(_ a: Int, than b: Int) -> Bool { b < 0 || comparator.compare(a, b) < 0 }
        var source = [Int32](repeating: Int32(n), count: n)
        var best = -1, accStart = -1, accEnd = 0
        for p in 0..<n {
            let frame = frames[p]
            var pick = -1
            if case .unboundedPreceding = f.frame.start {
                if accStart != frame.lowerBound || accEnd > frame.upperBound { best = -1; accStart = frame.lowerBound; accEnd = frame.lowerBound }
                while accEnd < frame.upperBound {
                    let row = Int(layout.order[accEnd])
                    if arg.isValid(row) && better(row, than: best) { best = row }
                    accEnd += 1
                }
                pick = best
            } else {
                for q in frame { let row = Int(layout.order[q]); if arg.isValid(row) && better(row, than: pick) { pick = row } }
            }
            if pick >= 0 { source[Int(layout.order[p])] = Int32(pick) }
        }
        return WindowFunctions.withNullRow(arg, type: f.type).sliced(source)
    }
}
