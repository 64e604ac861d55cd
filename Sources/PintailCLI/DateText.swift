import PintailCore

/// `YYYY-MM-DD` written straight into a byte buffer (the result printers' fast path for date columns); years outside
/// 0...9999 fall back to the calendar's own formatting.
enum DateText {
    static func append(days: Int32, to out: inout [UInt8]) {
        let (year, month, day) = Calendar.civil(days: Int(days))
        guard (0...9999).contains(year) else {
            out.append(contentsOf: Calendar.formatDate(days).utf8)
            return
        }
        let zero = UInt8(ascii: "0")
        out.append(zero + UInt8(year / 1000))
        out.append(zero + UInt8(year / 100 % 10))
        out.append(zero + UInt8(year / 10 % 10))
        out.append(zero + UInt8(year % 10))
        out.append(UInt8(ascii: "-"))
        out.append(zero + UInt8(month / 10))
        out.append(zero + UInt8(month % 10))
        out.append(UInt8(ascii: "-"))
        out.append(zero + UInt8(day / 10))
        out.append(zero + UInt8(day % 10))
    }
}
