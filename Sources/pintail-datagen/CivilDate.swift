import PintailCore

/// Date text for the generator's TSV output; the calendar arithmetic is PintailCore's.
enum CivilDate {
    static func days(year: Int, month: Int, day: Int) -> Int { Calendar.days(year: year, month: month, day: day) }

    static func civil(days: Int) -> (year: Int, month: Int, day: Int) { Calendar.civil(days: days) }

    /// Appends YYYY-MM-DD.
    static func appendISO(days: Int, to out: inout [UInt8]) {
        let (y, m, d) = civil(days: days)
        appendDigits(y, width: 4, to: &out)
        out.append(0x2D)
        appendDigits(m, width: 2, to: &out)
        out.append(0x2D)
        appendDigits(d, width: 2, to: &out)
    }

    static func appendDigits(_ value: Int, width: Int, to out: inout [UInt8]) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        var v = value
        while divisor > 0 {
            out.append(UInt8(0x30 + (v / divisor) % 10))
            v %= divisor
            divisor /= 10
        }
    }
}

extension Array where Element == UInt8 {
    /// Appends the decimal digits of a non-negative integer.
    @inline(__always)
    mutating func appendDecimal(_ value: Int) {
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = 0
        var v = UInt(bitPattern: Swift.max(0, value))
        Swift.withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[19 - n] = UInt8(0x30 + v % 10)
                v /= 10
                n += 1
            } while v > 0
            append(contentsOf: buffer[(20 - n)...])
        }
    }
}
