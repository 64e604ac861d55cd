import PintailCore
import PintailPlanner

/// The running state of one aggregate for every group of a hash aggregation. `update` receives, for each input
/// row, its group number; groups are numbered densely from 0 in order of first appearance.
protocol AggregateState: AnyObject {
    func update(groups: [Int32], groupCount: Int, arguments: [Vector]) throws
    func finish(groupCount: Int) -> Vector
    /// Adds another worker's partial state of the same aggregate: its group `i` is this state's group `mapping[i]`.
    func merge(_ other: AggregateState, mapping: [Int32], groupCount: Int) throws
    /// An error met while finishing (finish does not throw); the operator throws it before returning rows.
    var finishError: Error? { get }
}

extension AggregateState {
    var finishError: Error? { nil }
}

/// Grows `array` to `count` entries of `value`.
@inline(__always)
func extend<T>(_ array: inout [T], to count: Int, with value: T) {
    if array.count < count { array += [T](repeating: value, count: count - array.count) }
}

enum AggregateStates {
    /// The constant maximum standard error of approx_distinct(x, e) / approx_set(x, e).
    static func maxError(_ call: AggregateCall) -> Double? {
        guard call.arguments.count > 1, case .literal(.double(let e), _) = call.arguments[1] else { return nil }
        return e
    }

    /// Aggregates whose result is the same over the distinct values as over all values.
    static func distinctIsIgnored(_ function: String) -> Bool {
        ["min", "max", "arbitrary", "any_value", "bool_and", "every", "bool_or", "approx_distinct", "approx_set"].contains(function)
    }

    /// Whether partial states of `call` from several workers can be merged (see `HashAggregateOperator.isMergeable`).
    static func isMergeable(_ call: AggregateCall) -> Bool {
        !call.distinct || distinctIsIgnored(call.function) || (call.function == "count" && call.arguments.count == 1)
    }

    static func make(_ call: AggregateCall) throws -> AggregateState {
        if call.distinct {
            // DISTINCT does not change these; count(DISTINCT x) has its own mergeable state.
            if distinctIsIgnored(call.function) {
                return try make(AggregateCall(function: call.function, arguments: call.arguments, distinct: false, type: call.type))
            }
            if call.function == "count" && call.arguments.count == 1 { return CountDistinctAggregate() }
            return DistinctAggregate(inner: try make(AggregateCall(function: call.function, arguments: call.arguments, distinct: false, type: call.type)))
        }
        let argType = call.arguments.first?.type ?? .unknown
        switch call.function {
        case "count_star": return CountAggregate(countNulls: true)
        case "count": return CountAggregate(countNulls: false)
        case "count_if": return CountIfAggregate()
        case "sum":
            if argType.isInteger { return IntegerSumAggregate(average: false) }
            if case .decimal = argType { return DecimalSumAggregate(type: call.type, average: false) }
            return DoubleSumAggregate(average: false, type: call.type)
        case "avg":
            if argType.isInteger { return DoubleSumAggregate(average: true, type: call.type) }
            if case .decimal = argType { return DecimalSumAggregate(type: call.type, average: true) }
            return DoubleSumAggregate(average: true, type: call.type)
        case "min", "max", "arbitrary", "any_value":
            return ExtremeAggregate(type: call.type, wantMax: call.function == "max", first: call.function == "arbitrary" || call.function == "any_value")
        case "approx_distinct":
            if argType == .boolean { return BooleanDistinctAggregate() }
            return try SketchAggregate(kind: .approxDistinct, maxStandardError: maxError(call))
        case "approx_set": return try SketchAggregate(kind: .approxSet, maxStandardError: maxError(call))
        case "merge": return try SketchAggregate(kind: .merge, maxStandardError: nil)
        case "bool_and", "every": return BoolAggregate(isAnd: true)
        case "bool_or": return BoolAggregate(isAnd: false)
        case "$scalar_subquery": return ScalarSubqueryAggregate(type: call.type)
        default:
            throw ExecutionError("Aggregate function '\(call.function)' is not implemented")
        }
    }
}

final class CountAggregate: AggregateState {
    private var counts: [Int64] = []
    private let countNulls: Bool
    init(countNulls: Bool) { self.countNulls = countNulls }
    func update(groups: [Int32], groupCount: Int, arguments: [Vector]) throws {
        if counts.count < groupCount { counts += [Int64](repeating: 0, count: groupCount - counts.count) }
        if countNulls || arguments.isEmpty || !arguments[0].mayHaveNulls {
            counts.withUnsafeMutableBufferPointer { c in for g in groups { c[Int(g)] += 1 } }
        } else {
            let v = arguments[0]
            for (i, g) in groups.enumerated() where v.isValid(i) { counts[Int(g)] += 1 }
        }
    }
    func finish(groupCount: Int) -> Vector {
        if counts.count < groupCount { counts += [Int64](repeating: 0, count: groupCount - counts.count) }
        return Vector(type: .bigint, count: groupCount, storage: .int64(counts))
    }
    func merge(_ other: AggregateState, mapping: [Int32], groupCount: Int) throws {
        guard let o = other as? CountAggregate else { return }
        extend(&counts, to: groupCount, with: 0)
        try AggregateMerge.add(o.counts, into: &counts, mapping: mapping)
    }
}

final class CountIfAggregate: AggregateState {
    private var counts: [Int64] = []
    func update(groups: [Int32], groupCount: Int, arguments: [Vector]) throws {
        if counts.count < groupCount { counts += [Int64](repeating: 0, count: groupCount - counts.count) }
        let v = arguments[0]
        for (i, g) in groups.enumerated() where v.isValid(i) && v.boolValue(at: i) { counts[Int(g)] += 1 }
    }
    func finish(groupCount: Int) -> Vector {
        if counts.count < groupCount { counts += [Int64](repeating: 0, count: groupCount - counts.count) }
        return Vector(type: .bigint, count: groupCount, storage: .int64(counts))
    }
    func merge(_ other: AggregateState, mapping: [Int32], groupCount: Int) throws {
        guard let o = other as? CountIfAggregate else { return }
        extend(&counts, to: groupCount, with: 0)
        try AggregateMerge.add(o.counts, into: &counts, mapping: mapping)
    }
}

/// sum of integers (bigint, overflow is an error).
final class IntegerSumAggregate: AggregateState {
    private var sums: [Int64] = []
    private var seen: [UInt8] = []
    private let average: Bool
    init(average: Bool) { self.average = average }
    func update(groups: [Int32], groupCount: Int, arguments: [Vector]) throws {
        if sums.count < groupCount {
            sums += [Int64](repeating: 0, count: groupCount - sums.count)
            seen += [UInt8](repeating: 0, count: groupCount - seen.count)
        }
        let v = arguments[0].flattened()
        guard let x = v.int64Values() else { throw ExecutionError("internal: sum expects integers") }
        var overflow = false
        x.withUnsafeBufferPointer { x in
            sums.withUnsafeMutableBufferPointer { s in
                seen.withUnsafeMutableBufferPointer { seen in
                    let validity = v.flatValidity
                    for (i, g) in groups.enumerated() {
                        if let validity, !validity[i] { continue }
                        let (r, o) = s[Int(g)].addingReportingOverflow(x[i])
                        if o { overflow = true }
                        s[Int(g)] = r
                        seen[Int(g)] = 1
                    }
                }
            }
        }
        if overflow { throw ExecutionError("bigint overflow in sum") }
    }
    func finish(groupCount: Int) -> Vector {
        var validity = Bitmap(count: groupCount, value: true)
        var anyNull = false
        for g in 0..<groupCount where g >= seen.count || seen[g] == 0 { validity[g] = false; anyNull = true }
        let values = (0..<groupCount).map { $0 < sums.count ? sums[$0] : 0 }
        return Vector(type: .bigint, count: groupCount, storage: .int64(values), validity: anyNull ? validity : nil)
    }
    func merge(_ other: AggregateState, mapping: [Int32], groupCount: Int) throws {
        guard let o = other as? IntegerSumAggregate else { return }
        extend(&sums, to: groupCount, with: 0)
        extend(&seen, to: groupCount, with: 0)
        try AggregateMerge.addSums(o.sums, seen: o.seen, into: &sums, seen: &seen, mapping: mapping)
    }
}

/// sum and avg as doubles (avg of integers is a double in Presto).
final class DoubleSumAggregate: AggregateState {
    private var sums: [Double] = []
    private var counts: [Int64] = []
    private let average: Bool
    private let type: DataType
    init(average: Bool, type: DataType) {
        self.average = average
        self.type = type
    }
    func update(groups: [Int32], groupCount: Int, arguments: [Vector]) throws {
        if sums.count < groupCount {
            sums += [Double](repeating: 0, count: groupCount - sums.count)
            counts += [Int64](repeating: 0, count: groupCount - counts.count)
        }
        if try IntegerSumKernel.add(arguments[0], groups: groups, sums: &sums, counts: &counts) { return }
        let v = arguments[0].flattened()
        let x: [Double]
        if let d = v.doubleValues() { x = d } else if let i = v.int64Values() { x = i.map { Double($0) } } else {
            throw ExecutionError("internal: sum expects numbers")
        }
        let validity = v.flatValidity
        x.withUnsafeBufferPointer { x in
            sums.withUnsafeMutableBufferPointer { s in
                counts.withUnsafeMutableBufferPointer { c in
                    for (i, g) in groups.enumerated() {
                        if let validity, !validity[i] { continue }
                        s[Int(g)] += x[i]
                        c[Int(g)] += 1
                    }
                }
            }
        }
    }
    func finish(groupCount: Int) -> Vector {
        var validity = Bitmap(count: groupCount, value: true)
        var anyNull = false
        var out = [Double](repeating: 0, count: groupCount)
        for g in 0..<groupCount {
            if g >= counts.count || counts[g] == 0 { validity[g] = false; anyNull = true; continue }
            out[g] = average ? sums[g] / Double(counts[g]) : sums[g]
        }
        return .fromDouble(out, type: type, validity: anyNull ? validity : nil)
    }
    func merge(_ other: AggregateState, mapping: [Int32], groupCount: Int) throws {
        guard let o = other as? DoubleSumAggregate else { return }
        extend(&sums, to: groupCount, with: 0)
        extend(&counts, to: groupCount, with: 0)
        try AggregateMerge.add(o.sums, into: &sums, mapping: mapping)
        try AggregateMerge.add(o.counts, into: &counts, mapping: mapping)
    }
}

/// min, max and arbitrary over any comparable type.
final class ExtremeAggregate: AggregateState {
    private var best: [Value] = []
    private let type: DataType
    private let wantMax: Bool
    private let first: Bool
    init(type: DataType, wantMax: Bool, first: Bool) {
        self.type = type
        self.wantMax = wantMax
        self.first = first
    }
    func update(groups: [Int32], groupCount: Int, arguments: [Vector]) throws {
        if best.count < groupCount { best += [Value](repeating: .null, count: groupCount - best.count) }
        let v = arguments[0]
        // Typed fast path for integers and doubles.
        if !first, v.isFlat, let x = v.int64Values(), type.isInteger || type == .date || type == .boolean {
            for (i, g) in groups.enumerated() where v.isValid(i) {
                if case .int(let cur) = best[Int(g)] {
                    if wantMax ? x[i] > cur : x[i] < cur { best[Int(g)] = .int(x[i]) }
                } else { best[Int(g)] = .int(x[i]) }
            }
            return
        }
        // Strings compare as bytes in place; only a new best value is copied out.
        if !first, case .bytes(let column) = v.storage, type.isString {
            column.bytes.withUnsafeBytes { raw in
                for (i, g) in groups.enumerated() where v.isValid(i) {
                    let s = v.storageIndex(i)
                    let start = Int(column.offsets[s]), n = Int(column.offsets[s + 1]) - start
                    let candidate = UnsafeRawBufferPointer(rebasing: raw[start..<start + n])
                    guard case .string(let current) = best[Int(g)] else {
                        best[Int(g)] = .string(String(decoding: candidate, as: UTF8.self))
                        continue
                    }
                    var cur = current
                    let c = cur.withUTF8 { u in
                        Comparison.lexicographic(candidate.baseAddress, n, UnsafeRawPointer(u.baseAddress), u.count)
                    }
                    if wantMax ? c > 0 : c < 0 { best[Int(g)] = .string(String(decoding: candidate, as: UTF8.self)) }
                }
            }
            return
        }
        for (i, g) in groups.enumerated() where v.isValid(i) {
            let cur = best[Int(g)]
            if cur.isNull { best[Int(g)] = v.value(at: i); continue }
            if first { continue }
            let c = ValueOrdering.compare(v.value(at: i), cur)
            if wantMax ? c > 0 : c < 0 { best[Int(g)] = v.value(at: i) }
        }
    }
    func finish(groupCount: Int) -> Vector {
        var b = VectorBuilder(type: type, capacity: groupCount)
        for g in 0..<groupCount { b.append(g < best.count ? best[g] : .null) }
        return b.finish()
    }
    func merge(_ other: AggregateState, mapping: [Int32], groupCount: Int) throws {
        guard let o = other as? ExtremeAggregate else { return }
        extend(&best, to: groupCount, with: .null)
        for (i, g) in mapping.enumerated() where i < o.best.count && !o.best[i].isNull {
            let cur = best[Int(g)]
            if cur.isNull { best[Int(g)] = o.best[i]; continue }
            if first { continue }
            let c = ValueOrdering.compare(o.best[i], cur)
            if wantMax ? c > 0 : c < 0 { best[Int(g)] = o.best[i] }
        }
    }
}

final class BoolAggregate: AggregateState {
    private var state: [Int8] = []  // -1 no value, 0 false, 1 true
    private let isAnd: Bool
    init(isAnd: Bool) { self.isAnd = isAnd }
    func update(groups: [Int32], groupCount: Int, arguments: [Vector]) throws {
        if state.count < groupCount { state += [Int8](repeating: -1, count: groupCount - state.count) }
        let v = arguments[0]
        for (i, g) in groups.enumerated() where v.isValid(i) {
            let b: Int8 = v.boolValue(at: i) ? 1 : 0
            let cur = state[Int(g)]
            state[Int(g)] = cur == -1 ? b : (isAnd ? min(cur, b) : max(cur, b))
        }
    }
    func finish(groupCount: Int) -> Vector {
        var b = VectorBuilder(type: .boolean, capacity: groupCount)
        for g in 0..<groupCount {
            let s = g < state.count ? state[g] : -1
            if s == -1 { b.appendNull() } else { b.append(.boolean(s == 1)) }
        }
        return b.finish()
    }
    func merge(_ other: AggregateState, mapping: [Int32], groupCount: Int) throws {
        guard let o = other as? BoolAggregate else { return }
        extend(&state, to: groupCount, with: -1)
        for (i, g) in mapping.enumerated() where i < o.state.count && o.state[i] != -1 {
            let cur = state[Int(g)], b = o.state[i]
            state[Int(g)] = cur == -1 ? b : (isAnd ? min(cur, b) : max(cur, b))
        }
    }
}

/// f(DISTINCT x): remembers each (group, value) pair in one hash table and feeds each pair's first row to the inner
/// aggregate, so every value counts once per group.
final class DistinctAggregate: AggregateState {
    private let inner: AggregateState
    private var seen = GroupTable()
    private var seenEntries = DictionarySeenEntries()
    init(inner: AggregateState) { self.inner = inner }
    func update(groups: [Int32], groupCount: Int, arguments: [Vector]) throws {
        var groups = groups, arguments = arguments
        var filtered = false
        // One group (no GROUP BY) over a dictionary: rows repeating an entry already passed on are duplicates.
        if groupCount == 1, let rows = try seenEntries.firstRows(arguments[0]) {
            if rows.isEmpty { return }
            if rows.count < groups.count {
                groups = [Int32](repeating: 0, count: rows.count)
                arguments = arguments.map { $0.sliced(rows) }
            }
            filtered = true
        }
        let v = arguments[0]
        // With one group every row is group 0: a constant key lets the table look up small integers without
        // encoding the group per row (same bytes as the flat group column). Rows already filtered to each
        // dictionary entry's first are all new to that dictionary, so the table's entry cache would only add work.
        let groupVector = groupCount == 1 && !filtered
            ? Vector(type: .integer, count: groups.count, storage: .int32([0]), shape: .constant)
            : Vector(type: .integer, count: groups.count, storage: .int32(groups))
        var keep: [Int32] = []
        _ = seen.groups(for: [groupVector, v], count: groups.count) { row in
            if v.isValid(row) { keep.append(Int32(row)) }
        }
        if keep.isEmpty { return }
        let keepGroups = keep.map { groups[Int($0)] }
        try inner.update(groups: keepGroups, groupCount: groupCount, arguments: arguments.map { $0.sliced(keep) })
    }
    func finish(groupCount: Int) -> Vector { inner.finish(groupCount: groupCount) }
    func merge(_ other: AggregateState, mapping: [Int32], groupCount: Int) throws {
        // HashAggregateOperator.isMergeable keeps DISTINCT aggregates on one worker.
        throw ExecutionError("internal: DISTINCT aggregates are not merged")
    }
}
