import PintailCore

/// Date text for the generator's TSV output; the calendar arithmetic is PintailCore's.
enum CivilDate {
    static func days(year: Int, month: Int, day: Int) -> Int { Calendar.days(year: year, month: month, day: day) }

    static func civil(days: Int) -> (year: Int, month: Int, day: Int) { Calendar.civil(days: days) }

    /// Appends YYYY-MM-DD.
    @inline(__always)
    static func appendISO(days: Int, to out: inout GrowableBuffer<UInt8>) {
        let (y, m, d) = civil(days: days)
        out.appendDigits(y, width: 4)
        out.append(0x2D)
        out.appendDigits(m, width: 2)
        out.append(0x2D)
        out.appendDigits(d, width: 2)
    }
}
