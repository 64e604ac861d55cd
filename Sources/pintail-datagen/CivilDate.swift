/// Conversions between days since 1970-01-01 and calendar dates (proleptic Gregorian, H. Hinnant's algorithms).
enum CivilDate {
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

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
