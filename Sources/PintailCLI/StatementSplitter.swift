/// Finds where statements end in text typed line by line: at a `;` that is outside string literals ('...'),
/// quoted identifiers ("..." and Hive's `...`) and comments (`--` to end of line, `/* ... */`). The interactive
/// shell uses it to decide whether to run what was typed or to ask for a continuation line.
public enum StatementSplitter {
    public struct Split: Equatable, Sendable {
        /// Each complete statement with its terminating `;`; statements with nothing but blanks and comments are
        /// left out.
        public var statements: [String]
        /// Text after the last `;`, not yet a complete statement.
        public var remainder: String
    }

    public static func split(_ text: String) -> Split {
        let bytes = Array(text.utf8)
        var statements: [String] = []
        var start = 0
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "`"):
                i = endOfQuoted(bytes, from: i, quote: b)
            case UInt8(ascii: "-") where i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "-"):
                while i < bytes.count && bytes[i] != 0x0A { i += 1 }
            case UInt8(ascii: "/") where i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "*"):
                i += 2
                while i < bytes.count && !(bytes[i] == UInt8(ascii: "*") && i + 1 < bytes.count
                    && bytes[i + 1] == UInt8(ascii: "/")) { i += 1 }
                i = min(bytes.count, i + 2)
            case UInt8(ascii: ";"):
                let statement = String(decoding: bytes[start...i], as: UTF8.self)
                if !isBlank(String(decoding: bytes[start..<i], as: UTF8.self)) { statements.append(statement) }
                i += 1
                start = i
            default:
                i += 1
            }
        }
        return Split(statements: statements, remainder: String(decoding: bytes[min(start, bytes.count)...], as: UTF8.self))
    }

    /// The index just past the closing quote (a doubled quote is an escaped one), or the end when unterminated.
    private static func endOfQuoted(_ bytes: [UInt8], from open: Int, quote: UInt8) -> Int {
        var i = open + 1
        while i < bytes.count {
            if bytes[i] == quote {
                if i + 1 < bytes.count && bytes[i + 1] == quote { i += 2; continue }
                return i + 1
            }
            i += 1
        }
        return bytes.count
    }

    /// True when `text` holds only whitespace and comments.
    public static func isBlank(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C {
                i += 1
            } else if b == UInt8(ascii: "-") && i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "-") {
                while i < bytes.count && bytes[i] != 0x0A { i += 1 }
            } else if b == UInt8(ascii: "/") && i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "*") {
                i += 2
                while i < bytes.count && !(bytes[i] == UInt8(ascii: "*") && i + 1 < bytes.count
                    && bytes[i + 1] == UInt8(ascii: "/")) { i += 1 }
                // An unterminated comment still expects more text.
                if i >= bytes.count { return false }
                i += 2
            } else {
                return false
            }
        }
        return true
    }
}
