import PintailCore

/// Decimal + - * over operands of precision <= 18 (Int64 storage, flat or constant) in 64-bit arithmetic, when the
/// result also has Int64 storage (precision <= 18; wider results are `Decimal128Kernel`'s). Any overflow of Int64
/// returns nil, and the caller redoes the batch in Int128 with its exact overflow errors.
enum Decimal64Kernel {
    static func apply(_ op: Arithmetic.Operator, _ a: Vector, _ b: Vector, leftType: DataType, rightType: DataType,
                      resultType: DataType, validity: Bitmap?) -> Vector? {
        guard op == .add || op == .subtract || op == .multiply,
              case .decimal(let precision, let sr) = resultType, precision <= 18,
              case .int64(let x) = a.storage, case .int64(let y) = b.storage else { return nil }
        let n = a.count
        let xStep = a.isConstant ? 0 : 1, yStep = b.isConstant ? 0 : 1
        guard n > 0, x.count >= (xStep == 0 ? 1 : n), y.count >= (yStep == 0 ? 1 : n) else { return nil }
        let sa = Arithmetic.scale(of: leftType), sb = Arithmetic.scale(of: rightType)
        // Rescaling factors for + and - (the result's scale is the larger one).
        guard let fa = Int64(exactly: Arithmetic.pow10(sr - sa)), let fb = Int64(exactly: Arithmetic.pow10(sr - sb)) else { return nil }
        let limit = Int64(Arithmetic.pow10(precision))
        var failed = false
        // Overflow flags are OR-ed without branches; v lies in (-limit, limit) exactly when v + limit - 1 (wrapping)
        // is below 2 * limit - 1 as an unsigned number.
        let shift = limit &- 1, span = UInt64(bitPattern: 2 &* limit &- 1)
        let out = x.withUnsafeBufferPointer { x in
            y.withUnsafeBufferPointer { y in
                [Int64](unsafeUninitializedCapacity: n) { o, done in
                    var overflow: UInt8 = 0
                    switch op {
                    case .multiply:
                        for i in 0..<n {
                            let (v, o1) = x[i * xStep].multipliedReportingOverflow(by: y[i * yStep])
                            overflow |= Arithmetic.flag(o1) | Arithmetic.flag(UInt64(bitPattern: v &+ shift) >= span)
                            o[i] = v
                        }
                    default:
                        let sign: Int64 = op == .add ? 1 : -1
                        let fy = fb &* sign
                        if xStep == 0 && (fy == 1 || fy == -1) {
                            // A constant plus or minus a column of its scale or finer: `1 - l_discount`.
                            let (p, o1) = x[0].multipliedReportingOverflow(by: fa)
                            overflow = Arithmetic.flag(o1)
                            for i in 0..<n {
                                let (v, o2) = fy == 1 ? p.addingReportingOverflow(y[i])
                                    : p.subtractingReportingOverflow(y[i])
                                overflow |= Arithmetic.flag(o2)
                                    | Arithmetic.flag(UInt64(bitPattern: v &+ shift) >= span)
                                o[i] = v
                            }
                            break
                        }
                        for i in 0..<n {
                            let (p, o1) = x[i * xStep].multipliedReportingOverflow(by: fa)
                            let (q, o2) = y[i * yStep].multipliedReportingOverflow(by: fy)
                            let (v, o3) = p.addingReportingOverflow(q)
                            overflow |= Arithmetic.flag(o1) | Arithmetic.flag(o2) | Arithmetic.flag(o3)
                                | Arithmetic.flag(UInt64(bitPattern: v &+ shift) >= span)
                            o[i] = v
                        }
                    }
                    done = n
                    failed = overflow != 0
                }
            }
        }
        // NULL rows computed garbage that may have overflowed; let the exact path decide.
        if failed { return nil }
        return Vector(type: resultType, count: n, storage: .int64(out), validity: validity)
    }
}
