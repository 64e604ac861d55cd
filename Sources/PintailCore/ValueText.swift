/// The text of a value as Presto renders it (CAST to varchar, the CLI's table output).
public enum ValueText {
    public static func text(_ v: Value, type: DataType) -> String {
        switch v {
        case .null: return "NULL"
        case .boolean(let b): return b ? "true" : "false"
        case .int(let i):
            switch type {
            case .date: return Calendar.formatDate(Int32(truncatingIfNeeded: i))
            case .timestamp(let p): return Calendar.formatTimestamp(i, precision: min(p, 6))
            case .time: return Calendar.formatTime(i, precision: 3)
            case .decimal(_, let s): return decimal(Int128(i), scale: s)
            default: return String(i)
            }
        case .decimal(let d):
            if case .decimal(_, let s) = type { return decimal(d, scale: s) }
            return String(d)
        case .double(let d): return type == .real ? javaFloat(Float(d)) : javaDouble(d)
        case .string(let s): return s
        case .bytes(let b): return b.map { hex($0) }.joined(separator: " ")
        case .array(let items):
            let element: DataType
            if case .array(let e) = type { element = e } else { element = .unknown }
            return "[" + items.map { text($0, type: element) }.joined(separator: ", ") + "]"
        case .map(let keys, let values):
            var kt = DataType.unknown, vt = DataType.unknown
            if case .map(let k, let v) = type { kt = k; vt = v }
            return "{" + zip(keys, values).map { text($0, type: kt) + "=" + text($1, type: vt) }.joined(separator: ", ") + "}"
        case .row(let fields):
            var types: [RowField] = []
            if case .row(let f) = type { types = f }
            return "{" + fields.enumerated().map { i, f in
                let field = i < types.count ? types[i] : RowField(name: nil, type: .unknown)
                return (field.name ?? "field\(i)") + "=" + text(f, type: field.type)
            }.joined(separator: ", ") + "}"
        }
    }

    static func hex(_ b: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(b >> 4)], digits[Int(b & 15)]])
    }

    public static func decimal(_ unscaled: Int128, scale: Int) -> String {
        let negative = unscaled < 0
        var digits = String(negative ? -unscaled : unscaled)
        guard scale > 0 else { return (negative ? "-" : "") + digits }
        if digits.count <= scale { digits = String(repeating: "0", count: scale - digits.count + 1) + digits }
        let cut = digits.index(digits.endIndex, offsetBy: -scale)
        return (negative ? "-" : "") + digits[..<cut] + "." + digits[cut...]
    }

    /// Java's Double.toString: plain notation for 1e-3 <= |d| < 1e7 (always with a fraction digit), else
    /// `d.dddE±n`; shortest round-trip digits.
    public static func javaDouble(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
        if d == 0 { return d.sign == .minus ? "-0.0" : "0.0" }
        return java(shortest: "\(d)", magnitude: abs(d))
    }

    public static func javaFloat(_ f: Float) -> String {
        if f.isNaN { return "NaN" }
        if f.isInfinite { return f < 0 ? "-Infinity" : "Infinity" }
        if f == 0 { return f.sign == .minus ? "-0.0" : "0.0" }
        return java(shortest: "\(f)", magnitude: Double(abs(f)))
    }

    /// Re-spells Swift's shortest representation in Java's layout.
    private static func java(shortest: String, magnitude: Double) -> String {
        var s = shortest
        var negative = false
        if s.hasPrefix("-") { negative = true; s.removeFirst() }
        // Split Swift's form into digits and a decimal exponent: value = 0.DIGITS * 10^exp10.
        var mantissa = s, exponent = 0
        if let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = String(s[..<e])
            exponent = Int(s[s.index(after: e)...]) ?? 0
        }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let intPart = String(parts[0]), fracPart = parts.count > 1 ? String(parts[1]) : ""
        var digits = intPart + fracPart
        var pointPosition = intPart.count + exponent
        while digits.hasPrefix("0") && digits.count > 1 { digits.removeFirst(); pointPosition -= 1 }
        while digits.hasSuffix("0") && digits.count > 1 { digits.removeLast() }
        let sign = negative ? "-" : ""
        if magnitude >= 1e-3 && magnitude < 1e7 {
            if pointPosition <= 0 { return sign + "0." + String(repeating: "0", count: -pointPosition) + digits }
            if pointPosition >= digits.count { return sign + digits + String(repeating: "0", count: pointPosition - digits.count) + ".0" }
            let cut = digits.index(digits.startIndex, offsetBy: pointPosition)
            return sign + digits[..<cut] + "." + digits[cut...]
        }
        let first = digits.prefix(1), rest = digits.dropFirst()
        return sign + first + "." + (rest.isEmpty ? "0" : rest) + "E" + String(pointPosition - 1)
    }
}
