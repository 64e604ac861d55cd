import PintailCore

/// + - * / % over numeric vectors with Presto's semantics: integer overflow and division by zero are errors,
/// integer division truncates, decimals keep exact scale.
enum Arithmetic {
    enum Operator: String {
        case add = "$add", subtract = "$subtract", multiply = "$multiply", divide = "$divide", modulo = "$modulo"
        var symbol: String { ["$add": "+", "$subtract": "-", "$multiply": "*", "$divide": "/", "$modulo": "%"][rawValue]! }
    }

    static func apply(_ op: Operator, _ l: Vector, _ r: Vector, leftType: DataType, rightType: DataType,
                      resultType: DataType) throws -> Vector {
        let count = l.count
        if case .decimal = resultType {
            // Constants stay one value wide for the 64-bit kernel.
            let a = l.isConstant ? l : l.flattened(), b = r.isConstant ? r : r.flattened()
            let validity = a.flatValidity.and(b.flatValidity)
            if let fast = Decimal64Kernel.apply(op, a, b, leftType: leftType, rightType: rightType, resultType: resultType,
                                                validity: validity) {
                return fast
            }
            if let fast = Decimal128Kernel.apply(op, a, b, leftType: leftType, rightType: rightType,
                                                 resultType: resultType, validity: validity) {
                return fast
            }
            return try decimal(op, a.flattened(), b.flattened(), leftType: leftType, rightType: rightType, resultType: resultType,
                               validity: validity)
        }
        let a = l.flattened(), b = r.flattened()
        let validity = a.flatValidity.and(b.flatValidity)
        if resultType == .double || resultType == .real {
            guard let x = a.doubleValues(), let y = b.doubleValues() else { throw ExecutionError("internal: double operands expected") }
            var out = [Double](repeating: 0, count: count)
            x.withUnsafeBufferPointer { x in
                y.withUnsafeBufferPointer { y in
                    switch op {
                    case .add: for i in 0..<count { out[i] = x[i] + y[i] }
                    case .subtract: for i in 0..<count { out[i] = x[i] - y[i] }
                    case .multiply: for i in 0..<count { out[i] = x[i] * y[i] }
                    case .divide: for i in 0..<count { out[i] = x[i] / y[i] }
                    case .modulo: for i in 0..<count { out[i] = x[i].truncatingRemainder(dividingBy: y[i]) }
                    }
                }
            }
            return .fromDouble(out, type: resultType, validity: validity)
        }
        guard let x = a.int64Values(), let y = b.int64Values() else { throw ExecutionError("internal: integer operands expected") }
        let (lo, hi) = range(of: resultType)
        var out = [Int64](repeating: 0, count: count)
        var failure: (Int64, Int64)? = nil
        var divideByZero = false
        x.withUnsafeBufferPointer { x in
            y.withUnsafeBufferPointer { y in
                for i in 0..<count {
                    if let validity, !validity[i] { continue }
                    let (v, overflow): (Int64, Bool)
                    switch op {
                    case .add: (v, overflow) = x[i].addingReportingOverflow(y[i])
                    case .subtract: (v, overflow) = x[i].subtractingReportingOverflow(y[i])
                    case .multiply: (v, overflow) = x[i].multipliedReportingOverflow(by: y[i])
                    case .divide, .modulo:
                        if y[i] == 0 { divideByZero = true; return }
                        (v, overflow) = op == .divide ? x[i].dividedReportingOverflow(by: y[i])
                            : x[i].remainderReportingOverflow(dividingBy: y[i])
                    }
                    if overflow || v < lo || v > hi { failure = (x[i], y[i]); return }
                    out[i] = v
                }
            }
        }
        if divideByZero { throw ExecutionError("Division by zero") }
        if let (p, q) = failure { throw ExecutionError("\(resultType) overflow: \(p) \(op.symbol) \(q)") }
        return .fromInt64(out, type: resultType, validity: validity)
    }

    static func range(of t: DataType) -> (Int64, Int64) {
        switch t {
        case .tinyint: return (Int64(Int8.min), Int64(Int8.max))
        case .smallint: return (Int64(Int16.min), Int64(Int16.max))
        case .integer: return (Int64(Int32.min), Int64(Int32.max))
        default: return (Int64.min, Int64.max)
        }
    }

    static func negate(_ v: Vector) throws -> Vector {
        let f = v.flattened()
        if let d = f.doubleValues() { return .fromDouble(d.map { -$0 }, type: f.type, validity: f.flatValidity) }
        if case .int128(let a) = f.storage { return Vector(type: f.type, count: f.count, storage: .int128(a.map { -$0 }), validity: f.flatValidity) }
        guard let x = f.int64Values() else { throw ExecutionError("internal: cannot negate \(f.type)") }
        let (lo, _) = range(of: f.type)
        if x.contains(where: { $0 == lo }) { throw ExecutionError("\(f.type) overflow: -(\(lo))") }
        return .fromInt64(x.map { -$0 }, type: f.type, validity: f.flatValidity)
    }

    // MARK: decimals

    static func unscaled(_ v: Vector) -> [Int128] {
        switch v.storage {
        case .int128(let a): return a
        case .int64(let a): return a.map { Int128($0) }
        case .int32(let a): return a.map { Int128($0) }
        case .int16(let a): return a.map { Int128($0) }
        case .int8(let a): return a.map { Int128($0) }
        default: return [Int128](repeating: 0, count: v.count)
        }
    }

    /// 1 when `condition` holds: the decimal kernels OR overflow flags together without branches.
    @inline(__always)
    static func flag(_ condition: Bool) -> UInt8 { condition ? 1 : 0 }

    static func scale(of t: DataType) -> Int { if case .decimal(_, let s) = t { return s } else { return 0 } }

    /// 10^n (1 for n <= 0); casts and kernels call it per value, so the 39 decimal powers come from a table.
    static func pow10(_ n: Int) -> Int128 {
        if n <= 0 { return 1 }
        if n < powersOf10.count { return powersOf10[n] }
        var v: Int128 = 1
        for _ in 0..<n { v &*= 10 }
        return v
    }

    private static let powersOf10: [Int128] = {
        var table: [Int128] = [1]
        for _ in 1...38 { table.append(table[table.count - 1] * 10) }
        return table
    }()

    /// Rounds `n / d` half away from zero, as Presto's decimal division does.
    static func divideRounded(_ n: Int128, _ d: Int128) -> Int128 {
        let q = n / d, r = n % d
        // 2|r| >= |d|, written so that no doubling can overflow.
        let absR = r < 0 ? -r : r, absD = d < 0 ? -d : d
        if absR >= absD - absR { return q + ((n < 0) != (d < 0) ? -1 : 1) }
        return q
    }

    private static func decimal(_ op: Operator, _ a: Vector, _ b: Vector, leftType: DataType, rightType: DataType,
                                resultType: DataType, validity: Bitmap?) throws -> Vector {
        let x = unscaled(a), y = unscaled(b)
        let sa = scale(of: leftType), sb = scale(of: rightType), sr = scale(of: resultType)
        guard case .decimal(let precision, _) = resultType else { throw ExecutionError("internal: decimal expected") }
        let limit = pow10(precision)
        // The rescaling factors are the same for every row.
        let fa = pow10(sr - sa), fb = pow10(sr - sb), fd = pow10(sr - sa + sb)
        var out = [Int128](repeating: 0, count: x.count)
        for i in 0..<x.count {
            if let validity, !validity[i] { continue }
            // Products past Int128 are overflows too (a 38-digit value times another), not traps.
            func times(_ p: Int128, _ q: Int128) throws -> Int128 {
                let (v, overflow) = p.multipliedReportingOverflow(by: q)
                if overflow { throw ExecutionError("Decimal overflow") }
                return v
            }
            var v: Int128
            switch op {
            case .add, .subtract:
                let p = try times(x[i], fa), q = try times(y[i], fb)
                let (sum, overflow) = op == .add ? p.addingReportingOverflow(q) : p.subtractingReportingOverflow(q)
                if overflow { throw ExecutionError("Decimal overflow") }
                v = sum
            case .multiply:
                v = try times(x[i], y[i])
            case .divide:
                guard y[i] != 0 else { throw ExecutionError("Division by zero") }
                v = divideRounded(try times(x[i], fd), y[i])
            case .modulo:
                guard y[i] != 0 else { throw ExecutionError("Division by zero") }
                let p = try times(x[i], fa), q = try times(y[i], fb)
                v = p % q
            }
            guard v < limit && v > -limit else { throw ExecutionError("Decimal overflow") }
            out[i] = v
        }
        let storage: ColumnStorage = precision <= 18 ? .int64(out.map { Int64($0) }) : .int128(out)
        return Vector(type: resultType, count: out.count, storage: storage, validity: validity)
    }
}
