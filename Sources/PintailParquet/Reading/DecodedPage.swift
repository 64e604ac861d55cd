import PintailCore

/// One data page after decompression and decoding: levels per entry and the dense non-null values, either as
/// storage of the column's SQL type or as indices into the chunk's dictionary.
struct DecodedPage {
    /// Level entries (rows for flat columns).
    var entryCount: Int
    /// Definition levels, nil when the column is required at every level.
    var definitionLevels: [Int32]?
    /// Repetition levels, nil for non-repeated columns.
    var repetitionLevels: [Int32]?
    var values: ColumnStorage?
    var dictionaryIndices: [Int32]?
    var valueCount: Int
    /// PLAIN values of a flat column left in the page buffer (instead of `values`), copied once into the batch.
    var plain: PlainPageValues? = nil
    /// Dictionary indices of a flat page left in the page buffer (instead of `values` or `dictionaryIndices`),
    /// decoded a batch at a time.
    var indexStream: DictionaryIndexStream? = nil
}

/// Level decoding for v1 (length-prefixed RLE or BIT_PACKED) and v2 (RLE of known length) pages.
enum LevelDecoding {
    static func bitWidth(_ maxLevel: Int) -> Int {
        maxLevel == 0 ? 0 : Int.bitWidth - maxLevel.leadingZeroBitCount
    }

    /// v1 levels at the start of `data`: returns the levels and the bytes they took.
    static func v1(_ data: UnsafeRawBufferPointer, encoding: ParquetEncoding, maxLevel: Int, count: Int)
        throws(ParquetDecodeError) -> ([Int32], Int)
    {
        let width = bitWidth(maxLevel)
        if encoding == .bitPacked {
            let bytes = (count * width + 7) / 8
            guard bytes <= data.count else { throw ParquetDecodeError("BIT_PACKED levels run past the page") }
            var out = [Int32](repeating: 0, count: count)
            for i in 0..<count {
                var v: Int32 = 0
                for k in 0..<width {
                    let bit = i * width + k
                    // BIT_PACKED levels are packed from the most significant bit of each byte.
                    v = (v << 1) | Int32((data[bit >> 3] >> UInt8(7 - (bit & 7))) & 1)
                }
                out[i] = v
            }
            return (try check(out, maxLevel), bytes)
        }
        guard encoding == .rle else { throw ParquetDecodeError("unsupported level encoding \(encoding)") }
        guard data.count >= 4 else { throw ParquetDecodeError("level length prefix runs past the page") }
        let length = Int(UInt32(littleEndian: data.loadUnaligned(as: UInt32.self)))
        guard length <= data.count - 4 else { throw ParquetDecodeError("levels of \(length) bytes run past the page") }
        var decoder = try RleBitPackedDecoder(UnsafeRawBufferPointer(rebasing: data[4..<4 + length]), bitWidth: width)
        return (try check(try decoder.decode(count: count), maxLevel), 4 + length)
    }

    static func v2(_ data: UnsafeRawBufferPointer, maxLevel: Int, count: Int) throws(ParquetDecodeError) -> [Int32] {
        var decoder = try RleBitPackedDecoder(data, bitWidth: bitWidth(maxLevel))
        return try check(try decoder.decode(count: count), maxLevel)
    }

    private static func check(_ levels: [Int32], _ maxLevel: Int) throws(ParquetDecodeError) -> [Int32] {
        // When the maximum fills its bit width, no decoded level can exceed it.
        if maxLevel == (1 << bitWidth(maxLevel)) - 1 { return levels }
        let limit = Int32(maxLevel)
        var bad = false
        levels.withUnsafeBufferPointer { for l in $0 where l > limit || l < 0 { bad = true } }
        if bad { throw ParquetDecodeError("a level exceeds the column's maximum of \(maxLevel)") }
        return levels
    }
}
