import PintailCore
#if canImport(Glibc)
import Glibc
#endif

/// Date and time functions on DATE (days) and TIMESTAMP (microseconds) values.
enum DateFunctions {
    static func eval(_ name: String, _ a: [Value], _ types: [DataType], _ result: DataType) throws -> Value {
        func micros(_ i: Int) -> Int64 {
            guard case .int(let v) = a[i] else { return 0 }
            return types[i] == .date ? v * Calendar.microsPerDay : v
        }
        func days(_ i: Int) -> Int { Int(ValueCast.floorDiv(micros(i), Calendar.microsPerDay)) }
        func text(_ i: Int) -> String { if case .string(let s) = a[i] { return s }; return "" }
        switch name {
        case "current_date":
            return .int(Int64(ValueCast.floorDiv(now(), Calendar.microsPerDay)))
        case "current_timestamp": return .int(now())
        case "current_time": return .int(now() % Calendar.microsPerDay)
        case "date":
            if case .string(let s) = a[0] {
                guard let d = Calendar.parseDate(s.trimmingSpaces()) else {
                    throw ExecutionError("Value cannot be cast to date: \(s)")
                }
                return .int(Int64(d))
            }
            return .int(Int64(days(0)))
        case "year": return .int(Int64(Calendar.civil(days: days(0)).year))
        case "month": return .int(Int64(Calendar.civil(days: days(0)).month))
        case "day": return .int(Int64(Calendar.civil(days: days(0)).day))
        case "quarter": return .int(Int64((Calendar.civil(days: days(0)).month - 1) / 3 + 1))
        case "day_of_week":
            // ISO: Monday = 1 ... Sunday = 7; 1970-01-01 was a Thursday.
            let d = days(0)
            return .int(Int64(((d % 7) + 7 + 3) % 7 + 1))
        case "day_of_year":
            let d = days(0), y = Calendar.civil(days: d).year
            return .int(Int64(d - Calendar.days(year: y, month: 1, day: 1) + 1))
        case "week", "year_of_week":
            let (week, year) = isoWeek(days(0))
            return .int(Int64(name == "week" ? week : year))
        case "hour": return .int((micros(0) % Calendar.microsPerDay + Calendar.microsPerDay) % Calendar.microsPerDay / 3_600_000_000)
        case "minute": return .int((micros(0) % 3_600_000_000 + 3_600_000_000) % 3_600_000_000 / 60_000_000)
        case "second": return .int((micros(0) % 60_000_000 + 60_000_000) % 60_000_000 / 1_000_000)
        case "last_day_of_month":
            let (y, m, _) = Calendar.civil(days: days(0))
            return .int(Int64(Calendar.days(year: y, month: m, day: Calendar.daysIn(month: m, year: y))))
        case "to_unixtime": return .double(Double(micros(0)) / 1e6)
        case "from_unixtime":
            guard case .double(let s) = a[0] else { return .null }
            return .int(Int64((s * 1e6).rounded()))
        case "date_parse": return .int(try MySQLDateFormat.parse(text(0), format: text(1)))
        case "date_format": return .string(MySQLDateFormat.format(micros(0), format: text(1)))
        case "date_trunc":
            let unit = text(0).lowercased()
            let m = micros(1)
            let d = Int(ValueCast.floorDiv(m, Calendar.microsPerDay))
            let (y, mo, _) = Calendar.civil(days: d)
            var out: Int64
            switch unit {
            case "year": out = Int64(Calendar.days(year: y, month: 1, day: 1)) * Calendar.microsPerDay
            case "quarter": out = Int64(Calendar.days(year: y, month: (mo - 1) / 3 * 3 + 1, day: 1)) * Calendar.microsPerDay
            case "month": out = Int64(Calendar.days(year: y, month: mo, day: 1)) * Calendar.microsPerDay
            case "week": out = Int64(d - (((d % 7) + 7 + 3) % 7)) * Calendar.microsPerDay
            case "day": out = Int64(d) * Calendar.microsPerDay
            case "hour": out = ValueCast.floorDiv(m, 3_600_000_000) * 3_600_000_000
            case "minute": out = ValueCast.floorDiv(m, 60_000_000) * 60_000_000
            case "second": out = ValueCast.floorDiv(m, 1_000_000) * 1_000_000
            default: throw ExecutionError("'\(unit)' is not a valid unit for date_trunc")
            }
            return .int(result == .date ? out / Calendar.microsPerDay : out)
        case "date_add":
            let unit = text(0).lowercased()
            guard case .int(let n) = a[1] else { return .null }
            let m = micros(2)
            var out: Int64
            switch unit {
            case "millisecond": out = m + n * 1000
            case "second": out = m + n * 1_000_000
            case "minute": out = m + n * 60_000_000
            case "hour": out = m + n * 3_600_000_000
            case "day": out = m + n * Calendar.microsPerDay
            case "week": out = m + n * 7 * Calendar.microsPerDay
            case "month", "quarter", "year":
                let months = n * (unit == "year" ? 12 : unit == "quarter" ? 3 : 1)
                let d = Int(ValueCast.floorDiv(m, Calendar.microsPerDay))
                let rest = m - Int64(d) * Calendar.microsPerDay
                let (y, mo, day) = Calendar.civil(days: d)
                let total = y * 12 + (mo - 1) + Int(months)
                let ny = total >= 0 ? total / 12 : (total - 11) / 12
                let nm = total - ny * 12 + 1
                out = Int64(Calendar.days(year: ny, month: nm, day: min(day, Calendar.daysIn(month: nm, year: ny)))) * Calendar.microsPerDay + rest
            default: throw ExecutionError("'\(unit)' is not a valid unit for date_add")
            }
            return .int(types[2] == .date ? out / Calendar.microsPerDay : out)
        case "date_diff":
            let unit = text(0).lowercased()
            let x = micros(1), y = micros(2)
            switch unit {
            case "millisecond": return .int((y - x) / 1000)
            case "second": return .int((y - x) / 1_000_000)
            case "minute": return .int((y - x) / 60_000_000)
            case "hour": return .int((y - x) / 3_600_000_000)
            case "day": return .int((y - x) / Calendar.microsPerDay)
            case "week": return .int((y - x) / (7 * Calendar.microsPerDay))
            case "month", "quarter", "year":
                let (y1, m1, d1) = Calendar.civil(days: Int(ValueCast.floorDiv(x, Calendar.microsPerDay)))
                let (y2, m2, d2) = Calendar.civil(days: Int(ValueCast.floorDiv(y, Calendar.microsPerDay)))
                var months = (y2 - y1) * 12 + (m2 - m1)
                if months > 0 && d2 < d1 { months -= 1 }
                if months < 0 && d2 > d1 { months += 1 }
                return .int(Int64(unit == "month" ? months : unit == "quarter" ? months / 3 : months / 12))
            default: throw ExecutionError("'\(unit)' is not a valid unit for date_diff")
            }
        default:
            throw ExecutionError("Function '\(name)' is not implemented")
        }
    }

    static func now() -> Int64 {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Int64(ts.tv_sec) * 1_000_000 + Int64(ts.tv_nsec) / 1000
    }

    /// ISO-8601 week number and week-based year.
    static func isoWeek(_ d: Int) -> (Int, Int) {
        let dow = ((d % 7) + 7 + 3) % 7 + 1
        let thursday = d - dow + 4
        let y = Calendar.civil(days: thursday).year
        let week = (thursday - Calendar.days(year: y, month: 1, day: 1)) / 7 + 1
        return (week, y)
    }
}
