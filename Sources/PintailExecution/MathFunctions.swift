import PintailCore
#if canImport(Glibc)
import Glibc
#endif

/// round, floor, ceil and truncate for every numeric type, with Presto's half-away-from-zero rounding.
enum MathFunctions {
    static func rounding(_ name: String, _ a: [Value], _ type: DataType, _ result: DataType) throws -> Value {
        let digits = a.count > 1 ? { if case .int(let d) = a[1] { return Int(d) }; return 0 }() : 0
        switch a[0] {
        case .int(let i):
            guard name == "round", digits < 0 else { return .int(i) }
            let f = Int64(Arithmetic.pow10(min(-digits, 18)))
            let r = (abs(i) + f / 2) / f * f
            return .int(i < 0 ? -r : r)
        case .double(let d):
            if !d.isFinite { return .double(d) }
            switch name {
            case "floor": return .double(Glibc.floor(d))
            case "ceil": return .double(Glibc.ceil(d))
            case "truncate": return .double(Glibc.trunc(d))
            default:
                let f = Glibc.pow(10.0, Double(digits))
                let scaled = d * f
                guard scaled.isFinite else { return .double(d) }
                return .double((scaled).rounded(.toNearestOrAwayFromZero) / f)
            }
        case .decimal(let d):
            let s = Arithmetic.scale(of: type), rs = Arithmetic.scale(of: result)
            let keep = name == "round" ? min(digits, s) : 0
            let f = Arithmetic.pow10(s - keep)
            var q = d / f
            let r = d % f
            switch name {
            case "floor": if r < 0 { q -= 1 }
            case "ceil": if r > 0 { q += 1 }
            case "truncate": break
            default: if (r < 0 ? -r : r) * 2 >= f { q += d < 0 ? -1 : 1 }
            }
            return .decimal(q * Arithmetic.pow10(rs - keep))
        default:
            return a[0]
        }
    }
}
