import PintailCore
import PintailSQL

/// Types literals as Presto does: integers are `integer` when they fit, else `bigint`; `1.5` is a decimal; `1e3` a
/// double; strings are varchar.
public enum LiteralBinder {
    static func bind(_ lit: Literal, at location: SourceLocation) throws -> BoundExpr {
        switch lit {
        case .null: return .literal(.null, .unknown)
        case .boolean(let b): return .literal(.boolean(b), .boolean)
        case .integer(let text):
            guard let v = Int64(text) else {
                // Too large for bigint: Presto reads it as a decimal.
                if let d = parseDecimal(text) { return d }
                throw SemanticError("Invalid numeric literal: \(text)", at: location)
            }
            return .literal(.int(v), Int32(exactly: v) != nil ? .integer : .bigint)
        case .decimal(let text):
            guard let d = parseDecimal(text) else { throw SemanticError("Invalid decimal literal: \(text)", at: location) }
            return d
        case .double(let text):
            guard let v = Double(text) else { throw SemanticError("Invalid double literal: \(text)", at: location) }
            return .literal(.double(v), .double)
        case .string(let s):
            return .literal(.string(s.value), .string)
        case .binary(let hex):
            var bytes: [UInt8] = []
            var chars = Array(hex.utf8)
            if chars.count % 2 == 1 { chars.insert(UInt8(ascii: "0"), at: 0) }
            var i = 0
            while i < chars.count {
                guard let b = UInt8(String(decoding: chars[i..<i + 2], as: UTF8.self), radix: 16) else {
                    throw SemanticError("Binary literal can only contain hexadecimal digits", at: location)
                }
                bytes.append(b)
                i += 2
            }
            return .literal(.bytes(bytes), .varbinary)
        case .typed(let type, let value):
            switch type.lowercased() {
            case "date":
                guard let d = Calendar.parseDate(value.value.trimmingSpaces()) else {
                    throw SemanticError("Value cannot be cast to date: \(value.value)", at: location)
                }
                return .literal(.int(Int64(d)), .date)
            case "timestamp":
                guard let t = Calendar.parseTimestamp(value.value.trimmingSpaces()) else {
                    throw SemanticError("Value cannot be cast to timestamp: \(value.value)", at: location)
                }
                return .literal(.int(t), .timestamp(precision: 3))
            case "decimal":
                guard let d = parseDecimal(value.value) else {
                    throw SemanticError("Value cannot be cast to decimal: \(value.value)", at: location)
                }
                return d
            case "varchar", "char", "json":
                return .literal(.string(value.value), type.lowercased() == "json" ? .json : .string)
            default:
                throw SemanticError("\(type.uppercased()) literals are not supported yet", at: location)
            }
        case .interval:
            throw SemanticError("INTERVAL values can only be added to or subtracted from a date or timestamp", at: location)
        }
    }

    /// Decimal text (`-12.50`) as a literal of the narrowest decimal type that holds it, or nil when it is not one.
    /// Shared with CAST(varchar AS decimal) in the executor.
    public static func parseDecimal(_ text: String) -> BoundExpr? {
        var digits = 0, scale = 0, seenPoint = false, seenDigit = false
        var unscaled: Int128 = 0
        var negative = false
        for (i, c) in text.enumerated() {
            if (c == "-" || c == "+") && i == 0 { negative = c == "-"; continue }
            if c == "." { if seenPoint { return nil }; seenPoint = true; continue }
            guard c.isASCII, let d = c.wholeNumberValue else { return nil }
            seenDigit = true
            if digits > 0 || d != 0 || seenPoint { digits += 1 }
            if seenPoint { scale += 1 }
            guard digits <= 38 else { return nil }
            unscaled = unscaled * 10 + Int128(d)
        }
        guard seenDigit else { return nil }
        return .literal(.decimal(negative ? -unscaled : unscaled), .decimal(precision: max(digits, scale, 1), scale: scale))
    }

    static func negate(_ v: Value) -> Value {
        switch v {
        case .int(let i): return .int(-i)
        case .double(let d): return .double(-d)
        case .decimal(let d): return .decimal(-d)
        default: return v
        }
    }
}

extension String {
    /// The text without leading and trailing blanks (Presto trims these when casting text to numbers and dates).
    public func trimmingSpaces() -> String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
