/// Parquet's RLE / bit-packing hybrid encoding, used for definition levels and dictionary indices.
/// Runs of 8 or more equal values become RLE runs; everything else is bit-packed in groups of 8.
enum RleHybridEncoder {
    /// Appends the encoding of `values` (each below 2^bitWidth) to `out`. No length prefix.
    static func encode(_ values: UnsafeBufferPointer<UInt32>, bitWidth: Int, into out: inout [UInt8]) {
        var literalStart = 0  // values[literalStart..<i] wait to be bit-packed
        var i = 0
        let n = values.count
        while i < n {
            let v = values[i]
            var runEnd = i + 1
            while runEnd < n && values[runEnd] == v { runEnd += 1 }
            var runStart = i
            // Bit-packed groups hold multiples of 8 values: lend run values to round the pending literals up.
            let pending = (runStart - literalStart) & 7
            if pending != 0 && runEnd - runStart >= 8 { runStart += min(8 - pending, runEnd - runStart) }
            if runEnd - runStart >= 8 {
                if runStart > literalStart { bitPack(values, literalStart..<runStart, bitWidth: bitWidth, into: &out) }
                rleRun(value: v, count: runEnd - runStart, bitWidth: bitWidth, into: &out)
                literalStart = runEnd
            }
            i = runEnd
        }
        if literalStart < n { bitPack(values, literalStart..<n, bitWidth: bitWidth, into: &out) }
    }

    /// Bytes needed at most for `count` values (for reserving capacity).
    static func maxSize(count: Int, bitWidth: Int) -> Int { (count + 7) / 8 * max(bitWidth, 1) + 16 + count / 8 * 2 }

    private static func rleRun(value: UInt32, count: Int, bitWidth: Int, into out: inout [UInt8]) {
        varint(UInt64(count) << 1, into: &out)
        var v = value
        for _ in 0..<((bitWidth + 7) / 8) {
            out.append(UInt8(truncatingIfNeeded: v))
            v >>= 8
        }
    }

    /// Bit-packs `range`, zero-padding the last group of 8.
    private static func bitPack(_ values: UnsafeBufferPointer<UInt32>, _ range: Range<Int>, bitWidth: Int,
                                into out: inout [UInt8]) {
        let groups = (range.count + 7) / 8
        varint(UInt64(groups) << 1 | 1, into: &out)
        var accumulator: UInt64 = 0
        var bits = 0
        for k in 0..<(groups * 8) {
            let idx = range.lowerBound + k
            let v = idx < range.upperBound ? UInt64(values[idx]) : 0
            accumulator |= v << UInt64(bits)
            bits += bitWidth
            while bits >= 8 {
                out.append(UInt8(truncatingIfNeeded: accumulator))
                accumulator >>= 8
                bits -= 8
            }
        }
        if bits > 0 { out.append(UInt8(truncatingIfNeeded: accumulator)) }
    }

    static func varint(_ value: UInt64, into out: inout [UInt8]) {
        var v = value
        while v >= 0x80 {
            out.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        out.append(UInt8(v))
    }

    /// Bits needed for values up to `maxValue`.
    static func bitWidth(forMax maxValue: Int) -> Int {
        maxValue <= 0 ? 0 : Int.bitWidth - maxValue.leadingZeroBitCount
    }
}
