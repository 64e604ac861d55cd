import PintailCore

/// Typed loops for the casts that decimal arithmetic and comparisons insert everywhere (integer to decimal,
/// decimal to a wider decimal, decimal to double), in place of the per-value `ValueCast` path. They follow
/// `ValueCast`'s rules exactly (rounding half away from zero when the scale shrinks); a value out of range makes
/// them return nil so that the per-value path raises its error naming the value (or, for TRY_CAST, gives NULL).
enum DecimalCasts {
    static func toDecimal(_ v: Vector, from: DataType, precision: Int, scale: Int) -> Vector? {
        let limit = Arithmetic.pow10(precision)
        let to = DataType.decimal(precision: precision, scale: scale)
        let validity = v.flatValidity
        let sourceScale: Int
        if from.isInteger { sourceScale = 0 }
        else if case .decimal(_, let s) = from { sourceScale = s }
        else { return nil }
        let n = v.count
        // Widening from Int64 storage to an Int64 result, the common case: one multiply per value.
        if precision <= 18, scale >= sourceScale, let x = v.int64Values() {
            let factor = Int64(Arithmetic.pow10(scale - sourceScale))
            let bound = Int64(limit)
            var ok = true
            let out = x.withUnsafeBufferPointer { x in
                [Int64](unsafeUninitializedCapacity: n) { o, done in
                    for i in 0..<n {
                        let (p, overflow) = x[i].multipliedReportingOverflow(by: factor)
                        let valid = validity?[i] ?? true
                        if valid && (overflow || p >= bound || p <= -bound) { ok = false }
                        o[i] = valid ? p : 0
                    }
                    done = n
                }
            }
            return ok ? Vector(type: to, count: n, storage: .int64(out), validity: validity) : nil
        }
        // Everything else through Int128.
        let x: [Int128]
        switch v.storage {
        case .int128(let a): x = a
        default:
            guard let a = v.int64Values() else { return nil }
            x = a.map { Int128($0) }
        }
        var out = [Int128](repeating: 0, count: n)
        let up = scale >= sourceScale
        let factor = Arithmetic.pow10(abs(scale - sourceScale))
        for i in 0..<n where validity?[i] ?? true {
            let r = up ? x[i].multipliedReportingOverflow(by: factor) : (Arithmetic.divideRounded(x[i], factor), false)
            if r.1 || r.0 >= limit || r.0 <= -limit { return nil }
            out[i] = r.0
        }
        let storage: ColumnStorage = precision <= 18 ? .int64(out.map { Int64($0) }) : .int128(out)
        return Vector(type: to, count: n, storage: storage, validity: validity)
    }

    /// decimal to double (or real): the unscaled value divided by 10^scale, as `ValueCast` computes it.
    static func toDouble(_ v: Vector, scale: Int, to: DataType) -> Vector? {
        let divisor = Double(Arithmetic.pow10(scale))
        switch v.storage {
        case .int64(let a): return .fromDouble(a.map { Double($0) / divisor }, type: to, validity: v.flatValidity)
        case .int128(let a): return .fromDouble(a.map { Double($0) / divisor }, type: to, validity: v.flatValidity)
        default: return nil
        }
    }
}
