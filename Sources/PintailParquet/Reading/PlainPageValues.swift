/// The bytes of one decompressed page in a manually owned buffer, so a page read lazily keeps them alive by
/// reference while batches copy values straight out of it (no intermediate arrays).
final class PageBuffer {
    let base: UnsafeMutableRawPointer
    let count: Int

    init(count: Int) {
        self.count = count
        base = .allocate(byteCount: max(count, 1), alignment: 16)
    }

    deinit { base.deallocate() }

    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }
}

/// PLAIN values of a flat page (fixed-width numbers or length-prefixed byte arrays) left in the page buffer
/// until `OutputBuilder` copies them into the batch: one copy from page to vector instead of two.
/// Byte-array lengths are checked as they are walked; a corrupt length throws, it never reads out of bounds.
final class PlainPageValues {
    enum Kind: Equatable {
        case fixed(width: Int)
        case byteArray
    }

    let buffer: PageBuffer
    /// Offset of the first value in `buffer`, and the bytes the values may occupy.
    let start: Int
    let length: Int
    let kind: Kind
    /// Non-NULL values on the page.
    let valueCount: Int
    /// Byte-array walk position: value `cursorValue` starts `cursorByte` bytes after `start`.
    private var cursorValue = 0
    private var cursorByte = 0

    init(buffer: PageBuffer, start: Int, kind: Kind, valueCount: Int) throws(ParquetDecodeError) {
        guard start >= 0, start <= buffer.count, valueCount >= 0 else { throw ParquetDecodeError("page values out of range") }
        self.buffer = buffer
        self.start = start
        self.length = buffer.count - start
        self.kind = kind
        self.valueCount = valueCount
        if case .fixed(let width) = kind, length / width < valueCount {
            throw ParquetDecodeError("PLAIN data holds \(length / width) values of \(width) bytes, expected \(valueCount)")
        }
        if kind == .byteArray, valueCount > length / 4 {
            throw ParquetDecodeError("PLAIN BYTE_ARRAY data too short for \(valueCount) values")
        }
    }

    var values: UnsafeRawPointer { UnsafeRawPointer(buffer.base + start) }

    /// Where values `first ..< first + count` lie: their first byte (relative to `values`) and, for byte arrays,
    /// the payload bytes without length prefixes. Walks (and checks) byte-array lengths from the cursor.
    func span(first: Int, count: Int) throws(ParquetDecodeError) -> (byte: Int, payload: Int) {
        guard first >= 0, count >= 0, first + count <= valueCount else {
            throw ParquetDecodeError("page holds fewer values than its levels")
        }
        switch kind {
        case .fixed(let width):
            return (first * width, count * width)
        case .byteArray:
            if first < cursorValue { cursorValue = 0; cursorByte = 0 }
            _ = try walk(cursorValue..<first)
            let begin = cursorByte
            let payload = try walk(first..<first + count)
            return (begin, payload)
        }
    }

    /// Advances the cursor over `values`, returning their payload bytes.
    private func walk(_ range: Range<Int>) throws(ParquetDecodeError) -> Int {
        var pos = cursorByte, payload = 0
        let base = values, end = length
        for i in range {
            guard end - pos >= 4 else { throw ParquetDecodeError("BYTE_ARRAY value \(i) runs past the page") }
            let n = Int(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: pos, as: UInt32.self)))
            guard n <= end - pos - 4 else { throw ParquetDecodeError("BYTE_ARRAY value \(i) of \(n) bytes runs past the page") }
            pos += 4 + n
            payload += n
        }
        cursorValue = range.upperBound
        cursorByte = pos
        return payload
    }
}
