import PintailCore

/// Typed parsing of one text field, as Hive's lazy objects parse them. Each returns nil when the text is not a value
/// of the type (the reader then stores NULL and counts a bad field). Fast paths avoid Foundation.
enum TextFieldParsers {
    @inline(__always)
    static func parseInteger(_ p: UnsafeRawBufferPointer) -> Int64? {
        var i = 0
        let n = p.count
        guard n > 0 else { return nil }
        var negative = false
        if p[0] == 0x2D || p[0] == 0x2B {
            negative = p[0] == 0x2D
            i = 1
            guard n > 1 else { return nil }
        }
        var value: Int64 = 0
        while i < n {
            let d = p[i] &- 0x30
            guard d < 10 else { return nil }
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (a, o2) = negative ? m.subtractingReportingOverflow(Int64(d)) : m.addingReportingOverflow(Int64(d))
            guard !o1, !o2 else { return nil }
            value = a
            i += 1
        }
        return value
    }

    private static let powersOfTen: [Double] = (0...22).map { e in (0..<e).reduce(1.0) { r, _ in r * 10 } }

    /// Decimal text to double: Clinger's fast path when exact, `strtod` otherwise.
    static func parseDouble(_ p: UnsafeRawBufferPointer) -> Double? {
        let n = p.count
        guard n > 0 else { return nil }
        var i = 0
        var negative = false
        if p[0] == 0x2D || p[0] == 0x2B { negative = p[0] == 0x2D; i = 1 }
        var mantissa: UInt64 = 0
        var digits = 0
        var exponent = 0
        var sawDigit = false
        while i < n, p[i] &- 0x30 < 10 {
            if digits < 19 { mantissa = mantissa * 10 + UInt64(p[i] - 0x30); if mantissa > 0 { digits += 1 } } else { exponent += 1 }
            sawDigit = true
            i += 1
        }
        if i < n, p[i] == 0x2E {
            i += 1
            while i < n, p[i] &- 0x30 < 10 {
                if digits < 19 { mantissa = mantissa * 10 + UInt64(p[i] - 0x30); if mantissa > 0 { digits += 1 }; exponent -= 1 }
                sawDigit = true
                i += 1
            }
        }
        if i == n, sawDigit, mantissa < (1 << 53), exponent >= -22, exponent <= 22 {
            let m = Double(mantissa)
            let v = exponent < 0 ? m / powersOfTen[-exponent] : m * powersOfTen[exponent]
            return negative ? -v : v
        }
        return slowDouble(p)
    }

    private static func slowDouble(_ p: UnsafeRawBufferPointer) -> Double? {
        // Infinity, NaN, exponents and long mantissas: let Swift's parser (strtod-exact) decide.
        guard let text = String(validating: p, as: UTF8.self) else { return nil }
        switch text {
        case "NaN": return .nan
        case "Infinity", "+Infinity": return .infinity
        case "-Infinity": return -.infinity
        default: break
        }
        guard let first = text.utf8.first, first != 0x20, text.utf8.last != 0x20 else { return nil }
        guard text.lowercased() != "inf", text.lowercased() != "nan" else { return nil }
        return Double(text)
    }

    /// Text like `-12.345` to an unscaled decimal with `scale` digits, rounding half up; nil if it does not fit.
    static func parseDecimal(_ p: UnsafeRawBufferPointer, precision: Int, scale: Int) -> Int128? {
        let n = p.count
        guard n > 0 else { return nil }
        var i = 0
        var negative = false
        if p[0] == 0x2D || p[0] == 0x2B { negative = p[0] == 0x2D; i = 1 }
        var value: Int128 = 0
        var fractionDigits = 0
        var sawPoint = false
        var sawDigit = false
        var roundUp = false
        var extraDigits = 0
        while i < n {
            let c = p[i]
            if c == 0x2E, !sawPoint {
                sawPoint = true
            } else if c &- 0x30 < 10 {
                sawDigit = true
                if sawPoint {
                    if fractionDigits == scale {
                        // Only the first dropped digit decides rounding (half up, as Hive's HiveDecimal does).
                        if extraDigits == 0 { roundUp = c >= 0x35 }
                        extraDigits += 1
                        i += 1
                        continue
                    }
                    fractionDigits += 1
                }
                value = value * 10 + Int128(c - 0x30)
                if value > maxUnscaled(precision) * 10 { return nil }
            } else {
                return nil
            }
            i += 1
        }
        guard sawDigit else { return nil }
        while fractionDigits < scale { value *= 10; fractionDigits += 1 }
        if roundUp { value += 1 }
        guard value <= maxUnscaled(precision) else { return nil }
        return negative ? -value : value
    }

    static func maxUnscaled(_ precision: Int) -> Int128 {
        var v: Int128 = 1
        for _ in 0..<min(precision, 38) { v *= 10 }
        return v - 1
    }

    static func parseBoolean(_ p: UnsafeRawBufferPointer) -> Bool? {
        // Hive accepts true/false in any case.
        if p.count == 4, p[0] | 0x20 == 0x74, p[1] | 0x20 == 0x72, p[2] | 0x20 == 0x75, p[3] | 0x20 == 0x65 { return true }
        if p.count == 5, p[0] | 0x20 == 0x66, p[1] | 0x20 == 0x61, p[2] | 0x20 == 0x6C, p[3] | 0x20 == 0x73,
           p[4] | 0x20 == 0x65 { return false }
        return nil
    }
}
