import PintailCore

/// Decimal + - * over operands of precision <= 18 (Int64 storage, flat or constant) in 64-bit arithmetic:
/// TPC-H's `l_extendedprice * (1 - l_discount)` and `l_extendedprice * l_discount` stay in Int64 and only the
/// result is widened when its type needs Int128 storage. Any overflow of Int64 (possible only for very large
/// values) returns nil, and the caller redoes the batch in Int128 with its exact overflow errors.
enum Decimal64Kernel {
    static func apply(_ op: Arithmetic.Operator, _ a: Vector, _ b: Vector, leftType: DataType, rightType: DataType,
                      resultType: DataType, validity: Bitmap?) -> Vector? {
        guard op == .add || op == .subtract || op == .multiply,
              case .decimal(let precision, let sr) = resultType,
              case .int64(let x) = a.storage, case .int64(let y) = b.storage else { return nil }
        let n = a.count
        let xStep = a.isConstant ? 0 : 1, yStep = b.isConstant ? 0 : 1
        guard n > 0, x.count >= (xStep == 0 ? 1 : n), y.count >= (yStep == 0 ? 1 : n) else { return nil }
        let sa = Arithmetic.scale(of: leftType), sb = Arithmetic.scale(of: rightType)
        // Rescaling factors for + and - (the result's scale is the larger one).
        guard let fa = Int64(exactly: Arithmetic.pow10(sr - sa)), let fb = Int64(exactly: Arithmetic.pow10(sr - sb)) else { return nil }
        // Results of precision 19+ cannot exceed their limit from Int64 values; smaller ones are checked.
        let limit: Int64 = precision <= 18 ? Int64(Arithmetic.pow10(precision)) : Int64.max
        var failed = false
        let out = x.withUnsafeBufferPointer { x in
            y.withUnsafeBufferPointer { y in
                [Int64](unsafeUninitializedCapacity: n) { o, done in
                    var overflow = false
                    switch op {
                    case .multiply:
                        for i in 0..<n {
                            let (v, o1) = x[i * xStep].multipliedReportingOverflow(by: y[i * yStep])
                            overflow = overflow || o1 || v >= limit || v <= -limit
                            o[i] = v
                        }
                    default:
                        let sign: Int64 = op == .add ? 1 : -1
                        for i in 0..<n {
                            let (p, o1) = x[i * xStep].multipliedReportingOverflow(by: fa)
                            let (q, o2) = y[i * yStep].multipliedReportingOverflow(by: fb &* sign)
                            let (v, o3) = p.addingReportingOverflow(q)
                            overflow = overflow || o1 || o2 || o3 || v >= limit || v <= -limit
                            o[i] = v
                        }
                    }
                    done = n
                    failed = overflow
                }
            }
        }
        // NULL rows computed garbage that may have overflowed; let the exact path decide.
        if failed { return nil }
        let storage: ColumnStorage = precision <= 18 ? .int64(out) : .int128(out.map { Int128($0) })
        return Vector(type: resultType, count: n, storage: storage, validity: validity)
    }
}
