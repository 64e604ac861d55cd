import PintailCore

/// Date text for the generator's TSV output; the calendar arithmetic is PintailCore's.
enum CivilDate {
    static func days(year: Int, month: Int, day: Int) -> Int { Calendar.days(year: year, month: month, day: day) }

    static func civil(days: Int) -> (year: Int, month: Int, day: Int) { Calendar.civil(days: days) }

    /// The text of every day the generator can draw (1990-2019, a margin around 1995-2015), 16 bytes per day of which
    /// 10 are used: every row writes a date, and a copy is cheaper than the calendar arithmetic and ten digits.
    private static let tableFirstDay = days(year: 1990, month: 1, day: 1)
    private static let tableDays = days(year: 2020, month: 1, day: 1) - tableFirstDay
    nonisolated(unsafe) private static let table: UnsafeMutablePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: tableDays * 16)
        table.initialize(repeating: 0, count: tableDays * 16)
        var text = GrowableBuffer<UInt8>(capacity: 16)
        defer { text.deallocate() }
        for day in 0..<tableDays {
            text.removeAll()
            computeISO(days: tableFirstDay + day, to: &text)
            (table + day * 16).update(from: text.base, count: 10)
        }
        return table
    }()

    /// The day table, read once by a loop over many dates (each use of a global costs a `swift_once` check).
    struct ISOTable {
        let firstDay = CivilDate.tableFirstDay
        let days = CivilDate.tableDays
        let text = CivilDate.table

        /// Appends YYYY-MM-DD.
        @inline(__always)
        func append(days day: Int, to out: inout GrowableBuffer<UInt8>) {
            let index = day - firstDay
            guard index >= 0 && index < days else { return CivilDate.computeISO(days: day, to: &out) }
            out.appendShort(text + index * 16, count: 10)
        }
    }

    private static func computeISO(days: Int, to out: inout GrowableBuffer<UInt8>) {
        let (y, m, d) = civil(days: days)
        out.appendDigits(y, width: 4)
        out.append(0x2D)
        out.appendDigits(m, width: 2)
        out.append(0x2D)
        out.appendDigits(d, width: 2)
    }
}
