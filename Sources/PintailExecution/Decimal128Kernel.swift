import PintailCore

/// Decimal + - * whose result needs Int128 storage (precision 19 to 38), over Int64 or Int128 operands, flat or
/// constant, without widening copies of the operands. TPC-H's `l_extendedprice * (1 - l_discount) * (1 + l_tax)`
/// (Q1) multiplies a decimal(31,4) by a decimal(16,2) on every row.
///
/// Rows whose operands fit in 64 bits cannot overflow Int128 (a product of two is below 2^126, and the rescaling
/// factors of + and - are below 2^60): the kernel computes them with one full-width multiply and checks the result
/// against the type's limit. Any other row, or a result past the limit, returns nil, and the caller redoes the batch
/// on its exact path, which raises the overflow error (or skips the NULL row whose garbage caused it).
enum Decimal128Kernel {
    static func apply(_ op: Arithmetic.Operator, _ a: Vector, _ b: Vector, leftType: DataType, rightType: DataType,
                      resultType: DataType, validity: Bitmap?) -> Vector? {
        guard op == .add || op == .subtract || op == .multiply,
              case .decimal(let precision, let sr) = resultType, precision > 18 else { return nil }
        let sa = Arithmetic.scale(of: leftType), sb = Arithmetic.scale(of: rightType)
        var fa: Int64 = 1, fb: Int64 = 1
        if op != .multiply {
            guard sr >= sa, sr >= sb, sr - sa <= 18, sr - sb <= 18 else { return nil }
            fa = Int64(Arithmetic.pow10(sr - sa))
            fb = Int64(Arithmetic.pow10(sr - sb))
            if op == .subtract { fb = -fb }
        }
        let plan = Plan(multiply: op == .multiply, fa: fa, fb: fb, limit: Arithmetic.pow10(precision))
        switch (a.storage, b.storage) {
        case (.int64(let x), .int64(let y)): return run(plan, a, x, b, y, resultType, validity)
        case (.int128(let x), .int64(let y)): return run(plan, a, x, b, y, resultType, validity)
        case (.int64(let x), .int128(let y)): return run(plan, a, x, b, y, resultType, validity)
        case (.int128(let x), .int128(let y)): return run(plan, a, x, b, y, resultType, validity)
        default: return nil
        }
    }

    private struct Plan {
        var multiply: Bool
        /// Rescaling factors of + and - (the right one negated for -).
        var fa: Int64
        var fb: Int64
        /// 10^precision: results must lie strictly between -limit and limit.
        var limit: Int128
    }

    private static func run<X: FixedWidthInteger & SignedInteger, Y: FixedWidthInteger & SignedInteger>(
        _ plan: Plan, _ a: Vector, _ x: [X], _ b: Vector, _ y: [Y], _ resultType: DataType, _ validity: Bitmap?
    ) -> Vector? {
        let n = a.count
        let xStep = a.isConstant ? 0 : 1, yStep = b.isConstant ? 0 : 1
        if case .dictionary = a.shape { return nil }
        if case .dictionary = b.shape { return nil }
        guard n > 0, x.count >= (xStep == 0 ? 1 : n), y.count >= (yStep == 0 ? 1 : n) else { return nil }
        var failed = false
        // Flags are OR-ed without branches; v lies in (-limit, limit) exactly when v + limit - 1 (wrapping) is below
        // 2 * limit - 1 as an unsigned number.
        let shift = plan.limit &- 1, span = UInt128(bitPattern: 2 &* plan.limit &- 1)
        let out = x.withUnsafeBufferPointer { x in
            y.withUnsafeBufferPointer { y in
                [Int128](unsafeUninitializedCapacity: n) { o, done in
                    var bad: UInt8 = 0
                    if plan.multiply {
                        for i in 0..<n {
                            let p = x[i * xStep], q = y[i * yStep]
                            let v = Self.wide(Int64(truncatingIfNeeded: p), Int64(truncatingIfNeeded: q))
                            bad |= Self.outside64(p) | Self.outside64(q)
                                | Arithmetic.flag(UInt128(bitPattern: v &+ shift) >= span)
                            o[i] = v
                        }
                    } else {
                        for i in 0..<n {
                            let p = x[i * xStep], q = y[i * yStep]
                            let v = Self.wide(Int64(truncatingIfNeeded: p), plan.fa)
                                &+ Self.wide(Int64(truncatingIfNeeded: q), plan.fb)
                            bad |= Self.outside64(p) | Self.outside64(q)
                                | Arithmetic.flag(UInt128(bitPattern: v &+ shift) >= span)
                            o[i] = v
                        }
                    }
                    done = n
                    failed = bad != 0
                }
            }
        }
        if failed { return nil }
        return Vector(type: resultType, count: n, storage: .int128(out), validity: validity)
    }

    /// The exact 128-bit product of two 64-bit integers (one multiply instruction).
    @inline(__always)
    private static func wide(_ p: Int64, _ q: Int64) -> Int128 {
        let product = p.multipliedFullWidth(by: q)
        return Int128(product.high) << 64 | Int128(product.low)
    }

    /// 1 when `v` does not fit in 64 bits (always 0 for 64-bit types).
    @inline(__always)
    private static func outside64<T: FixedWidthInteger & SignedInteger>(_ v: T) -> UInt8 {
        T.bitWidth <= 64 ? 0 : Arithmetic.flag(Int64(truncatingIfNeeded: v) != v)
    }
}
