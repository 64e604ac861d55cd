import PintailCore
import PintailEngine

/// Aligned columns the way Trino's CLI draws them: centered header names, a `---+---` separator, numbers right-
/// aligned, text left-aligned, NULL as `NULL`. Unlike Trino, cells wider than `maxCellWidth` are cut with `...` and
/// control characters are escaped, so one row stays one terminal line.
struct TableRenderer {
    var maxCellWidth: Int

    func render(_ result: StatementResult, to out: TextChannel) {
        let columnCount = result.columns.count
        var cells: [[String]] = []
        cells.reserveCapacity(result.rowCount)
        var widths = result.columns.map { max(1, DisplayWidth.of(TerminalSafeText.escape($0.name))) }
        result.forEachRow { row in
            var line: [String] = []
            line.reserveCapacity(columnCount)
            for c in 0..<columnCount {
                let raw = c < row.count ? ValueText.text(row[c], result.type(ofColumn: c)) : "NULL"
                let cell = DisplayWidth.truncate(TerminalSafeText.escape(raw), to: maxCellWidth)
                widths[c] = max(widths[c], DisplayWidth.of(cell))
                line.append(cell)
            }
            cells.append(line)
        }
        let rightAligned = result.columns.map { $0.type.isNumeric }

        var header = ""
        for (c, column) in result.columns.enumerated() {
            if c > 0 { header += "|" }
            header += Self.center(TerminalSafeText.escape(column.name), width: widths[c])
        }
        out.writeLine(Self.trimmingTrailingSpaces(header))
        out.writeLine(widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "+"))
        for line in cells {
            var text = ""
            for (c, cell) in line.enumerated() {
                if c > 0 { text += "|" }
                text += Self.align(cell, width: widths[c], right: rightAligned[c])
            }
            out.writeLine(Self.trimmingTrailingSpaces(text))
        }
    }

    private static func center(_ text: String, width: Int) -> String {
        let spare = max(0, width - DisplayWidth.of(text))
        let left = spare / 2
        return String(repeating: " ", count: left + 1) + text + String(repeating: " ", count: spare - left + 1)
    }

    private static func align(_ text: String, width: Int, right: Bool) -> String {
        let pad = String(repeating: " ", count: max(0, width - DisplayWidth.of(text)))
        return right ? " " + pad + text + " " : " " + text + pad + " "
    }

    // Trailing blanks on the last column only pad the terminal line; dropping them keeps copied output tidy.
    private static func trimmingTrailingSpaces(_ text: String) -> String {
        var end = text.endIndex
        while end > text.startIndex, text[text.index(before: end)] == " " { end = text.index(before: end) }
        return String(text[..<end])
    }
}
