import PintailCore
#if canImport(Glibc)
import Glibc
#endif

/// Typed loops for scalar functions common enough to matter (the book's words-per-review and reviews-per-year
/// queries); the compiler picks them at plan time instead of the row-at-a-time path.
enum TypedKernels {
    /// date(varchar): `YYYY-MM-DD` text to days; text that is not a date is an error, as in Presto.
    static func dateFromText(_ input: Vector) throws -> Vector {
        let v = input.flattened()
        guard let text = v.byteColumn else { throw ExecutionError("internal: date() expects varchar") }
        var out = [Int32](repeating: 0, count: v.count)
        try text.bytes.withUnsafeBytes { raw in
            for i in 0..<v.count where v.isValid(i) {
                let field = UnsafeRawBufferPointer(rebasing: raw[Int(text.offsets[i])..<Int(text.offsets[i + 1])])
                guard let d = Calendar.parseDate(trimmed(field)) else {
                    throw ExecutionError("Value cannot be cast to date: \(text.string(at: i))")
                }
                out[i] = d
            }
        }
        return Vector(type: .date, count: v.count, storage: .int32(out), validity: v.flatValidity)
    }

    private static func trimmed(_ p: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        var s = 0, e = p.count
        while s < e, p[s] == 0x20 { s += 1 }
        while e > s, p[e - 1] == 0x20 { e -= 1 }
        return UnsafeRawBufferPointer(rebasing: p[s..<e])
    }

    enum DatePart { case year, month, day }

    /// year/month/day of a date or timestamp column, as bigint.
    static func datePart(_ part: DatePart, _ input: Vector) throws -> Vector {
        let v = input.flattened()
        var out = [Int64](repeating: 0, count: v.count)
        func fill(_ days: (Int) -> Int) {
            for i in 0..<v.count where v.isValid(i) {
                let (y, m, d) = Calendar.civil(days: days(i))
                out[i] = Int64(part == .year ? y : part == .month ? m : d)
            }
        }
        switch v.storage {
        case .int32(let days): fill { Int(days[$0]) }
        case .int64(let micros): fill { Int(ValueCast.floorDiv(micros[$0], Calendar.microsPerDay)) }
        default: throw ExecutionError("internal: date part of \(v.type)")
        }
        return Vector(type: .bigint, count: v.count, storage: .int64(out), validity: v.flatValidity)
    }

    /// cardinality(split(x, d)) without building the arrays: occurrences of `d` plus one.
    static func splitCount(_ input: Vector, delimiter: [UInt8]) throws -> Vector {
        let v = input.flattened()
        guard let text = v.byteColumn else { throw ExecutionError("internal: split expects varchar") }
        var out = [Int64](repeating: 0, count: v.count)
        text.bytes.withUnsafeBytes { raw in
            delimiter.withUnsafeBytes { d in
                for i in 0..<v.count where v.isValid(i) {
                    let s = Int(text.offsets[i]), e = Int(text.offsets[i + 1])
                    if delimiter.isEmpty {
                        // split(x, '') yields one element per character.
                        var n = 0
                        for k in s..<e where raw[k] & 0xC0 != 0x80 { n += 1 }
                        out[i] = Int64(n)
                        continue
                    }
                    var count: Int64 = 1
                    var pos = s
                    while pos + d.count <= e, let hit = memchr(raw.baseAddress! + pos, Int32(d[0]), e - pos - d.count + 1) {
                        let at = raw.baseAddress!.distance(to: UnsafeRawPointer(hit))
                        if d.count == 1 || memcmp(raw.baseAddress! + at, d.baseAddress!, d.count) == 0 {
                            count += 1
                            pos = at + d.count
                        } else {
                            pos = at + 1
                        }
                    }
                    out[i] = count
                }
            }
        }
        return Vector(type: .bigint, count: v.count, storage: .int64(out), validity: v.flatValidity)
    }
}
