import PintailCore
import PintailEngine

/// A GitHub-flavoured Markdown pipe table: numbers right-aligned (`---:`), `|` escaped, newlines as `<br>`.
struct MarkdownRenderer {
    func render(_ result: StatementResult, to out: TextChannel) {
        out.writeLine("| " + result.columns.map { Self.cell($0.name) }.joined(separator: " | ") + " |")
        out.writeLine("|" + result.columns.map { $0.type.isNumeric ? " ---: |" : " --- |" }.joined())
        result.forEachRow { row in
            var line = "|"
            for (c, value) in row.enumerated() {
                line += " " + Self.cell(ValueText.text(value, result.type(ofColumn: c))) + " |"
            }
            out.writeLine(line)
        }
    }

    static func cell(_ text: String) -> String {
        var out = ""
        for ch in text.unicodeScalars {
            switch ch {
            case "|": out += "\\|"
            case "\n": out += "<br>"
            case "\r": continue
            default:
                if ch.value < 0x20 || ch.value == 0x7F { out += " " } else { out.unicodeScalars.append(ch) }
            }
        }
        return out
    }
}
