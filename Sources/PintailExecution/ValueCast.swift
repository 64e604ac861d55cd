import PintailCore
import PintailSketch
import PintailPlanner

/// Converts one value between types with Presto's rules; throws an ExecutionError naming the value on failure.
enum ValueCast {
    static func cast(_ v: Value, from: DataType, to: DataType) throws -> Value {
        if v.isNull || from == to { return v }
        func fail() -> ExecutionError {
            ExecutionError("Cannot cast \(from) '\(ValueText.text(v, type: from))' to \(to)")
        }
        switch to {
        case .varchar(let n):
            let s = ValueText.text(v, type: from)
            if let n, s.count > n { return .string(String(s.prefix(n))) }
            return .string(s)
        case .char(let n):
            let s = ValueText.text(v, type: from)
            guard s.count <= n else { throw fail() }
            return .string(s + String(repeating: " ", count: n - s.count))
        case .boolean:
            switch v {
            case .boolean: return v
            case .int(let i): return .boolean(i != 0)
            case .double(let d): return .boolean(d != 0)
            case .decimal(let d): return .boolean(d != 0)
            case .string(let s):
                switch s.lowercased() {
                case "true", "t", "1": return .boolean(true)
                case "false", "f", "0": return .boolean(false)
                default: throw fail()
                }
            default: throw fail()
            }
        case .tinyint, .smallint, .integer, .bigint:
            let (lo, hi) = Arithmetic.range(of: to)
            var result: Int64
            switch v {
            case .boolean(let b): result = b ? 1 : 0
            case .int(let i): result = i
            case .double(let d):
                guard d.isFinite else { throw fail() }
                let r = d.rounded(.toNearestOrAwayFromZero)
                guard r >= Double(lo), r <= Double(hi) else { throw fail() }
                result = Int64(r)
            case .decimal(let d):
                let s = Arithmetic.scale(of: from)
                let r = Arithmetic.divideRounded(d, Arithmetic.pow10(s))
                guard r >= Int128(lo), r <= Int128(hi) else { throw fail() }
                result = Int64(r)
            case .string(let s):
                guard let i = Int64(s.trimmingSpaces()) else { throw fail() }
                result = i
            default: throw fail()
            }
            guard result >= lo, result <= hi else { throw fail() }
            return .int(result)
        case .real, .double:
            switch v {
            case .boolean(let b): return .double(b ? 1 : 0)
            case .int(let i): return .double(Double(i))
            case .double(let d): return .double(to == .real ? Double(Float(d)) : d)
            case .decimal(let d): return .double(Double(d) / Double(Arithmetic.pow10(Arithmetic.scale(of: from))))
            case .string(let s):
                let t = s.trimmingSpaces()
                switch t {
                case "NaN": return .double(.nan)
                case "Infinity", "+Infinity": return .double(.infinity)
                case "-Infinity": return .double(-.infinity)
                default: break
                }
                guard let d = Double(t), !t.lowercased().contains("inf"), !t.lowercased().contains("nan") else { throw fail() }
                return .double(d)
            default: throw fail()
            }
        case .decimal(let p, let s):
            let limit = Arithmetic.pow10(p)
            var unscaled: Int128
            switch v {
            case .int(let i): unscaled = Int128(i) * Arithmetic.pow10(s)
            case .decimal(let d):
                let fs = Arithmetic.scale(of: from)
                unscaled = fs <= s ? d * Arithmetic.pow10(s - fs) : Arithmetic.divideRounded(d, Arithmetic.pow10(fs - s))
            case .double(let d):
                guard d.isFinite else { throw fail() }
                let scaled = (d * Double(Arithmetic.pow10(s))).rounded(.toNearestOrAwayFromZero)
                guard abs(scaled) < 1e38 else { throw fail() }
                unscaled = Int128(scaled)
            case .string(let str):
                guard case .literal(.decimal(let d), .decimal(_, let fs))? = LiteralBinder.parseDecimal(str.trimmingSpaces()) else { throw fail() }
                unscaled = fs <= s ? d * Arithmetic.pow10(s - fs) : Arithmetic.divideRounded(d, Arithmetic.pow10(fs - s))
            case .boolean(let b): unscaled = b ? Arithmetic.pow10(s) : 0
            default: throw fail()
            }
            guard unscaled < limit, unscaled > -limit else { throw fail() }
            return .decimal(unscaled)
        case .date:
            switch v {
            case .string(let s):
                guard let d = Calendar.parseDate(s.trimmingSpaces()) else { throw fail() }
                return .int(Int64(d))
            case .int(let t) where from != .date:
                if case .timestamp = from { return .int(floorDiv(t, Calendar.microsPerDay)) }
                throw fail()
            default: throw fail()
            }
        case .timestamp:
            switch v {
            case .string(let s):
                guard let t = Calendar.parseTimestamp(s.trimmingSpaces()) else { throw fail() }
                return .int(t)
            case .int(let d) where from == .date: return .int(d * Calendar.microsPerDay)
            case .int(let t):
                if case .timestamp = from { return .int(t) }
                throw fail()
            default: throw fail()
            }
        case .varbinary:
            if case .string(let s) = v { return .bytes(Array(s.utf8)) }
            if case .bytes = v { return v }
            throw fail()
        case .hyperLogLog:
            // Only bytes that hold a valid sketch become a HyperLogLog.
            guard case .bytes(let b) = v else { throw fail() }
            do { _ = try HyperLogLog(serialized: b) } catch { throw ExecutionError("Cannot cast varbinary to HyperLogLog: \(error.message)") }
            return v
        case .json:
            return .string(ValueText.text(v, type: from))
        case .array(let element):
            guard case .array(let items) = v, case .array(let fromElement) = from else { throw fail() }
            return .array(try items.map { try cast($0, from: fromElement, to: element) })
        default:
            throw fail()
        }
    }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}
