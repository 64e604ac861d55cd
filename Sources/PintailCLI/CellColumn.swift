import PintailCore

/// The printed text of every row of one column, formatted a column at a time: one switch on the storage kind, then a
/// tight loop over the typed buffer. Common types (integers, doubles, booleans, dates, strings) take these fast paths;
/// the rest go through `ValueText` and `JSONLinesRenderer` value by value.
struct CellColumn {
    /// Cell `i` is `bytes[offsets[i] ..< offsets[i + 1]]`, already escaped for the encoding.
    var offsets: [Int] = [0]
    var bytes: [UInt8] = []
    var isNull: [Bool] = []

    init(_ vector: Vector, encoding: CellEncoding) {
        let flat = vector.flattened()
        let count = min(flat.count, flat.storage.count)
        offsets.reserveCapacity(count + 1)
        isNull = (0..<count).map { !flat.isValid($0) }
        let json = encoding == .jsonString
        switch (flat.type, flat.storage) {
        case (.tinyint, .int8(let a)): appendIntegers(a, count)
        case (.smallint, .int16(let a)): appendIntegers(a, count)
        case (.integer, .int32(let a)): appendIntegers(a, count)
        case (.bigint, .int64(let a)): appendIntegers(a, count)
        case (.boolean, .bool(let a)):
            for i in 0..<count { appendASCII(a[i] != 0 ? "true" : "false") }
        case (.double, .float64(let a)):
            for i in 0..<count {
                // Digits, signs, '.' and 'E' need no escaping; only JSON's non-finite values become strings.
                if json && !a[i].isFinite { appendText(JavaNumberText.double(a[i]), encoding); continue }
                JavaNumberText.appendDouble(a[i], to: &bytes)
                offsets.append(bytes.count)
            }
        case (.real, .float32(let a)):
            for i in 0..<count {
                if json && !a[i].isFinite { appendText(JavaNumberText.real(a[i]), encoding); continue }
                JavaNumberText.appendReal(a[i], to: &bytes)
                offsets.append(bytes.count)
            }
        case (.date, .int32(let a)):
            for i in 0..<count {
                if json { bytes.append(UInt8(ascii: "\"")) }
                DateText.append(days: a[i], to: &bytes)
                if json { bytes.append(UInt8(ascii: "\"")) }
                offsets.append(bytes.count)
            }
        case (.varchar, .bytes(let column)), (.char, .bytes(let column)):
            appendStrings(column, count, encoding)
        default:
            for i in 0..<count {
                if isNull[i] { offsets.append(bytes.count); continue }
                let value = flat.value(at: i)
                if json {
                    var text = ""
                    JSONLinesRenderer.append(value, flat.type, to: &text)
                    bytes.append(contentsOf: text.utf8)
                    offsets.append(bytes.count)
                } else {
                    appendText(ValueText.text(value, flat.type), encoding)
                }
            }
        }
    }

    var count: Int { isNull.count }

    private mutating func appendIntegers<T: FixedWidthInteger>(_ values: [T], _ count: Int) {
        var digits = [UInt8](repeating: 0, count: 24)
        values.withUnsafeBufferPointer { buffer in
            for i in 0..<count {
                var magnitude = buffer[i].magnitude
                var n = 0
                repeat {
                    digits[n] = UInt8(truncatingIfNeeded: magnitude % 10) + 0x30
                    magnitude /= 10
                    n += 1
                } while magnitude != 0
                if buffer[i] < 0 { bytes.append(UInt8(ascii: "-")) }
                while n > 0 {
                    n -= 1
                    bytes.append(digits[n])
                }
                offsets.append(bytes.count)
            }
        }
    }

    private mutating func appendASCII(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
        offsets.append(bytes.count)
    }

    private mutating func appendText(_ text: String, _ encoding: CellEncoding) {
        encoding.append(text, to: &bytes)
        offsets.append(bytes.count)
    }

    /// Strings are copied byte for byte; a value that is not valid UTF-8 is repaired (U+FFFD) first.
    private mutating func appendStrings(_ column: ByteColumn, _ count: Int, _ encoding: CellEncoding) {
        column.bytes.withUnsafeBufferPointer { all in
            for i in 0..<count {
                let start = Int(column.offsets[i]), end = Int(column.offsets[i + 1])
                guard start <= end, end <= all.count else { offsets.append(bytes.count); continue }
                let value = UnsafeBufferPointer(rebasing: all[start..<end])
                if isNull[i] {
                    offsets.append(bytes.count)
                } else if value.allSatisfy({ $0 < 0x80 }) || String(validating: value, as: UTF8.self) != nil {
                    encoding.append(value, to: &bytes)
                    offsets.append(bytes.count)
                } else {
                    appendText(String(decoding: value, as: UTF8.self), encoding)
                }
            }
        }
    }

    /// Cell `i` as a string (for the table and Markdown printers).
    func text(at i: Int) -> String {
        bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[offsets[i]..<offsets[i + 1]]), as: UTF8.self) }
    }
}
