import PintailCore

/// One value as Presto's CLI shows it in text formats: `NULL`, `true`, Java-style doubles, decimals with exactly
/// their scale, `YYYY-MM-DD` dates, timestamps with the type's precision, `[a, b]` arrays, `{k=v}` maps and
/// `{f=v}` rows, varbinary as hex byte pairs. Nested NULLs always print as `NULL`; callers pick the top-level
/// spelling.
enum ValueText {
    static func text(_ value: Value, _ type: DataType, null: String = "NULL") -> String {
        if case .null = value { return null }
        var out = ""
        append(value, type, to: &out)
        return out
    }

    static func append(_ value: Value, _ type: DataType, to out: inout String) {
        switch (type, value) {
        case (_, .null): out += "NULL"
        case (_, .boolean(let b)): out += b ? "true" : "false"
        case (.real, .double(let d)): out += JavaNumberText.real(Float(d))
        case (_, .double(let d)): out += JavaNumberText.double(d)
        case (.decimal(_, let scale), .decimal(let unscaled)): out += decimal(unscaled, scale: scale)
        case (.decimal(_, let scale), .int(let unscaled)): out += decimal(Int128(unscaled), scale: scale)
        case (.date, .int(let days)): out += date(days)
        case (.timestamp(let precision), .int(let micros)): out += timestamp(micros, precision: precision)
        case (.time, .int(let micros)): out += time(micros)
        case (_, .int(let i)): out += String(i)
        case (_, .decimal(let i)): out += String(i)
        case (_, .string(let s)): out += s
        case (_, .bytes(let b)): out += hex(b)
        case (.array(let element), .array(let items)):
            appendList(items, types: { _ in element }, names: { _ in nil }, open: "[", close: "]", to: &out)
        case (_, .array(let items)):
            appendList(items, types: { _ in .unknown }, names: { _ in nil }, open: "[", close: "]", to: &out)
        case (_, .map(let keys, let values)):
            var keyType = DataType.unknown, valueType = DataType.unknown
            if case .map(let k, let v) = type { keyType = k; valueType = v }
            out += "{"
            for i in 0..<min(keys.count, values.count) {
                if i > 0 { out += ", " }
                append(keys[i], keyType, to: &out)
                out += "="
                append(values[i], valueType, to: &out)
            }
            out += "}"
        case (_, .row(let fields)):
            var fieldTypes: [RowField] = []
            if case .row(let f) = type { fieldTypes = f }
            appendList(
                fields, types: { $0 < fieldTypes.count ? fieldTypes[$0].type : .unknown },
                names: { $0 < fieldTypes.count ? fieldTypes[$0].name : nil }, open: "{", close: "}", to: &out)
        }
    }

    private static func appendList(
        _ items: [Value], types: (Int) -> DataType, names: (Int) -> String?, open: String, close: String,
        to out: inout String
    ) {
        out += open
        for (i, item) in items.enumerated() {
            if i > 0 { out += ", " }
            if let name = names(i) { out += name + "=" }
            append(item, types(i), to: &out)
        }
        out += close
    }

    /// The unscaled integer with a decimal point `scale` digits from the right: (-5, 2) is `-0.05`.
    static func decimal(_ unscaled: Int128, scale: Int) -> String {
        let digits = String(unscaled.magnitude)
        let sign = unscaled < 0 ? "-" : ""
        guard scale > 0 else { return sign + digits }
        let padded = digits.count <= scale ? String(repeating: "0", count: scale - digits.count + 1) + digits : digits
        let split = padded.index(padded.endIndex, offsetBy: -scale)
        return sign + padded[..<split] + "." + padded[split...]
    }

    static func date(_ days: Int64) -> String {
        guard let d = Int32(exactly: days) else { return String(days) }
        return Calendar.formatDate(d)
    }

    /// Timestamps carry microseconds; precisions above 6 print zeros for the digits that are not stored.
    static func timestamp(_ micros: Int64, precision: Int) -> String {
        // Far-out values would overflow the calendar's day arithmetic; show them raw rather than trap.
        guard micros.magnitude < UInt64(Int64.max / 2) else { return String(micros) }
        let shown = min(max(precision, 0), 6)
        let text = Calendar.formatTimestamp(micros, precision: shown)
        return precision > 6 ? text + String(repeating: "0", count: precision - 6) : text
    }

    static func time(_ micros: Int64) -> String {
        guard micros >= 0, micros < Calendar.microsPerDay else { return String(micros) }
        return Calendar.formatTime(micros, precision: 3)
    }

    /// Lower-case hex byte pairs separated by spaces, as Presto's CLI shows varbinary.
    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 3)
        for (i, b) in bytes.enumerated() {
            if i > 0 { out.append(0x20) }
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
