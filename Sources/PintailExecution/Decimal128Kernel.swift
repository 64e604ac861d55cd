import PintailCore

/// Decimal + - * with an Int128 result (precision 19-38) over operands stored as Int64 or Int128 (flat or
/// constant), in one typed loop per storage pair: TPC-H Q1's `l_extendedprice * (1 - l_discount) * (1 + l_tax)`
/// multiplies an Int128 product by an Int64 column 6M times. The general path first copies both operands into
/// Int128 arrays and checks validity per row. Any overflow (possible in NULL rows, whose values are arbitrary)
/// returns nil, and the caller redoes the batch on that path with its exact errors.
enum Decimal128Kernel {
    static func apply(_ op: Arithmetic.Operator, _ a: Vector, _ b: Vector, leftType: DataType, rightType: DataType,
                      resultType: DataType, validity: Bitmap?) -> Vector? {
        guard op == .add || op == .subtract || op == .multiply,
              case .decimal(let precision, let sr) = resultType, precision > 18, precision <= 38 else { return nil }
        let n = a.count
        guard n > 0 else { return nil }
        let sa = Arithmetic.scale(of: leftType), sb = Arithmetic.scale(of: rightType)
        let factors = (a: Arithmetic.pow10(sr - sa), b: Arithmetic.pow10(sr - sb))
        let shape = Shape(op: op, n: n, xStep: a.isConstant ? 0 : 1, yStep: b.isConstant ? 0 : 1, factors: factors,
                          limit: Arithmetic.pow10(precision))
        let out: [Int128]?
        switch (a.storage, b.storage) {
        case (.int64(let x), .int64(let y)): out = run(x, y, shape)
        case (.int128(let x), .int64(let y)): out = run(x, y, shape)
        case (.int64(let x), .int128(let y)): out = run(x, y, shape)
        case (.int128(let x), .int128(let y)): out = run(x, y, shape)
        default: return nil
        }
        guard let out else { return nil }
        return Vector(type: resultType, count: n, storage: .int128(out), validity: validity)
    }

    private struct Shape {
        var op: Arithmetic.Operator
        var n: Int
        var xStep: Int
        var yStep: Int
        /// Rescaling factors of the operands for + and -.
        var factors: (a: Int128, b: Int128)
        var limit: Int128
    }

    private static func run<X: FixedWidthInteger, Y: FixedWidthInteger>(_ x: [X], _ y: [Y], _ s: Shape) -> [Int128]? {
        guard x.count >= (s.xStep == 0 ? 1 : s.n), y.count >= (s.yStep == 0 ? 1 : s.n) else { return nil }
        let n = s.n, xStep = s.xStep, yStep = s.yStep, limit = s.limit
        var overflow = false
        let out = x.withUnsafeBufferPointer { x in
            y.withUnsafeBufferPointer { y in
                [Int128](unsafeUninitializedCapacity: n) { o, done in
                    if s.op == .multiply {
                        for i in 0..<n {
                            let (v, o1) = Int128(x[i * xStep]).multipliedReportingOverflow(by: Int128(y[i * yStep]))
                            overflow = overflow || o1 || v >= limit || v <= -limit
                            o[i] = v
                        }
                    } else {
                        let fa = s.factors.a, fb = s.op == .add ? s.factors.b : -s.factors.b
                        for i in 0..<n {
                            let (p, o1) = Int128(x[i * xStep]).multipliedReportingOverflow(by: fa)
                            let (q, o2) = Int128(y[i * yStep]).multipliedReportingOverflow(by: fb)
                            let (v, o3) = p.addingReportingOverflow(q)
                            overflow = overflow || o1 || o2 || o3 || v >= limit || v <= -limit
                            o[i] = v
                        }
                    }
                    done = n
                }
            }
        }
        return overflow ? nil : out
    }
}
