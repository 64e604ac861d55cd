/// Doubles and reals spelled as Java's `Double.toString` / `Float.toString` spell them, because that is what Presto's
/// and Trino's CLIs print: shortest round-trip digits, plain notation for magnitudes in [1e-3, 1e7) (`4.5`, `100.0`),
/// scientific otherwise (`1.0E10`, `1.0E-4`). Works on bytes: result printers call it for every double they print.
enum JavaNumberText {
    static func double(_ value: Double) -> String {
        var out: [UInt8] = []
        appendDouble(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static func real(_ value: Float) -> String {
        var out: [UInt8] = []
        appendReal(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static func appendDouble(_ value: Double, to out: inout [UInt8]) {
        if let special = special(isNaN: value.isNaN, isInfinite: value.isInfinite, isZero: value == 0,
                                 negative: value.sign == .minus) {
            out.append(contentsOf: special.utf8)
            return
        }
        let magnitude = value.magnitude
        var shortest = magnitude.description
        shortest.withUTF8 {
            layout(negative: value < 0, shortest: $0, plain: magnitude >= 1e-3 && magnitude < 1e7, to: &out)
        }
    }

    static func appendReal(_ value: Float, to out: inout [UInt8]) {
        if let special = special(isNaN: value.isNaN, isInfinite: value.isInfinite, isZero: value == 0,
                                 negative: value.sign == .minus) {
            out.append(contentsOf: special.utf8)
            return
        }
        let magnitude = value.magnitude
        var shortest = magnitude.description
        shortest.withUTF8 {
            layout(negative: value < 0, shortest: $0, plain: magnitude >= 1e-3 && magnitude < 1e7, to: &out)
        }
    }

    private static func special(isNaN: Bool, isInfinite: Bool, isZero: Bool, negative: Bool) -> String? {
        if isNaN { return "NaN" }
        if isInfinite { return negative ? "-Infinity" : "Infinity" }
        if isZero { return negative ? "-0.0" : "0.0" }
        return nil
    }

    /// Re-lays out Swift's shortest digits (`12.5`, `1e-05`, `1.5e+20`) in Java's notation.
    private static func layout(negative: Bool, shortest text: UnsafeBufferPointer<UInt8>, plain: Bool,
                               to out: inout [UInt8]) {
        let zero = UInt8(ascii: "0")
        var digits: [UInt8] = []
        digits.reserveCapacity(24)
        var integerDigits = 0
        var seenPoint = false
        var exponent = 0
        var i = 0
        while i < text.count {
            let c = text[i]
            if c == UInt8(ascii: ".") {
                seenPoint = true
            } else if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
                exponent = parseExponent(text, from: i + 1)
                break
            } else {
                digits.append(c)
                if !seenPoint { integerDigits += 1 }
            }
            i += 1
        }
        // The value is 0.d1d2d3... x 10^decimalPoint.
        var decimalPoint = integerDigits + exponent
        var leading = 0
        while leading < digits.count && digits[leading] == zero { leading += 1 }
        decimalPoint -= leading
        var end = digits.count
        while end > leading && digits[end - 1] == zero { end -= 1 }
        if negative { out.append(UInt8(ascii: "-")) }
        if end == leading {
            out.append(contentsOf: [zero, UInt8(ascii: "."), zero])
            return
        }
        let significant = digits[leading..<end]
        if plain {
            if decimalPoint <= 0 {
                out.append(contentsOf: [zero, UInt8(ascii: ".")])
                out.append(contentsOf: repeatElement(zero, count: -decimalPoint))
                out.append(contentsOf: significant)
            } else if decimalPoint >= significant.count {
                out.append(contentsOf: significant)
                out.append(contentsOf: repeatElement(zero, count: decimalPoint - significant.count))
                out.append(contentsOf: [UInt8(ascii: "."), zero])
            } else {
                let split = leading + decimalPoint
                out.append(contentsOf: digits[leading..<split])
                out.append(UInt8(ascii: "."))
                out.append(contentsOf: digits[split..<end])
            }
            return
        }
        out.append(digits[leading])
        out.append(UInt8(ascii: "."))
        if significant.count > 1 { out.append(contentsOf: digits[(leading + 1)..<end]) } else { out.append(zero) }
        out.append(UInt8(ascii: "E"))
        out.append(contentsOf: String(decimalPoint - 1).utf8)
    }

    private static func parseExponent(_ text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = start
        var negative = false
        if i < text.count && (text[i] == UInt8(ascii: "-") || text[i] == UInt8(ascii: "+")) {
            negative = text[i] == UInt8(ascii: "-")
            i += 1
        }
        var value = 0
        while i < text.count, text[i] >= UInt8(ascii: "0"), text[i] <= UInt8(ascii: "9"), value < 100_000 {
            value = value * 10 + Int(text[i] - UInt8(ascii: "0"))
            i += 1
        }
        return negative ? -value : value
    }
}
