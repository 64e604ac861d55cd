/// Encodes string lists as JSON text for single SQLite columns: partition values `["2015",null]` and
/// properties `[["key","value"]]`. JSON keeps the catalog readable with the `sqlite3` shell and
/// queryable with SQLite's `json_each`; the encoding is canonical, so equal lists give equal text
/// (which the UNIQUE index on partition values relies on).
enum StringListCoding {
    struct DecodingError: Error {}

    static func encode(_ values: [String?]) -> String {
        var out = "["
        for (index, value) in values.enumerated() {
            if index > 0 { out += "," }
            if let value { appendQuoted(value, to: &out) } else { out += "null" }
        }
        return out + "]"
    }

    static func encode(_ properties: Properties) -> String {
        var out = "["
        for (index, entry) in properties.entries.enumerated() {
            if index > 0 { out += "," }
            out += "["
            appendQuoted(entry.key, to: &out)
            out += ","
            appendQuoted(entry.value, to: &out)
            out += "]"
        }
        return out + "]"
    }

    static func decodeValues(_ text: String) throws(DecodingError) -> [String?] {
        var parser = Parser(bytes: Array(text.utf8))
        var values: [String?] = []
        try parser.list { (parser: inout Parser) throws(DecodingError) in
            values.append(try parser.optionalString())
        }
        try parser.end()
        return values
    }

    static func decodeProperties(_ text: String) throws(DecodingError) -> Properties {
        var parser = Parser(bytes: Array(text.utf8))
        var entries: [Properties.Entry] = []
        try parser.list { (parser: inout Parser) throws(DecodingError) in
            var pair: [String] = []
            try parser.list { (parser: inout Parser) throws(DecodingError) in
                guard let string = try parser.optionalString() else { throw DecodingError() }
                pair.append(string)
            }
            guard pair.count == 2 else { throw DecodingError() }
            entries.append(Properties.Entry(key: pair[0], value: pair[1]))
        }
        try parser.end()
        return Properties(entries)
    }

    private static func appendQuoted(_ string: String, to out: inout String) {
        out += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }

    /// Just enough JSON for arrays of strings and nulls.
    private struct Parser {
        let bytes: [UInt8]
        var position = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func list(_ element: (inout Parser) throws(DecodingError) -> Void) throws(DecodingError) {
            skipSpace()
            try expect(UInt8(ascii: "["))
            skipSpace()
            if peek() == UInt8(ascii: "]") {
                position += 1
                return
            }
            while true {
                skipSpace()
                try element(&self)
                skipSpace()
                guard let byte = next() else { throw DecodingError() }
                if byte == UInt8(ascii: "]") { return }
                guard byte == UInt8(ascii: ",") else { throw DecodingError() }
            }
        }

        mutating func optionalString() throws(DecodingError) -> String? {
            if bytes[position...].starts(with: "null".utf8) {
                position += 4
                return nil
            }
            try expect(UInt8(ascii: "\""))
            var utf8: [UInt8] = []
            while let byte = next() {
                switch byte {
                case UInt8(ascii: "\""): return String(decoding: utf8, as: UTF8.self)
                case UInt8(ascii: "\\"): try unescape(into: &utf8)
                default: utf8.append(byte)
                }
            }
            throw DecodingError()
        }

        mutating func end() throws(DecodingError) {
            skipSpace()
            guard position == bytes.count else { throw DecodingError() }
        }

        private mutating func unescape(into utf8: inout [UInt8]) throws(DecodingError) {
            guard let byte = next() else { throw DecodingError() }
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(byte)
            case UInt8(ascii: "n"): utf8.append(0x0A)
            case UInt8(ascii: "r"): utf8.append(0x0D)
            case UInt8(ascii: "t"): utf8.append(0x09)
            case UInt8(ascii: "b"): utf8.append(0x08)
            case UInt8(ascii: "f"): utf8.append(0x0C)
            case UInt8(ascii: "u"):
                var code = try hex4()
                if (0xD800..<0xDC00).contains(code) {
                    // A surrogate pair spells one scalar outside the basic plane.
                    try expect(UInt8(ascii: "\\"))
                    try expect(UInt8(ascii: "u"))
                    let low = try hex4()
                    guard (0xDC00..<0xE000).contains(low) else { throw DecodingError() }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let scalar = Unicode.Scalar(code) else { throw DecodingError() }
                utf8.append(contentsOf: Array(String(Character(scalar)).utf8))
            default: throw DecodingError()
            }
        }

        private mutating func hex4() throws(DecodingError) -> UInt32 {
            guard position + 4 <= bytes.count,
                let code = UInt32(String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16)
            else { throw DecodingError() }
            position += 4
            return code
        }

        private func peek() -> UInt8? { position < bytes.count ? bytes[position] : nil }

        private mutating func next() -> UInt8? {
            guard position < bytes.count else { return nil }
            defer { position += 1 }
            return bytes[position]
        }

        private mutating func expect(_ byte: UInt8) throws(DecodingError) {
            guard next() == byte else { throw DecodingError() }
        }

        private mutating func skipSpace() {
            while let byte = peek(), byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { position += 1 }
        }
    }
}
