/// Doubles and reals spelled as Java's `Double.toString` / `Float.toString` spell them, because that is what Presto's
/// and Trino's CLIs print: shortest round-trip digits, plain notation for magnitudes in [1e-3, 1e7) (`4.5`, `100.0`),
/// scientific otherwise (`1.0E10`, `1.0E-4`).
enum JavaNumberText {
    static func double(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        if value == 0 { return value.sign == .minus ? "-0.0" : "0.0" }
        let magnitude = value.magnitude
        return layout(negative: value < 0, shortest: magnitude.description, plain: magnitude >= 1e-3 && magnitude < 1e7)
    }

    static func real(_ value: Float) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        if value == 0 { return value.sign == .minus ? "-0.0" : "0.0" }
        let magnitude = value.magnitude
        return layout(negative: value < 0, shortest: magnitude.description, plain: magnitude >= 1e-3 && magnitude < 1e7)
    }

    /// Re-lays out Swift's shortest digits (`12.5`, `1e-05`, `1.5e+20`) in Java's notation.
    private static func layout(negative: Bool, shortest: String, plain: Bool) -> String {
        var mantissa = Substring(shortest)
        var exponent = 0
        if let e = mantissa.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(mantissa[mantissa.index(after: e)...]) ?? 0
            mantissa = mantissa[..<e]
        }
        let point = mantissa.firstIndex(of: ".") ?? mantissa.endIndex
        let integerPart = mantissa[..<point]
        let fractionPart = point < mantissa.endIndex ? mantissa[mantissa.index(after: point)...] : ""
        // The value is 0.d1d2d3... x 10^decimalPoint.
        var digits = Array(integerPart) + Array(fractionPart)
        var decimalPoint = integerPart.count + exponent
        while digits.first == "0" {
            digits.removeFirst()
            decimalPoint -= 1
        }
        while digits.last == "0" { digits.removeLast() }
        let sign = negative ? "-" : ""
        if digits.isEmpty { return sign + "0.0" }

        if plain {
            if decimalPoint <= 0 {
                return sign + "0." + String(repeating: "0", count: -decimalPoint) + String(digits)
            }
            if decimalPoint >= digits.count {
                return sign + String(digits) + String(repeating: "0", count: decimalPoint - digits.count) + ".0"
            }
            return sign + String(digits[..<decimalPoint]) + "." + String(digits[decimalPoint...])
        }
        let fraction = digits.count > 1 ? String(digits[1...]) : "0"
        return sign + String(digits[0]) + "." + fraction + "E" + String(decimalPoint - 1)
    }
}
