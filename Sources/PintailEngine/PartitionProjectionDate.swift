#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PintailCore
import PintailPlanner

/// A `date` projection: values from a range stepped by an interval, written with a Java DateTimeFormatter-style
/// pattern (`yyyy`, `MM`, `dd`, `HH`, `mm`, `ss`, quoted literals, other punctuation as is). Instants are UTC
/// seconds since 1970.
struct DateProjection: Sendable {
    enum Unit: String, Sendable, CaseIterable {
        case years, months, weeks, days, hours, minutes, seconds
        /// Length of fixed-size units; months and years step the calendar instead.
        var seconds: Int64? {
            switch self {
            case .years, .months: return nil
            case .weeks: return 604_800
            case .days: return 86_400
            case .hours: return 3_600
            case .minutes: return 60
            case .seconds: return 1
            }
        }
    }

    enum Token: Sendable, Equatable {
        case field(Character, width: Int)
        case literal(String)
    }

    let tokens: [Token]
    let start: Int64
    let end: Int64
    let interval: Int64
    let unit: Unit

    /// Reads `projection.<col>.range/format/interval/interval.unit`; `now` is the instant NOW stands for.
    init(column: String, property: (String) -> String?, now: Int64) throws {
        let p = "projection.\(column)."
        guard let format = property("format") else { throw SemanticError("Partition projection: '\(p)format' is required for date columns") }
        let tokens = try Self.tokenize(format, property: p + "format")
        self.tokens = tokens
        guard let range = property("range") else { throw SemanticError("Partition projection: '\(p)range' is required") }
        let bounds = range.split(separator: ",", omittingEmptySubsequences: false).map { trimSpaces($0) }
        guard bounds.count == 2 else {
            throw SemanticError("Partition projection: '\(p)range' must be two comma-separated dates, got '\(range)'")
        }
        func bound(_ text: String) throws -> Int64 {
            if let t = try Self.relative(text, now: now) { return t }
            guard let t = Self.parse(text, tokens) else {
                throw SemanticError("Partition projection: '\(p)range' value '\(text)' does not match format '\(format)' (or NOW[+-]<n><unit>)")
            }
            return t
        }
        let start = try bound(bounds[0]), end = try bound(bounds[1])
        self.start = start
        self.end = end
        guard start <= end else { throw SemanticError("Partition projection: '\(p)range' starts after it ends: '\(range)'") }
        if let text = property("interval") {
            guard let n = Int64(trimSpaces(text)), n > 0 else {
                throw SemanticError("Partition projection: '\(p)interval' must be a positive integer, got '\(text)'")
            }
            interval = n
        } else {
            interval = 1
        }
        if let text = property("interval.unit") {
            guard let u = Self.unit(text) else {
                throw SemanticError("Partition projection: '\(p)interval.unit' must be one of YEARS, MONTHS, WEEKS, DAYS, HOURS, MINUTES, SECONDS, got '\(text)'")
            }
            unit = u
        } else {
            unit = Self.finestUnit(tokens)
        }
    }

    /// The formatted values from start to end, at most `limit` of them (nil when there would be more).
    func values(limit: Int) -> [String]? {
        // Fixed-size steps: count them before formatting any.
        if let s = unit.seconds {
            let (stepLength, overflow) = interval.multipliedReportingOverflow(by: s)
            if !overflow, (end - start) / stepLength >= Int64(limit) { return nil }
        }
        var out: [String] = []
        var seen = Set<String>()
        var k: Int64 = 0
        while true {
            let (t, overflow) = step(k)
            if overflow || t > end { break }
            let text = format(t)
            // Coarse formats (yyyy stepped by days) repeat a value; keep each partition once.
            if seen.insert(text).inserted {
                out.append(text)
                if out.count > limit { return nil }
            }
            k += 1
            // Stepping finer than the format repeats values; bound the walk all the same.
            if k > 10_000_000 { return nil }
        }
        return out
    }

    /// The k-th instant from start.
    private func step(_ k: Int64) -> (Int64, Bool) {
        let (n, o1) = k.multipliedReportingOverflow(by: interval)
        if o1 { return (0, true) }
        if let s = unit.seconds {
            let (d, o2) = n.multipliedReportingOverflow(by: s)
            let (t, o3) = start.addingReportingOverflow(d)
            return (t, o2 || o3)
        }
        let months = unit == .years ? n.multipliedReportingOverflow(by: 12) : (n, false)
        if months.1 || months.0 > 1_200_000 { return (0, true) }
        return (Self.addMonths(start, months.0), false)
    }

    func format(_ t: Int64) -> String {
        let days = Int(t >= 0 ? t / 86_400 : (t - 86_399) / 86_400)
        let secs = Int(t - Int64(days) * 86_400)
        let (y, m, d) = Calendar.civil(days: days)
        var out = ""
        for token in tokens {
            switch token {
            case .literal(let s): out += s
            case .field(let c, let width):
                let v: Int
                switch c {
                case "y": v = y
                case "M": v = m
                case "d": v = d
                case "H": v = secs / 3600
                case "m": v = secs / 60 % 60
                default: v = secs % 60
                }
                let digits = String(abs(v))
                out += (v < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - digits.count)) + digits
            }
        }
        return out
    }

    /// Parses text written in the pattern; fields of width 1 take as many digits as there are.
    static func parse(_ text: String, _ tokens: [Token]) -> Int64? {
        var rest = Substring(text)
        var f: [Character: Int] = ["y": 1970, "M": 1, "d": 1, "H": 0, "m": 0, "s": 0]
        for token in tokens {
            switch token {
            case .literal(let s):
                guard rest.hasPrefix(s) else { return nil }
                rest = rest.dropFirst(s.count)
            case .field(let c, let width):
                let digits = width == 1 ? rest.prefix { $0.isASCII && $0.isNumber } : rest.prefix(width)
                guard !digits.isEmpty, width == 1 || digits.count == width, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let v = Int(digits) else { return nil }
                f[c] = v
                rest = rest.dropFirst(digits.count)
            }
        }
        guard rest.isEmpty, let y = f["y"], let mo = f["M"], let d = f["d"], let h = f["H"], let mi = f["m"], let s = f["s"],
              (1...12).contains(mo), d >= 1, d <= Calendar.daysIn(month: mo, year: y), h < 24, mi < 60, s < 60 else { return nil }
        return Int64(Calendar.days(year: y, month: mo, day: d)) * 86_400 + Int64(h * 3600 + mi * 60 + s)
    }

    /// `NOW`, `NOW-3YEARS`, `NOW+1DAY` (case-insensitive, singular or plural units); nil when not relative.
    static func relative(_ text: String, now: Int64) throws -> Int64? {
        let upper = text.uppercased().filter { $0 != " " }
        guard upper.hasPrefix("NOW") else { return nil }
        let rest = upper.dropFirst(3)
        if rest.isEmpty { return now }
        guard let sign = rest.first, sign == "+" || sign == "-" else {
            throw SemanticError("Partition projection: cannot read relative date '\(text)' (expected NOW[+-]<n><unit>)")
        }
        let amount = rest.dropFirst().prefix { $0.isNumber }
        guard let n = Int64(amount), n <= 1_000_000, let u = unit(String(rest.dropFirst(1 + amount.count))) else {
            throw SemanticError("Partition projection: cannot read relative date '\(text)' (expected NOW[+-]<n><unit>)")
        }
        let signed = sign == "-" ? -n : n
        if let s = u.seconds { return now + signed * s }
        return addMonths(now, u == .years ? signed * 12 : signed)
    }

    static func unit(_ text: String) -> Unit? {
        var t = trimSpaces(text).lowercased()
        if !t.hasSuffix("s") { t += "s" }
        return Unit(rawValue: t)
    }

    /// Adds calendar months, clamping the day to the target month's length (Jan 31 + 1 month = Feb 28/29).
    static func addMonths(_ t: Int64, _ months: Int64) -> Int64 {
        let days = Int(t >= 0 ? t / 86_400 : (t - 86_399) / 86_400)
        let secs = t - Int64(days) * 86_400
        let (y, m, d) = Calendar.civil(days: days)
        let total = y * 12 + (m - 1) + Int(months)
        let ny = total >= 0 ? total / 12 : (total - 11) / 12
        let nm = total - ny * 12 + 1
        let nd = min(d, Calendar.daysIn(month: nm, year: ny))
        return Int64(Calendar.days(year: ny, month: nm, day: nd)) * 86_400 + secs
    }

    static func tokenize(_ format: String, property: String) throws -> [Token] {
        var tokens: [Token] = []
        var chars = Substring(format)
        while let c = chars.first {
            if c == "'" {
                let body = chars.dropFirst().prefix { $0 != "'" }
                guard chars.dropFirst(1 + body.count).first == "'" else {
                    throw SemanticError("Partition projection: '\(property)' has an unclosed quote: '\(format)'")
                }
                tokens.append(.literal(body.isEmpty ? "'" : String(body)))
                chars = chars.dropFirst(2 + body.count)
            } else if c.isLetter {
                let run = chars.prefix { $0 == c }
                guard "yMdHms".contains(c), c == "y" ? run.count == 4 || run.count == 1 : run.count <= 2 else {
                    throw SemanticError("Partition projection: '\(property)' uses unsupported pattern '\(run)' in '\(format)' (supported: yyyy, MM, dd, HH, mm, ss)")
                }
                tokens.append(.field(c, width: run.count))
                chars = chars.dropFirst(run.count)
            } else {
                let run = chars.prefix { !$0.isLetter && $0 != "'" }
                tokens.append(.literal(String(run)))
                chars = chars.dropFirst(run.count)
            }
        }
        return tokens
    }

    /// Athena steps by the format's finest field when no unit is given.
    static func finestUnit(_ tokens: [Token]) -> Unit {
        let fields = Set(tokens.compactMap { if case .field(let c, _) = $0 { return c } else { return nil } })
        for (c, u) in [("s", Unit.seconds), ("m", .minutes), ("H", .hours), ("d", .days), ("M", .months)] where fields.contains(Character(c)) {
            return u
        }
        return .years
    }

    static func currentTime() -> Int64 { Int64(time(nil)) }
}
