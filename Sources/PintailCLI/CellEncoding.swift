/// How one cell's text is escaped for an output format.
enum CellEncoding {
    /// The text as is (table and Markdown escape it later, per cell).
    case plain
    /// RFC 4180: quoted when holding a comma, quote, CR or LF, or when empty (so "" differs from NULL).
    case csv
    /// Backslash, tab, newline and carriage return escaped as `\\`, `\t`, `\n`, `\r`.
    case tsv
    /// A JSON string literal.
    case jsonString

    /// Appends `text` (valid UTF-8) to `out`, escaped.
    @inline(__always)
    func append(_ text: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        switch self {
        case .plain:
            out.append(contentsOf: text)
        case .csv:
            let needsQuotes = text.isEmpty || text.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            guard needsQuotes else { out.append(contentsOf: text); return }
            out.append(0x22)
            for b in text {
                if b == 0x22 { out.append(0x22) }
                out.append(b)
            }
            out.append(0x22)
        case .tsv:
            for b in text {
                switch b {
                case 0x5C: out.append(0x5C); out.append(0x5C)
                case 0x09: out.append(0x5C); out.append(UInt8(ascii: "t"))
                case 0x0A: out.append(0x5C); out.append(UInt8(ascii: "n"))
                case 0x0D: out.append(0x5C); out.append(UInt8(ascii: "r"))
                default: out.append(b)
                }
            }
        case .jsonString:
            out.append(0x22)
            for b in text {
                switch b {
                case 0x22: out.append(0x5C); out.append(0x22)
                case 0x5C: out.append(0x5C); out.append(0x5C)
                case 0x0A: out.append(0x5C); out.append(UInt8(ascii: "n"))
                case 0x0D: out.append(0x5C); out.append(UInt8(ascii: "r"))
                case 0x09: out.append(0x5C); out.append(UInt8(ascii: "t"))
                case 0..<0x20:
                    let hex = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 15)]])
                default: out.append(b)
                }
            }
            out.append(0x22)
        }
    }

    func append(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { append($0, to: &out) }
    }
}
