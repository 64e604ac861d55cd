import PintailCore
import PintailEngine

/// Aligned columns the way Trino's CLI draws them: centered header names, a `---+---` separator, numbers right-
/// aligned, text left-aligned, NULL as `NULL`. Unlike Trino, cells wider than `maxCellWidth` are cut with `...` and
/// control characters are escaped, so one row stays one terminal line; trailing blanks are trimmed.
struct TableRenderer {
    var maxCellWidth: Int

    func render(_ result: StatementResult, to out: TextChannel) {
        let columnCount = result.columns.count
        var widths = result.columns.map { max(1, DisplayWidth.of(TerminalSafeText.escape($0.name))) }
        // Every cell's display text, batch by batch; the widths are known only after the last row.
        var batches: [[DisplayColumn]] = []
        for batch in result.batches {
            var columns: [DisplayColumn] = []
            for c in 0..<columnCount {
                let cells = c < batch.columns.count ? CellColumn(batch.columns[c], encoding: .plain) : nil
                let column = DisplayColumn(cells, rows: batch.count, maxWidth: maxCellWidth)
                widths[c] = max(widths[c], column.maxWidth)
                columns.append(column)
            }
            batches.append(columns)
        }

        var header = ""
        for (c, column) in result.columns.enumerated() {
            if c > 0 { header += "|" }
            header += Self.center(TerminalSafeText.escape(column.name), width: widths[c])
        }
        out.writeLine(Self.trimmingTrailingSpaces(header))
        out.writeLine(widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "+"))

        let rightAligned = result.columns.map { $0.type.isNumeric }
        var line: [UInt8] = []
        for (b, batch) in result.batches.enumerated() {
            for r in 0..<batch.count {
                for c in 0..<columnCount {
                    if c > 0 { line.append(UInt8(ascii: "|")) }
                    let column = batches[b][c]
                    let pad = widths[c] - Int(column.widths[r])
                    line.append(0x20)
                    if rightAligned[c] { line.append(contentsOf: repeatElement(0x20, count: pad)) }
                    line.append(contentsOf: column.bytes[column.offsets[r]..<column.offsets[r + 1]])
                    if !rightAligned[c] { line.append(contentsOf: repeatElement(0x20, count: pad)) }
                    line.append(0x20)
                }
                while line.last == 0x20 { line.removeLast() }
                line.append(0x0A)
                if line.count >= 1 << 16 {
                    out.write(bytes: line)
                    line.removeAll(keepingCapacity: true)
                }
            }
        }
        out.write(bytes: line)
    }

    private static func center(_ text: String, width: Int) -> String {
        let spare = max(0, width - DisplayWidth.of(text))
        let left = spare / 2
        return String(repeating: " ", count: left + 1) + text + String(repeating: " ", count: spare - left + 1)
    }

    private static func trimmingTrailingSpaces(_ text: String) -> String {
        var end = text.endIndex
        while end > text.startIndex, text[text.index(before: end)] == " " { end = text.index(before: end) }
        return String(text[..<end])
    }
}

/// One column of a batch as the table shows it: escaped, cut to the maximum width, with each cell's width in
/// terminal columns. Printable ASCII cells (most of them) are copied without any Unicode work.
private struct DisplayColumn {
    var bytes: [UInt8] = []
    var offsets: [Int] = [0]
    var widths: [Int32] = []
    var maxWidth = 0

    init(_ cells: CellColumn?, rows: Int, maxWidth limit: Int) {
        widths.reserveCapacity(rows)
        offsets.reserveCapacity(rows + 1)
        for r in 0..<rows {
            guard let cells, r < cells.count, !cells.isNull[r] else {
                append(Array("NULL".utf8), width: 4)
                continue
            }
            let slice = cells.bytes[cells.offsets[r]..<cells.offsets[r + 1]]
            let printableASCII = slice.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
            if printableASCII && (limit <= 0 || slice.count <= limit) {
                bytes.append(contentsOf: slice)
                offsets.append(bytes.count)
                record(width: slice.count)
            } else {
                let shown = DisplayWidth.truncate(TerminalSafeText.escape(cells.text(at: r)), to: limit)
                append(Array(shown.utf8), width: DisplayWidth.of(shown))
            }
        }
    }

    private mutating func append(_ text: [UInt8], width: Int) {
        bytes.append(contentsOf: text)
        offsets.append(bytes.count)
        record(width: width)
    }

    private mutating func record(width: Int) {
        widths.append(Int32(clamping: width))
        maxWidth = max(maxWidth, width)
    }
}
