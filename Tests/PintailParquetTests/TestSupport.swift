import Foundation
import PintailCore
@testable import PintailParquet

/// Paths of the shared test data, located beside the repository.
enum Corpus {
    static let shared = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared")
    static let root = shared.appendingPathComponent("testdata/parquet-testing")
    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
}

/// Reads every row of every row group of `path`.
func readAllRows(_ path: String, options: ParquetReadOptions = ParquetReadOptions(), batchSize: Int = 1000) throws
    -> (ParquetFile, [[Value]])
{
    let file = try ParquetFile.open(path: path, options: options)
    var rows: [[Value]] = []
    let all = Array(file.schema.fields.indices)
    for g in file.metadata.rowGroups.indices {
        let reader = try file.readRowGroup(g, columns: all, batchSize: batchSize)
        while let batch = try reader.next() {
            for r in 0..<batch.count { rows.append(batch.columns.map { $0.value(at: r) }) }
        }
    }
    return (file, rows)
}

/// Renders values the way `dump_expected.py` writes them, as JSON-compatible objects.
enum ExpectedRendering {
    static func render(_ v: Value, _ type: DataType) -> Any {
        switch (v, type) {
        case (.null, _): return NSNull()
        case (.boolean(let b), _): return b
        case (.int(let x), .date): return date(x)
        case (.int(let x), .timestamp): return timestamp(x)
        case (.int(let x), .time): return time(x)
        case (.int(let x), _): return NSNumber(value: x)
        case (.decimal(let x), .decimal(_, let scale)): return decimal(x, scale)
        case (.double(let d), _) where d.isNaN: return "NaN"
        case (.double(let d), _) where d.isInfinite: return d > 0 ? "Infinity" : "-Infinity"
        case (.double(let d), _): return NSNumber(value: d)
        case (.string(let s), _): return s
        case (.bytes(let b), _): return "b64:" + Data(b).base64EncodedString()
        case (.array(let items), .array(let e)): return items.map { render($0, e) }
        case (.map(let keys, let values), .map(let kt, let vt)):
            return zip(keys, values).map { [render($0, kt), render($1, vt)] }
        case (.row(let fields), .row(let types)):
            var out: [String: Any] = [:]
            for (f, t) in zip(fields, types) { out[t.name ?? ""] = render(f, t.type) }
            return out
        default: return "\(v)"
        }
    }

    static func date(_ days: Int64) -> String {
        let (y, m, d) = civil(days)
        return String(format: "%04d-%02d-%02d", y, m, d)
    }

    static func timestamp(_ micros: Int64) -> String {
        var days = micros / 86_400_000_000
        var rest = micros % 86_400_000_000
        if rest < 0 { rest += 86_400_000_000; days -= 1 }
        return date(days) + "T" + time(rest)
    }

    static func time(_ micros: Int64) -> String {
        let s = micros / 1_000_000, frac = micros % 1_000_000
        var out = String(format: "%02d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)
        if frac != 0 {
            var f = String(format: "%06d", frac)
            while f.hasSuffix("0") { f.removeLast() }
            out += "." + f
        }
        return out
    }

    static func decimal(_ x: Int128, _ scale: Int) -> String {
        let negative = x < 0
        var digits = String(negative ? 0 - x : x)
        if scale > 0 {
            while digits.count <= scale { digits = "0" + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -scale))
        }
        return (negative ? "-" : "") + digits
    }

    /// Days since the epoch to a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func civil(_ days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// Compares a rendered value with the parsed expected JSON; floats of `real` columns compare as Float.
    static func matches(_ mine: Any, _ expected: Any, _ type: DataType) -> Bool {
        switch (mine, expected) {
        case (is NSNull, is NSNull): return true
        case (let a as String, let b as String):
            if case .timestamp = type { return a == normalizeTimestamp(b) }
            if case .time = type { return a == normalizeTime(b) }
            return a == b
        case (let a as Bool, let b as Bool) where type == .boolean: return a == b
        case (let a as NSNumber, let b as NSNumber):
            if type == .real { return Float(a.doubleValue) == Float(b.doubleValue) || abs(a.doubleValue - b.doubleValue) <= 1e-3 * abs(b.doubleValue) }
            if type == .double { return a.doubleValue == Double("\(b)") }
            return "\(a)" == "\(b)"
        case (let a as String, let b as NSNumber):
            // decimal(20,0) from UINT64 is dumped as a JSON number.
            return a == "\(b)"
        case (let a as [Any], let b as [Any]):
            guard a.count == b.count else { return false }
            let element: DataType
            switch type {
            case .array(let e): element = e
            case .map(let k, let v): return zip(a, b).allSatisfy { pair in
                guard let x = pair.0 as? [Any], let y = pair.1 as? [Any], x.count == 2, y.count == 2 else { return false }
                return matches(x[0], y[0], k) && matches(x[1], y[1], v)
            }
            default: return false
            }
            return zip(a, b).allSatisfy { matches($0, $1, element) }
        case (let a as [String: Any], let b as [String: Any]):
            guard case .row(let fields) = type, a.count == b.count else { return false }
            return fields.allSatisfy { f in
                guard let x = a[f.name ?? ""], let y = b[f.name ?? ""] else { return false }
                return matches(x, y, f.type)
            }
        default: return false
        }
    }

    /// Drops the UTC marker and truncates nanoseconds to microseconds.
    static func normalizeTimestamp(_ s: String) -> String {
        var t = s
        if t.hasSuffix("Z") { t.removeLast() }
        guard let tIndex = t.firstIndex(of: "T") else { return t }
        return String(t[..<tIndex]) + "T" + normalizeTime(String(t[t.index(after: tIndex)...]))
    }

    static func normalizeTime(_ s: String) -> String {
        guard let dot = s.firstIndex(of: ".") else { return s }
        var frac = String(s[s.index(after: dot)...].prefix(6))
        while frac.hasSuffix("0") { frac.removeLast() }
        return frac.isEmpty ? String(s[..<dot]) : String(s[..<dot]) + "." + frac
    }
}
