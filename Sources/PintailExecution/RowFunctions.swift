import PintailCore
import PintailSketch
#if canImport(Glibc)
import Glibc
#endif

/// Scalar functions evaluated one row at a time on values: the long tail of Presto's function library. NULL in
/// any argument gives NULL (every function here is NULL-propagating).
enum RowFunctions {
    static func isImplemented(_ name: String) -> Bool { implemented.contains(name) }

    static let implemented: Set<String> = [
        "lower", "upper", "length", "substr", "concat", "replace", "trim", "ltrim", "rtrim", "split_part", "strpos",
        "starts_with", "split", "cardinality", "element_at", "array_join", "contains", "abs", "sign", "round", "floor",
        "ceil", "truncate", "sqrt", "ln", "exp", "log10", "log2", "power", "mod", "is_nan", "nan", "infinity", "pi",
        "e", "rand", "greatest", "least", "date", "year", "month", "day", "quarter", "day_of_week", "day_of_year",
        "week", "year_of_week", "hour", "minute", "second", "last_day_of_month", "date_parse", "date_format",
        "date_trunc", "date_add", "date_diff", "to_unixtime", "from_unixtime", "lpad", "rpad", "chr", "codepoint",
        "reverse", "current_date", "current_timestamp", "current_time", "$subscript", "$map_subscript", "$field",
        "$array", "$row", "$is_distinct_from", "$array_concat", "empty_approx_set",
    ]

    static func apply(_ name: String, _ inputs: [Vector], argumentTypes: [DataType], resultType: DataType, count: Int) throws -> Vector {
        // Functions of no arguments, or that see NULLs themselves.
        switch name {
        case "current_date", "current_timestamp", "current_time", "rand", "nan", "infinity", "pi", "e", "empty_approx_set":
            var b = VectorBuilder(type: resultType, capacity: count)
            for _ in 0..<count { b.append(try eval(name, [], argumentTypes, resultType)) }
            return b.finish()
        default: break
        }
        var b = VectorBuilder(type: resultType, capacity: count)
        var args = [Value](repeating: .null, count: inputs.count)
        let seesNulls = name == "$is_distinct_from" || name == "$array" || name == "$row" || name == "concat" && false
        rows: for i in 0..<count {
            for k in 0..<inputs.count {
                let v = inputs[k].value(at: i)
                if v.isNull && !seesNulls { b.appendNull(); continue rows }
                args[k] = v
            }
            b.append(try eval(name, args, argumentTypes, resultType))
        }
        return b.finish()
    }

    private static func string(_ v: Value) -> String { if case .string(let s) = v { return s }; return "" }
    private static func int(_ v: Value) -> Int64 { if case .int(let i) = v { return i }; return 0 }
    private static func double(_ v: Value) -> Double {
        switch v {
        case .double(let d): return d
        case .int(let i): return Double(i)
        default: return 0
        }
    }

    static func eval(_ name: String, _ a: [Value], _ types: [DataType], _ result: DataType) throws -> Value {
        switch name {
        case "lower": return .string(string(a[0]).lowercased())
        case "upper": return .string(string(a[0]).uppercased())
        case "length": return .int(Int64(string(a[0]).unicodeScalars.count))
        case "reverse": return .string(String(String.UnicodeScalarView(string(a[0]).unicodeScalars.reversed())))
        case "substr":
            let scalars = Array(string(a[0]).unicodeScalars)
            var start = int(a[1])
            let n = Int64(scalars.count)
            if start == 0 || abs(start) > n { return .string("") }
            if start < 0 { start = n + start + 1 }
            var length = a.count > 2 ? int(a[2]) : n
            if length < 0 { return .string("") }
            length = min(length, n - start + 1)
            let s = Int(start - 1)
            return .string(String(String.UnicodeScalarView(scalars[s..<s + Int(length)])))
        case "concat":
            if case .array = result { return .array(a.flatMap { if case .array(let x) = $0 { return x }; return [] }) }
            return .string(a.map(string).joined())
        case "replace":
            let s = string(a[0]), search = string(a[1]), with = a.count > 2 ? string(a[2]) : ""
            return .string(replace(s, search, with))
        case "trim": return .string(trim(string(a[0]), leading: true, trailing: true))
        case "ltrim": return .string(trim(string(a[0]), leading: true, trailing: false))
        case "rtrim": return .string(trim(string(a[0]), leading: false, trailing: true))
        case "split_part":
            let index = int(a[2])
            guard index >= 1 else { throw ExecutionError("Index must be greater than zero") }
            let parts = split(string(a[0]), string(a[1]))
            return Int(index) <= parts.count ? .string(parts[Int(index) - 1]) : .null
        case "strpos":
            let s = Array(string(a[0]).unicodeScalars), sub = Array(string(a[1]).unicodeScalars)
            if sub.isEmpty { return .int(1) }
            if sub.count > s.count { return .int(0) }
            for i in 0...(s.count - sub.count) where Array(s[i..<i + sub.count]) == sub { return .int(Int64(i + 1)) }
            return .int(0)
        case "starts_with": return .boolean(string(a[0]).utf8.starts(with: string(a[1]).utf8))
        case "split":
            return .array(split(string(a[0]), string(a[1])).map { .string($0) })
        case "cardinality":
            switch a[0] {
            case .array(let x): return .int(Int64(x.count))
            case .map(let k, _): return .int(Int64(k.count))
            case .bytes(let b) where types[0] == .hyperLogLog:
                do { return .int(try HyperLogLog(serialized: b).cardinality()) } catch { throw ExecutionError(error.message) }
            default: throw ExecutionError("cardinality of this value is not supported")
            }
        case "element_at", "$subscript":
            guard case .array(let x) = a[0] else { return .null }
            let i = int(a[1])
            if name == "$subscript" {
                guard i >= 1, i <= x.count else { throw ExecutionError("Array subscript must be in [1, \(x.count)]: \(i)") }
                return x[Int(i) - 1]
            }
            if i == 0 { throw ExecutionError("SQL array indices start at 1") }
            if abs(i) > x.count { return .null }
            return i > 0 ? x[Int(i) - 1] : x[x.count + Int(i)]
        case "$map_subscript":
            guard case .map(let keys, let values) = a[0], let k = keys.firstIndex(of: a[1]) else {
                throw ExecutionError("Key not present in map: \(ValueText.text(a[1], type: types[1]))")
            }
            return values[k]
        case "$field":
            guard case .row(let fields) = a[0] else { return .null }
            return fields[Int(int(a[1]))]
        case "empty_approx_set": return .bytes(HyperLogLog.approxSet().serialized())
        case "$array": return .array(a)
        case "$row": return .row(a)
        case "$array_concat": return .array(a.flatMap { if case .array(let x) = $0 { return x }; return [] })
        case "$is_distinct_from":
            if a[0].isNull || a[1].isNull { return .boolean(a[0].isNull != a[1].isNull) }
            return .boolean(ValueOrdering.compare(a[0], a[1]) != 0)
        case "array_join":
            guard case .array(let x) = a[0] else { return .null }
            return .string(x.filter { !$0.isNull }.map { ValueText.text($0, type: .string) }.joined(separator: string(a[1])))
        case "contains":
            guard case .array(let x) = a[0] else { return .null }
            if x.contains(a[1]) { return .boolean(true) }
            return x.contains(where: \.isNull) ? .null : .boolean(false)
        case "abs":
            switch a[0] {
            case .int(let i):
                guard i != Int64.min else { throw ExecutionError("bigint overflow: abs(\(i))") }
                return .int(abs(i))
            case .double(let d): return .double(abs(d))
            case .decimal(let d): return .decimal(d < 0 ? -d : d)
            default: return a[0]
            }
        case "sign":
            switch a[0] {
            case .int(let i): return .int(i.signum())
            case .double(let d): return .double(d.isNaN ? d : (d > 0 ? 1 : (d < 0 ? -1 : 0)))
            case .decimal(let d): return .decimal(Int128(d.signum()) * Arithmetic.pow10(Arithmetic.scale(of: types[0])))
            default: return a[0]
            }
        case "round", "floor", "ceil", "truncate":
            return try MathFunctions.rounding(name, a, types[0], result)
        case "sqrt": return .double(double(a[0]).squareRoot())
        case "ln": return .double(Glibc.log(double(a[0])))
        case "log10": return .double(Glibc.log10(double(a[0])))
        case "log2": return .double(Glibc.log2(double(a[0])))
        case "exp": return .double(Glibc.exp(double(a[0])))
        case "power": return .double(Glibc.pow(double(a[0]), double(a[1])))
        case "mod":
            switch (a[0], a[1]) {
            case (.int(let x), .int(let y)):
                guard y != 0 else { throw ExecutionError("Division by zero") }
                return .int(x % y)
            case (.decimal(let x), .decimal(let y)):
                guard y != 0 else { throw ExecutionError("Division by zero") }
                return .decimal(x % y)
            default: return .double(double(a[0]).truncatingRemainder(dividingBy: double(a[1])))
            }
        case "is_nan": return .boolean(double(a[0]).isNaN)
        case "nan": return .double(.nan)
        case "infinity": return .double(.infinity)
        case "pi": return .double(Double.pi)
        case "e": return .double(M_E)
        case "rand": return .double(Double.random(in: 0..<1))
        case "greatest", "least":
            var best = a[0]
            for v in a.dropFirst() {
                let c = ValueOrdering.compare(v, best)
                if (name == "greatest" && c > 0) || (name == "least" && c < 0) { best = v }
            }
            return best
        case "lpad", "rpad":
            let s = Array(string(a[0]).unicodeScalars), size = int(a[1]), pad = Array(string(a[2]).unicodeScalars)
            guard size >= 0 else { throw ExecutionError("Target length must be in the range [0..\(Int32.max)]") }
            if size <= s.count { return .string(String(String.UnicodeScalarView(s.prefix(Int(size))))) }
            guard !pad.isEmpty else { throw ExecutionError("Padding string must not be empty") }
            var fill: [Unicode.Scalar] = []
            while fill.count < Int(size) - s.count { fill.append(pad[fill.count % pad.count]) }
            let out = name == "lpad" ? fill + s : s + fill
            return .string(String(String.UnicodeScalarView(out)))
        case "chr":
            guard let u = Unicode.Scalar(UInt32(truncatingIfNeeded: int(a[0]))) else { throw ExecutionError("Not a valid Unicode code point: \(int(a[0]))") }
            return .string(String(Character(u)))
        case "codepoint":
            let s = string(a[0]).unicodeScalars
            guard s.count == 1, let u = s.first else { throw ExecutionError("Input string must be a single character string") }
            return .int(Int64(u.value))
        default:
            return try DateFunctions.eval(name, a, types, result)
        }
    }

    static func replace(_ s: String, _ search: String, _ with: String) -> String {
        if search.isEmpty {
            // Presto inserts the replacement between every character and at both ends.
            return with + s.unicodeScalars.map { String($0) }.joined(separator: with) + with
        }
        let sb = Array(s.utf8), pb = Array(search.utf8), wb = Array(with.utf8)
        var out: [UInt8] = []
        var i = 0
        while i < sb.count {
            if i + pb.count <= sb.count, sb[i] == pb[0], Array(sb[i..<i + pb.count]) == pb {
                out += wb
                i += pb.count
            } else {
                out.append(sb[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func split(_ s: String, _ delimiter: String) -> [String] {
        let sb = Array(s.utf8), db = Array(delimiter.utf8)
        guard !db.isEmpty else { return s.unicodeScalars.map { String($0) } }
        var parts: [String] = []
        var start = 0, i = 0
        while i + db.count <= sb.count {
            if Array(sb[i..<i + db.count]) == db {
                parts.append(String(decoding: sb[start..<i], as: UTF8.self))
                i += db.count
                start = i
            } else {
                i += 1
            }
        }
        parts.append(String(decoding: sb[start...], as: UTF8.self))
        return parts
    }

    static func trim(_ s: String, leading: Bool, trailing: Bool) -> String {
        var scalars = Substring(s).unicodeScalars[...]
        let space: (Unicode.Scalar) -> Bool = { $0.properties.isWhitespace }
        if leading { while let f = scalars.first, space(f) { scalars = scalars.dropFirst() } }
        if trailing { while let l = scalars.last, space(l) { scalars = scalars.dropLast() } }
        return String(String.UnicodeScalarView(scalars))
    }
}
