import PintailCore
import PintailEngine

/// JSON Lines: one object per row keyed by column name. Numbers stay numbers (decimals keep their scale, doubles
/// print as Java does; NaN and infinities, which JSON lacks, become strings), NULL is `null`, arrays and rows become
/// JSON arrays and objects, maps objects keyed by the key's text; dates, timestamps and varbinary (hex) are strings.
struct JSONLinesRenderer {
    func render(_ result: StatementResult, to out: TextChannel) {
        let keys = result.columns.map { Array((Self.quoted($0.name) + ":").utf8) }
        var line: [UInt8] = []
        for batch in result.batches {
            let cells = batch.columns.map { CellColumn($0, encoding: .jsonString) }
            for r in 0..<batch.count {
                line.append(UInt8(ascii: "{"))
                for (c, column) in cells.enumerated() {
                    if c > 0 { line.append(UInt8(ascii: ",")) }
                    line.append(contentsOf: c < keys.count ? keys[c] : Array((Self.quoted("_col\(c)") + ":").utf8))
                    if r < column.count, !column.isNull[r] {
                        line.append(contentsOf: column.bytes[column.offsets[r]..<column.offsets[r + 1]])
                    } else {
                        line.append(contentsOf: "null".utf8)
                    }
                }
                line.append(contentsOf: "}\n".utf8)
                if line.count >= 1 << 16 {
                    out.write(bytes: line)
                    line.removeAll(keepingCapacity: true)
                }
            }
        }
        out.write(bytes: line)
    }

    static func append(_ value: Value, _ type: DataType, to out: inout String) {
        switch (type, value) {
        case (_, .null): out += "null"
        case (_, .boolean(let b)): out += b ? "true" : "false"
        case (.date, _), (.timestamp, _), (.time, _), (.varchar, _), (.char, _), (.json, _):
            out += quoted(ValueText.text(value, type))
        case (_, .int), (_, .decimal):
            out += ValueText.text(value, type)
        case (_, .double(let d)):
            let text = ValueText.text(value, type)
            out += d.isFinite ? text : quoted(text)
        case (_, .string(let s)): out += quoted(s)
        case (_, .bytes(let b)): out += quoted(ValueText.hex(b))
        case (_, .array(let items)):
            var element = DataType.unknown
            if case .array(let e) = type { element = e }
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                append(item, element, to: &out)
            }
            out += "]"
        case (_, .map(let keys, let values)):
            var keyType = DataType.unknown, valueType = DataType.unknown
            if case .map(let k, let v) = type { keyType = k; valueType = v }
            out += "{"
            for i in 0..<min(keys.count, values.count) {
                if i > 0 { out += "," }
                out += quoted(ValueText.text(keys[i], keyType)) + ":"
                append(values[i], valueType, to: &out)
            }
            out += "}"
        case (_, .row(let values)):
            var fields: [RowField] = []
            if case .row(let f) = type { fields = f }
            // Rows with every field named are objects; anonymous rows are arrays.
            let named = fields.count == values.count && fields.allSatisfy { $0.name != nil }
            out += named ? "{" : "["
            for (i, item) in values.enumerated() {
                if i > 0 { out += "," }
                if named, let name = fields[i].name { out += quoted(name) + ":" }
                append(item, i < fields.count ? fields[i].type : .unknown, to: &out)
            }
            out += named ? "}" : "]"
        }
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped (RFC 8259).
    static func quoted(_ text: String) -> String {
        var out = "\""
        for ch in text.unicodeScalars {
            switch ch {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if ch.value < 0x20 {
                    let hex = String(ch.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(ch)
                }
            }
        }
        return out + "\""
    }
}
