import Foundation
import PintailCore
import PintailPlanner

/// The cut-off of an ORDER BY ... LIMIT n: the key values of the worst row kept so far. A new row can only enter
/// the top n when it sorts strictly before that row (ties go to the earlier row).
///
/// Rows are tested one key column at a time over typed buffers: the first key decides most rows, and only the rows
/// that tie on it are gathered and compared on the next key (so a string tie-breaker is rarely touched).
struct TopNBound {
    private let keys: [SortKey]
    private let bound: [BoundValue]

    /// `worst` holds one row per key (the worst row kept).
    init(keys: [SortKey], worst: [Vector]) {
        self.keys = keys
        bound = worst.map { BoundValue($0.flattened()) }
    }

    /// For each row of the leading key's column: negative when it sorts before the bound's leading key, 0 on a tie,
    /// positive after.
    func compareLeading(_ column: Vector) -> [Int8] { bound[0].compare(column.flattened(), key: keys[0]) }

    /// The rows of a batch (given its key columns) that sort strictly before the bound, in row order.
    func survivors(_ batchKeys: [Vector], count: Int) -> [Int32] {
        var better = [Bool](repeating: false, count: count)
        var undecided = (0..<Int32(count)).map { $0 }
        for k in keys.indices where !undecided.isEmpty {
            let column = undecided.count == count ? batchKeys[k] : batchKeys[k].sliced(undecided)
            let results = bound[k].compare(column.flattened(), key: keys[k])
            var tied: [Int32] = []
            for (j, r) in results.enumerated() {
                if r < 0 { better[Int(undecided[j])] = true } else if r == 0 { tied.append(undecided[j]) }
            }
            undecided = tied
        }
        var keep: [Int32] = []
        for i in 0..<count where better[i] { keep.append(Int32(i)) }
        return keep
    }
}

/// One key value of the bound, in the typed form the batch's column is compared in.
private struct BoundValue {
    enum Kind {
        case null
        case integer(Int64)
        case double(Double)
        case bytes([UInt8])
        case other
    }
    let kind: Kind
    /// The bound as a one-row flat vector, for key kinds without a typed path.
    let row: Vector

    init(_ v: Vector) {
        row = v
        if v.count == 0 || !v.isValid(0) { kind = .null; return }
        if case .int128 = v.storage { kind = .other; return }
        if let x = v.int64Values() { kind = .integer(x[0]); return }
        if let x = v.doubleValues() { kind = .double(x[0]); return }
        if let b = v.byteColumn { kind = .bytes(Array(b.bytes[Int(b.offsets[0])..<Int(b.offsets[1])])); return }
        kind = .other
    }

    /// For each row of the flat `column`: negative when it sorts before the bound, 0 on a tie, positive after,
    /// with the key's direction and NULL placement (the same order as `RowComparator`).
    func compare(_ column: Vector, key: SortKey) -> [Int8] {
        let n = column.count
        var out = [Int8](repeating: 0, count: n)
        let sign: Int8 = key.ascending ? 1 : -1
        // NULL rows: before everything when NULLS FIRST, after otherwise; tie with a NULL bound.
        let nullRow: Int8 = key.nullsFirst ? -1 : 1
        if case .null = kind {
            for i in 0..<n { out[i] = column.isValid(i) ? -nullRow : 0 }
            return out
        }
        out.withUnsafeMutableBufferPointer { o in
            switch kind {
            case .integer(let b):
                if case .int32(let x) = column.storage {
                    // INTEGER keys compare in place, without widening the column.
                    x.withUnsafeBufferPointer { x in
                        for i in 0..<n { let v = Int64(x[i]); o[i] = v < b ? -sign : (v > b ? sign : 0) }
                    }
                    break
                }
                guard let x = column.int64Values() else { return boxed(column, sign: sign, into: o) }
                x.withUnsafeBufferPointer { x in
                    for i in 0..<n { o[i] = x[i] < b ? -sign : (x[i] > b ? sign : 0) }
                }
            case .double(let b):
                guard let x = column.doubleValues() else { return boxed(column, sign: sign, into: o) }
                x.withUnsafeBufferPointer { x in
                    for i in 0..<n {
                        let a = x[i]
                        let c: Int8 = a < b ? -1 : (a > b ? 1 : (a == b ? 0 : (a.isNaN ? (b.isNaN ? 0 : 1) : -1)))
                        o[i] = c * sign
                    }
                }
            case .bytes(let b):
                guard let col = column.byteColumn else { return boxed(column, sign: sign, into: o) }
                col.offsets.withUnsafeBufferPointer { off in
                    col.bytes.withUnsafeBytes { raw in
                        b.withUnsafeBytes { bb in
                            for i in 0..<n {
                                let s = Int(off[i]), len = Int(off[i + 1]) - s
                                let c = Comparison.lexicographic(raw.baseAddress.map { $0 + s }, len, bb.baseAddress, bb.count)
                                o[i] = Int8(c.signum()) * sign
                            }
                        }
                    }
                }
            case .other, .null:
                boxed(column, sign: sign, into: o)
            }
            if let validity = column.validity {
                for i in 0..<n where !validity.isSet(i) { o[i] = nullRow }
            }
        }
        return out
    }

    /// Compares through boxed values, for key kinds without a typed path.
    private func boxed(_ column: Vector, sign: Int8, into o: UnsafeMutableBufferPointer<Int8>) {
        let value = row.value(at: 0)
        for i in 0..<column.count where column.isValid(i) {
            o[i] = Int8(ValueOrdering.compare(column.value(at: i), value).signum()) * sign
        }
    }
}
