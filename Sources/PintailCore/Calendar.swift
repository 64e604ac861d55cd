/// Proleptic Gregorian calendar arithmetic for DATE (days since 1970-01-01) and TIMESTAMP (microseconds), the way
/// Presto counts them. Pure integer math: no Foundation calendars in hot paths.
public enum Calendar {
    public static let microsPerSecond: Int64 = 1_000_000
    public static let microsPerDay: Int64 = 86_400_000_000

    /// Days since 1970-01-01 for a civil date (Howard Hinnant's algorithm).
    @inline(__always)
    public static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The civil date of a day number.
    @inline(__always)
    public static func civil(days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Parses `YYYY-MM-DD` (1 to 4 digit month/day fields are not accepted: exactly Presto's ISO form, with an
    /// optional sign on the year). Returns nil when the text is not a valid date.
    public static func parseDate(_ p: UnsafeRawBufferPointer) -> Int32? {
        var i = 0
        guard let (y, m, d) = parseYMD(p, &i), i == p.count else { return nil }
        return Int32(exactly: days(year: y, month: m, day: d))
    }

    /// Parses `YYYY-MM-DD[( |T)HH:MM[:SS[.fraction]]]` into microseconds. Returns nil when invalid.
    public static func parseTimestamp(_ p: UnsafeRawBufferPointer) -> Int64? {
        var i = 0
        guard let (y, m, d) = parseYMD(p, &i) else { return nil }
        var micros = Int64(days(year: y, month: m, day: d)) * microsPerDay
        if i == p.count { return micros }
        guard p[i] == 0x20 || p[i] == 0x54 else { return nil }
        i += 1
        guard let t = parseTimeOfDay(p, &i), i == p.count else { return nil }
        micros += t
        return micros
    }

    /// Parses `HH:MM[:SS[.fraction]]` from position `i`, advancing it; microseconds since midnight.
    public static func parseTimeOfDay(_ p: UnsafeRawBufferPointer, _ i: inout Int) -> Int64? {
        guard let hh = digits(p, &i, 2), i < p.count, p[i] == 0x3A else { return nil }
        i += 1
        guard let mm = digits(p, &i, 2) else { return nil }
        var ss = 0
        var frac: Int64 = 0
        if i < p.count && p[i] == 0x3A {
            i += 1
            guard let s = digits(p, &i, 2) else { return nil }
            ss = s
            if i < p.count && p[i] == 0x2E {
                i += 1
                var n = 0
                var scale: Int64 = 100_000
                while i < p.count, p[i] >= 0x30, p[i] <= 0x39 {
                    if n < 6 { frac += Int64(p[i] - 0x30) * scale; scale /= 10 }
                    n += 1
                    i += 1
                }
                guard n > 0, n <= 12 else { return nil }
            }
        }
        guard hh < 24, mm < 60, ss < 60 else { return nil }
        return Int64(hh * 3600 + mm * 60 + ss) * microsPerSecond + frac
    }

    private static func parseYMD(_ p: UnsafeRawBufferPointer, _ i: inout Int) -> (Int, Int, Int)? {
        var negative = false
        if i < p.count && (p[i] == 0x2D || p[i] == 0x2B) { negative = p[i] == 0x2D; i += 1 }
        var year = 0
        var n = 0
        while i < p.count, p[i] >= 0x30, p[i] <= 0x39, n < 6 {
            year = year * 10 + Int(p[i] - 0x30)
            i += 1
            n += 1
        }
        guard n >= 4, i < p.count, p[i] == 0x2D else { return nil }
        i += 1
        guard let month = digits(p, &i, 2), i < p.count, p[i] == 0x2D else { return nil }
        i += 1
        guard let day = digits(p, &i, 2) else { return nil }
        if negative { year = -year }
        guard month >= 1, month <= 12, day >= 1, day <= daysIn(month: month, year: year) else { return nil }
        return (year, month, day)
    }

    @inline(__always)
    private static func digits(_ p: UnsafeRawBufferPointer, _ i: inout Int, _ count: Int) -> Int? {
        guard i + count <= p.count else { return nil }
        var v = 0
        for _ in 0..<count {
            let c = p[i]
            guard c >= 0x30, c <= 0x39 else { return nil }
            v = v * 10 + Int(c - 0x30)
            i += 1
        }
        return v
    }

    public static func parseDate(_ s: String) -> Int32? {
        var s = s
        return s.withUTF8 { parseDate(UnsafeRawBufferPointer($0)) }
    }

    public static func parseTimestamp(_ s: String) -> Int64? {
        var s = s
        return s.withUTF8 { parseTimestamp(UnsafeRawBufferPointer($0)) }
    }

    /// `YYYY-MM-DD`.
    public static func formatDate(_ days: Int32) -> String {
        let (y, m, d) = civil(days: Int(days))
        return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
    }

    /// `YYYY-MM-DD HH:MM:SS.fff` with `precision` fractional digits (0 to 6).
    public static func formatTimestamp(_ micros: Int64, precision: Int = 3) -> String {
        let days = micros >= 0 ? micros / microsPerDay : (micros - microsPerDay + 1) / microsPerDay
        let rest = micros - days * microsPerDay
        return formatDate(Int32(truncatingIfNeeded: days)) + " " + formatTime(rest, precision: precision)
    }

    /// `HH:MM:SS.fff` from microseconds since midnight.
    public static func formatTime(_ micros: Int64, precision: Int = 3) -> String {
        let secs = Int(micros / microsPerSecond)
        var s = pad(secs / 3600, 2) + ":" + pad(secs / 60 % 60, 2) + ":" + pad(secs % 60, 2)
        if precision > 0 {
            let frac = Int(micros % microsPerSecond)
            var digits = pad(frac, 6)
            if precision < 6 { digits = String(digits.prefix(precision)) }
            s += "." + digits
        }
        return s
    }

    private static func pad(_ v: Int, _ width: Int) -> String {
        let s = String(abs(v))
        return (v < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - s.count)) + s
    }
}
