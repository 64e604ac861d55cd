/// Formats a double the way Java's `Double.toString` does (shortest digits that round-trip; plain notation for
/// magnitudes in [1e-3, 1e7), otherwise `1.0E-4` style), so error messages quote numbers exactly as Trino does.
func javaDoubleString(_ value: Double) -> String {
    if value.isNaN { return "NaN" }
    if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
    if value == 0 { return value.sign == .minus ? "-0.0" : "0.0" }
    let sign = value < 0 ? "-" : ""
    let magnitude = Swift.abs(value)

    // Swift's description also prints the shortest round-tripping digits; only the layout differs.
    var text = Substring(magnitude.description)
    var exponent = 0
    if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
        exponent = Int(text[text.index(after: e)...]) ?? 0
        text = text[..<e]
    }
    let point = text.firstIndex(of: ".") ?? text.endIndex
    let integerDigits = text[..<point]
    let fractionDigits = point < text.endIndex ? text[text.index(after: point)...] : ""
    // value = 0.<digits> x 10^pointPosition
    var digits = Array(integerDigits + fractionDigits)
    var pointPosition = integerDigits.count + exponent
    while digits.first == "0" {
        digits.removeFirst()
        pointPosition -= 1
    }
    while digits.last == "0" { digits.removeLast() }
    if digits.isEmpty { return sign + "0.0" }

    if magnitude >= 1e-3 && magnitude < 1e7 {
        if pointPosition <= 0 {
            return sign + "0." + String(repeating: "0", count: -pointPosition) + String(digits)
        }
        if pointPosition >= digits.count {
            return sign + String(digits) + String(repeating: "0", count: pointPosition - digits.count) + ".0"
        }
        return sign + String(digits[..<pointPosition]) + "." + String(digits[pointPosition...])
    }
    let tail = digits.count > 1 ? String(digits[1...]) : "0"
    return sign + String(digits[0]) + "." + tail + "E" + String(pointPosition - 1)
}
