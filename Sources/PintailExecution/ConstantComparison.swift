import PintailCore
#if canImport(Glibc)
import Glibc
#endif

/// `column op constant` straight over the column's storage in its own width: no widening copy of int32 dates, no
/// gather of a dictionary-shaped (Parquet dictionary or filtered) column, and string columns compared once per
/// dictionary entry when that is cheaper.
enum ConstantComparison {
    /// nil when the storage kinds have no fast path here (the caller flattens and compares row by row).
    static func apply(_ op: Comparison.Operator, _ column: Vector, _ constant: Vector) -> Vector? {
        let n = column.count
        if let valid = constant.validity, !valid.isSet(0) {
            return .booleans([UInt8](repeating: 0, count: n), validity: Bitmap(count: n, value: false))
        }
        let bits: [UInt8]
        switch (column.storage, constant.storage) {
        case (.bytes(let x), .bytes(let y)):
            let c = y.value(at: 0)
            bits = x.bytes.withUnsafeBytes { bytes in
                x.offsets.withUnsafeBufferPointer { offsets in
                    c.withUnsafeBytes { cb in
                        StorageMatch.rows(column) { e in
                            let s = Int(offsets[e]), len = Int(offsets[e + 1]) - s
                            if op == .eq || op == .ne {
                                let equal = len == cb.count && (len == 0 || memcmp(bytes.baseAddress! + s, cb.baseAddress!, len) == 0)
                                return equal == (op == .eq) ? 1 : 0
                            }
                            let order = Comparison.lexicographic(bytes.baseAddress.map { $0 + s }, len, cb.baseAddress, cb.count)
                            return op.holds(order) ? 1 : 0
                        }
                    }
                }
            }
        case (.float64(let x), _):
            guard let c = constant.doubleValues()?.first else { return nil }
            bits = typed(op, column, x, c)
        case (.float32(let x), _):
            guard let c = constant.doubleValues()?.first else { return nil }
            bits = x.withUnsafeBufferPointer { x in StorageMatch.rows(column) { holds(op, Double(x[$0]), c) } }
        case (.int64(let x), _):
            guard let c = integer(constant) else { return nil }
            bits = typed(op, column, x, c)
        case (.int32(let x), _):
            guard let c = integer(constant) else { return nil }
            // A constant outside int32 compares as it would widened.
            guard let narrow = Int32(exactly: c) else { return widened(op, column, c) }
            bits = typed(op, column, x, narrow)
        case (.int16, _), (.int8, _):
            guard let c = integer(constant) else { return nil }
            return widened(op, column, c)
        default:
            return nil
        }
        return .booleans(bits, validity: column.flatValidity)
    }

    private static func integer(_ v: Vector) -> Int64? {
        switch v.storage {
        case .int64(let a): return a.first
        case .int32(let a): return a.first.map(Int64.init)
        case .int16(let a): return a.first.map(Int64.init)
        case .int8(let a): return a.first.map(Int64.init)
        default: return nil
        }
    }

    private static func widened(_ op: Comparison.Operator, _ column: Vector, _ c: Int64) -> Vector? {
        let bits: [UInt8]
        switch column.storage {
        case .int32(let x): bits = x.withUnsafeBufferPointer { x in StorageMatch.rows(column) { holds(op, Int64(x[$0]), c) } }
        case .int16(let x): bits = x.withUnsafeBufferPointer { x in StorageMatch.rows(column) { holds(op, Int64(x[$0]), c) } }
        case .int8(let x): bits = x.withUnsafeBufferPointer { x in StorageMatch.rows(column) { holds(op, Int64(x[$0]), c) } }
        default: return nil
        }
        return .booleans(bits, validity: column.flatValidity)
    }

    /// One specialised loop per operator over a flat column (the common case after a scan); other shapes go
    /// through the storage map.
    private static func typed<T: Comparable>(_ op: Comparison.Operator, _ column: Vector, _ x: [T], _ c: T) -> [UInt8] {
        x.withUnsafeBufferPointer { x in
            guard column.isFlat else { return StorageMatch.rows(column) { holds(op, x[$0], c) } }
            return [UInt8](unsafeUninitializedCapacity: x.count) { o, done in
                switch op {
                case .eq: for i in 0..<x.count { o[i] = x[i] == c ? 1 : 0 }
                case .ne: for i in 0..<x.count { o[i] = x[i] != c ? 1 : 0 }
                case .lt: for i in 0..<x.count { o[i] = x[i] < c ? 1 : 0 }
                case .le: for i in 0..<x.count { o[i] = x[i] <= c ? 1 : 0 }
                case .gt: for i in 0..<x.count { o[i] = x[i] > c ? 1 : 0 }
                case .ge: for i in 0..<x.count { o[i] = x[i] >= c ? 1 : 0 }
                }
                done = x.count
            }
        }
    }

    @inline(__always)
    private static func holds<T: Comparable>(_ op: Comparison.Operator, _ a: T, _ b: T) -> UInt8 {
        switch op {
        case .eq: return a == b ? 1 : 0
        case .ne: return a != b ? 1 : 0
        case .lt: return a < b ? 1 : 0
        case .le: return a <= b ? 1 : 0
        case .gt: return a > b ? 1 : 0
        case .ge: return a >= b ? 1 : 0
        }
    }
}
