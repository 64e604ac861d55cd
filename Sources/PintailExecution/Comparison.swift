import PintailCore
#if canImport(Glibc)
import Glibc
#endif

/// = <> < <= > >= over two vectors of the same (coerced) type. A constant right side (the usual `col = 'x'`)
/// is compared without expanding it.
enum Comparison {
    enum Operator: String {
        case eq = "$eq", ne = "$ne", lt = "$lt", le = "$le", gt = "$gt", ge = "$ge"

        @inline(__always) func holds(_ c: Int) -> Bool {
            switch self {
            case .eq: return c == 0
            case .ne: return c != 0
            case .lt: return c < 0
            case .le: return c <= 0
            case .gt: return c > 0
            case .ge: return c >= 0
            }
        }

        /// The operator with its operands swapped (`1 < x` is `x > 1`).
        var flipped: Operator {
            switch self {
            case .eq, .ne: return self
            case .lt: return .gt
            case .le: return .ge
            case .gt: return .lt
            case .ge: return .le
            }
        }
    }

    static func apply(_ op: Operator, _ l: Vector, _ r: Vector) throws -> Vector {
        if r.isConstant, !l.isConstant, let result = ConstantComparison.apply(op, l, r) { return result }
        if l.isConstant, !r.isConstant, let result = ConstantComparison.apply(op.flipped, r, l) { return result }
        let count = l.count
        let a = l.flattened(), b = r.flattened()
        let validity = a.flatValidity.and(b.flatValidity)
        var out = [UInt8](repeating: 0, count: count)
        switch a.storage {
        case .bytes(let x):
            guard let y = b.byteColumn else { throw ExecutionError("internal: varchar operands expected") }
            for i in 0..<count { out[i] = op.holds(compareBytes(x, i, y, i)) ? 1 : 0 }
        case .float64, .float32:
            guard let x = a.doubleValues(), let y = b.doubleValues() else { throw ExecutionError("internal: double operands expected") }
            compareTyped(op, x, y, &out)
        case .int128:
            let x = Arithmetic.unscaled(a), y = Arithmetic.unscaled(b)
            compareTyped(op, x, y, &out)
        case .list, .map, .row:
            for i in 0..<count { out[i] = op.holds(ValueOrdering.compare(a.value(at: i), b.value(at: i))) ? 1 : 0 }
        // Same-width integers (two date columns: `l_commitdate < l_receiptdate`) compare without widening copies.
        case .int32(let x):
            if case .int32(let y) = b.storage { compareTyped(op, x, y, &out); break }
            fallthrough
        case .int64:
            if case .int64(let x) = a.storage, case .int64(let y) = b.storage { compareTyped(op, x, y, &out); break }
            fallthrough
        default:
            guard let x = a.int64Values() else { throw ExecutionError("internal: cannot compare \(a.type)") }
            guard let y = b.int64Values() else { throw ExecutionError("internal: cannot compare \(b.type)") }
            compareTyped(op, x, y, &out)
        }
        return .booleans(out, validity: validity)
    }

    @inline(__always)
    private static func compareTyped<T: Comparable>(_ op: Operator, _ x: [T], _ y: [T], _ out: inout [UInt8]) {
        x.withUnsafeBufferPointer { x in
            y.withUnsafeBufferPointer { y in
                out.withUnsafeMutableBufferPointer { o in
                    switch op {
                    case .eq: for i in 0..<o.count { o[i] = x[i] == y[i] ? 1 : 0 }
                    case .ne: for i in 0..<o.count { o[i] = x[i] != y[i] ? 1 : 0 }
                    case .lt: for i in 0..<o.count { o[i] = x[i] < y[i] ? 1 : 0 }
                    case .le: for i in 0..<o.count { o[i] = x[i] <= y[i] ? 1 : 0 }
                    case .gt: for i in 0..<o.count { o[i] = x[i] > y[i] ? 1 : 0 }
                    case .ge: for i in 0..<o.count { o[i] = x[i] >= y[i] ? 1 : 0 }
                    }
                }
            }
        }
    }

    static func compareBytes(_ x: ByteColumn, _ i: Int, _ y: ByteColumn, _ j: Int) -> Int {
        x.bytes.withUnsafeBytes { xb in
            y.bytes.withUnsafeBytes { yb in
                let xs = Int(x.offsets[i]), xn = Int(x.offsets[i + 1]) - xs
                let ys = Int(y.offsets[j]), yn = Int(y.offsets[j + 1]) - ys
                return lexicographic(xb.baseAddress.map { $0 + xs }, xn, yb.baseAddress.map { $0 + ys }, yn)
            }
        }
    }

    /// Byte-wise comparison, which is code point order for UTF-8 (Presto compares varchar that way).
    @inline(__always)
    static func lexicographic(_ a: UnsafeRawPointer?, _ an: Int, _ b: UnsafeRawPointer?, _ bn: Int) -> Int {
        let n = min(an, bn)
        if n > 0, let a, let b {
            let c = memcmp(a, b, n)
            if c != 0 { return Int(c) }
        }
        return an < bn ? -1 : (an > bn ? 1 : 0)
    }
}

/// Total order on values of one type, for sorting and for comparing nested values. NULL handling is the caller's.
enum ValueOrdering {
    static func compare(_ a: Value, _ b: Value) -> Int {
        switch (a, b) {
        case (.null, .null): return 0
        case (.null, _): return 1
        case (_, .null): return -1
        case (.boolean(let x), .boolean(let y)): return x == y ? 0 : (x ? 1 : -1)
        case (.int(let x), .int(let y)): return x < y ? -1 : (x > y ? 1 : 0)
        case (.decimal(let x), .decimal(let y)): return x < y ? -1 : (x > y ? 1 : 0)
        case (.double(let x), .double(let y)): return x < y ? -1 : (x > y ? 1 : (x == y ? 0 : (x.isNaN ? (y.isNaN ? 0 : 1) : -1)))
        case (.string(let x), .string(let y)):
            return Array(x.utf8).lexicographicallyPrecedes(Array(y.utf8)) ? -1 : (x == y ? 0 : 1)
        case (.bytes(let x), .bytes(let y)): return x.lexicographicallyPrecedes(y) ? -1 : (x == y ? 0 : 1)
        case (.array(let x), .array(let y)), (.row(let x), .row(let y)):
            for (p, q) in zip(x, y) {
                let c = compare(p, q)
                if c != 0 { return c }
            }
            return x.count < y.count ? -1 : (x.count > y.count ? 1 : 0)
        default: return 0
        }
    }
}
