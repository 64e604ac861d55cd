import PintailCore

/// CAST and TRY_CAST. Numeric conversions run as typed loops; other pairs convert one value at a time through
/// `ValueCast`, which follows Presto's rules (varchar to number trims nothing and fails on junk, double to integer
/// rounds half away from zero, and so on).
enum Casts {
    static func cast(_ input: Vector, from: DataType, to: DataType, isTry: Bool) throws -> Vector {
        if from == to { return input }
        if from == .unknown { return Vector.nulls(to, count: input.count) }
        let v = input.flattened()
        let validity = v.flatValidity
        // Integer widening and integer/floating conversions.
        if from.isInteger, to.isInteger, let x = v.int64Values() {
            let (lo, hi) = Arithmetic.range(of: to)
            if let bad = x.enumerated().first(where: { (validity?[$0.offset] ?? true) && ($0.element < lo || $0.element > hi) }) {
                if !isTry { throw ExecutionError("Out of range for \(to): \(bad.element)") }
                return try slow(v, from: from, to: to, isTry: true)
            }
            return .fromInt64(x, type: to, validity: validity)
        }
        if from.isInteger, to == .double || to == .real, let x = v.int64Values() {
            return .fromDouble(x.map { Double($0) }, type: to, validity: validity)
        }
        if (from == .real && to == .double) || (from == .double && to == .real), let x = v.doubleValues() {
            return .fromDouble(x, type: to, validity: validity)
        }
        if from == .date, case .timestamp = to, case .int32(let days) = v.storage {
            return Vector(type: to, count: v.count, storage: .int64(days.map { Int64($0) * Calendar.microsPerDay }), validity: validity)
        }
        if case .decimal(let p, let s) = to, let result = DecimalCasts.toDecimal(v, from: from, precision: p, scale: s) {
            return result
        }
        if case .decimal(_, let s) = from, to == .double || to == .real, let result = DecimalCasts.toDouble(v, scale: s, to: to) {
            return result
        }
        if from.isString, to.isString, case .varchar(nil) = to { return Vector(type: to, count: v.count, storage: v.storage, validity: validity) }
        return try slow(v, from: from, to: to, isTry: isTry)
    }

    private static func slow(_ v: Vector, from: DataType, to: DataType, isTry: Bool) throws -> Vector {
        var b = VectorBuilder(type: to, capacity: v.count)
        for i in 0..<v.count {
            let value = v.value(at: i)
            if value.isNull { b.appendNull(); continue }
            do {
                b.append(try ValueCast.cast(value, from: from, to: to))
            } catch {
                if isTry { b.appendNull() } else { throw error }
            }
        }
        return b.finish()
    }
}
