import PintailCore
import PintailEngine

/// csv and tsv. NULL is an empty field in both. csv follows RFC 4180 (fields holding a comma, quote, CR or LF are
/// quoted, quotes doubled; an empty string is written `""` so it differs from NULL) with LF line ends. tsv escapes
/// backslash, tab, newline and carriage return as `\\`, `\t`, `\n`, `\r`, as Hive and Trino's TSV do.
struct DelimitedRenderer {
    enum Style { case csv, tsv }
    var style: Style
    var header: Bool

    func render(_ result: StatementResult, to out: TextChannel) {
        let separator = style == .csv ? "," : "\t"
        if header {
            out.writeLine(result.columns.map { field($0.name) }.joined(separator: separator))
        }
        result.forEachRow { row in
            var line = ""
            for (c, value) in row.enumerated() {
                if c > 0 { line += separator }
                if case .null = value { continue }
                line += field(ValueText.text(value, result.type(ofColumn: c)))
            }
            out.writeLine(line)
        }
    }

    func field(_ text: String) -> String {
        switch style {
        case .csv: return Self.csvField(text)
        case .tsv: return Self.tsvField(text)
        }
    }

    static func csvField(_ text: String) -> String {
        if text.isEmpty { return "\"\"" }
        let needsQuotes = text.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else { return text }
        var quoted = "\""
        for ch in text.unicodeScalars {
            if ch == "\"" { quoted += "\"\"" } else { quoted.unicodeScalars.append(ch) }
        }
        return quoted + "\""
    }

    static func tsvField(_ text: String) -> String {
        let needsEscape = text.utf8.contains { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        guard needsEscape else { return text }
        var escaped = String.UnicodeScalarView()
        for ch in text.unicodeScalars {
            switch ch {
            case "\\": escaped.append(contentsOf: "\\\\".unicodeScalars)
            case "\t": escaped.append(contentsOf: "\\t".unicodeScalars)
            case "\n": escaped.append(contentsOf: "\\n".unicodeScalars)
            case "\r": escaped.append(contentsOf: "\\r".unicodeScalars)
            default: escaped.append(ch)
            }
        }
        return String(escaped)
    }
}
