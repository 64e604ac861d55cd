import PintailCore
import PintailEngine

/// A GitHub-flavoured Markdown pipe table: numbers right-aligned (`---:`), `|` escaped, newlines as `<br>`.
struct MarkdownRenderer {
    func render(_ result: StatementResult, to out: TextChannel) {
        out.writeLine("| " + result.columns.map { Self.cell($0.name) }.joined(separator: " | ") + " |")
        out.writeLine("|" + result.columns.map { $0.type.isNumeric ? " ---: |" : " --- |" }.joined())
        for batch in result.batches {
            let columns = batch.columns.map { CellColumn($0, encoding: .plain) }
            for r in 0..<batch.count {
                var line = "|"
                for c in 0..<result.columns.count {
                    let null = c >= columns.count || r >= columns[c].count || columns[c].isNull[r]
                    line += " " + Self.cell(null ? "NULL" : columns[c].text(at: r)) + " |"
                }
                out.writeLine(line)
            }
        }
    }

    static func cell(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 != 0x7C && $0 != 0x7F }) { return text }
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
