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
        let encoding: CellEncoding = style == .csv ? .csv : .tsv
        let separatorByte = style == .csv ? UInt8(ascii: ",") : 0x09
        var line: [UInt8] = []
        for batch in result.batches {
            let cells = batch.columns.map { CellColumn($0, encoding: encoding) }
            for r in 0..<batch.count {
                for (c, column) in cells.enumerated() {
                    if c > 0 { line.append(separatorByte) }
                    guard r < column.count, !column.isNull[r] else { continue }
                    line.append(contentsOf: column.bytes[column.offsets[r]..<column.offsets[r + 1]])
                }
                line.append(0x0A)
                if line.count >= 1 << 16 {
                    out.write(bytes: line)
                    line.removeAll(keepingCapacity: true)
                }
            }
        }
        out.write(bytes: line)
    }

    /// A header name, escaped like a value.
    private func field(_ text: String) -> String {
        var bytes: [UInt8] = []
        (style == .csv ? CellEncoding.csv : CellEncoding.tsv).append(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
