import PintailCore

/// The MySQL-style format strings of Presto's date_parse and date_format (%Y-%m-%d %H:%i:%s ...).
enum MySQLDateFormat {
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                             "October", "November", "December"]

    static func parse(_ text: String, format: String) throws -> Int64 {
        let s = Array(text.utf8)
        var i = 0
        var year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0, micros = 0
        var pm: Bool? = nil
        var f = Array(format.utf8)[...]
        func fail() -> ExecutionError { ExecutionError("Invalid format: \"\(text)\" does not match \"\(format)\"") }
        func number(_ maxDigits: Int) throws -> Int {
            var v = 0, n = 0
            var negative = false
            if i < s.count, s[i] == UInt8(ascii: "-"), maxDigits == 4 { negative = true; i += 1 }
            while i < s.count, n < maxDigits, s[i] >= 48, s[i] <= 57 { v = v * 10 + Int(s[i] - 48); i += 1; n += 1 }
            guard n > 0 else { throw fail() }
            return negative ? -v : v
        }
        while let c = f.first {
            f = f.dropFirst()
            if c == UInt8(ascii: "%"), let spec = f.first {
                f = f.dropFirst()
                switch spec {
                case UInt8(ascii: "Y"): year = try number(4)
                case UInt8(ascii: "y"): year = 2000 + (try number(2)); if year > 2069 { year -= 100 }
                case UInt8(ascii: "m"), UInt8(ascii: "c"): month = try number(2)
                case UInt8(ascii: "d"), UInt8(ascii: "e"): day = try number(2)
                case UInt8(ascii: "H"), UInt8(ascii: "k"), UInt8(ascii: "h"), UInt8(ascii: "I"), UInt8(ascii: "l"): hour = try number(2)
                case UInt8(ascii: "i"): minute = try number(2)
                case UInt8(ascii: "s"), UInt8(ascii: "S"): second = try number(2)
                case UInt8(ascii: "f"):
                    var n = 0, v = 0
                    while i < s.count, n < 9, s[i] >= 48, s[i] <= 57 { if n < 6 { v = v * 10 + Int(s[i] - 48) }; i += 1; n += 1 }
                    guard n > 0 else { throw fail() }
                    for _ in min(n, 6)..<6 { v *= 10 }
                    micros = v
                case UInt8(ascii: "p"):
                    guard i + 1 < s.count else { throw fail() }
                    let t = String(decoding: s[i..<i + 2], as: UTF8.self).uppercased()
                    guard t == "AM" || t == "PM" else { throw fail() }
                    pm = t == "PM"
                    i += 2
                case UInt8(ascii: "b"), UInt8(ascii: "M"):
                    var matched = false
                    for (k, name) in monthNames.enumerated() {
                        let candidates = spec == UInt8(ascii: "b") ? [String(name.prefix(3))] : [name]
                        for cand in candidates {
                            let cb = Array(cand.lowercased().utf8)
                            if i + cb.count <= s.count, Array(String(decoding: s[i..<i + cb.count], as: UTF8.self).lowercased().utf8) == cb {
                                month = k + 1; i += cb.count; matched = true
                            }
                        }
                        if matched { break }
                    }
                    guard matched else { throw fail() }
                case UInt8(ascii: "%"):
                    guard i < s.count, s[i] == UInt8(ascii: "%") else { throw fail() }
                    i += 1
                default:
                    throw ExecutionError("Unsupported date_parse format specifier %\(Character(Unicode.Scalar(spec)))")
                }
            } else {
                guard i < s.count, s[i] == c else { throw fail() }
                i += 1
            }
        }
        guard i == s.count else { throw fail() }
        if let pm { hour = hour % 12 + (pm ? 12 : 0) }
        guard month >= 1, month <= 12, day >= 1, day <= Calendar.daysIn(month: month, year: year), hour < 24, minute < 60, second < 60 else {
            throw fail()
        }
        return Int64(Calendar.days(year: year, month: month, day: day)) * Calendar.microsPerDay
            + Int64(hour * 3600 + minute * 60 + second) * 1_000_000 + Int64(micros)
    }

    static func format(_ micros: Int64, format: String) -> String {
        let d = Int(ValueCast.floorDiv(micros, Calendar.microsPerDay))
        let rest = micros - Int64(d) * Calendar.microsPerDay
        let (y, m, day) = Calendar.civil(days: d)
        let secs = Int(rest / 1_000_000)
        func pad(_ v: Int, _ w: Int) -> String { let s = String(v); return String(repeating: "0", count: max(0, w - s.count)) + s }
        var out = ""
        var chars = format.makeIterator()
        while let c = chars.next() {
            guard c == "%", let spec = chars.next() else { out.append(c); continue }
            switch spec {
            case "Y": out += pad(y, 4)
            case "y": out += pad(y % 100, 2)
            case "m": out += pad(m, 2)
            case "c": out += String(m)
            case "d": out += pad(day, 2)
            case "e": out += String(day)
            case "H": out += pad(secs / 3600, 2)
            case "k": out += String(secs / 3600)
            case "h", "I": out += pad((secs / 3600 + 11) % 12 + 1, 2)
            case "l": out += String((secs / 3600 + 11) % 12 + 1)
            case "i": out += pad(secs / 60 % 60, 2)
            case "s", "S": out += pad(secs % 60, 2)
            case "f": out += pad(Int(rest % 1_000_000), 6)
            case "p": out += secs / 3600 < 12 ? "AM" : "PM"
            case "b": out += String(monthNames[m - 1].prefix(3))
            case "M": out += monthNames[m - 1]
            case "j": out += pad(d - Calendar.days(year: y, month: 1, day: 1) + 1, 3)
            case "%": out += "%"
            default: out.append(spec)
            }
        }
        return out
    }
}
