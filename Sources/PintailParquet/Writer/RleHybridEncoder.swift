/// Parquet's RLE / bit-packing hybrid encoding, used for definition levels and dictionary indices.
/// Runs of 8 or more equal values become RLE runs; everything else is bit-packed in groups of 8.
enum RleHybridEncoder {
    /// Appends the encoding of `values` (each below 2^bitWidth, bitWidth at most 32) to `out`. No length prefix.
    ///
    /// Only runs of 8 or more become RLE runs, and each covers an index that is a multiple of 8, so the scan
    /// probes those indices and extends a run around a probe only where neighbours are equal: a couple of
    /// comparisons per 8 values on data without runs.
    static func encode(_ values: UnsafeBufferPointer<UInt32>, bitWidth: Int, into out: WriterBuffer<UInt8>) {
        guard let p = values.baseAddress else { return }
        let n = values.count
        var literalStart = 0  // values[literalStart...] wait to be bit-packed
        var probe = 0
        while probe < n {
            let v = p[probe]
            var runEnd = probe + 1
            while runEnd < n && p[runEnd] == v { runEnd += 1 }
            var runStart = probe
            while runStart > literalStart && p[runStart - 1] == v { runStart -= 1 }
            guard runEnd - runStart >= 8 else {
                probe += 8
                continue
            }
            // Bit-packed groups hold multiples of 8 values: lend run values to round the pending literals up.
            let pending = (runStart - literalStart) & 7
            if pending != 0 { runStart += min(8 - pending, runEnd - runStart) }
            if runEnd - runStart >= 8 {
                if runStart > literalStart { bitPack(p, literalStart..<runStart, bitWidth: bitWidth, into: out) }
                rleRun(value: v, count: runEnd - runStart, bitWidth: bitWidth, into: out)
                literalStart = runEnd
            }
            probe = (runEnd + 7) & ~7
        }
        if literalStart < n { bitPack(p, literalStart..<n, bitWidth: bitWidth, into: out) }
    }

    /// Appends the encoding of `values` to an array (tests and small inputs).
    static func encode(_ values: UnsafeBufferPointer<UInt32>, bitWidth: Int, into out: inout [UInt8]) {
        let buffer = WriterBuffer<UInt8>(capacity: maxSize(count: values.count, bitWidth: bitWidth))
        encode(values, bitWidth: bitWidth, into: buffer)
        out.append(contentsOf: buffer.buffer)
    }

    /// Bytes needed at most for `count` values (for reserving capacity).
    static func maxSize(count: Int, bitWidth: Int) -> Int { (count + 7) / 8 * max(bitWidth, 1) + 16 + count / 8 * 2 }

    /// One RLE run: `count` copies of `value`.
    static func rleRun(value: UInt32, count: Int, bitWidth: Int, into out: WriterBuffer<UInt8>) {
        out.reserve(16)
        varint(UInt64(count) << 1, into: out)
        var v = value
        for _ in 0..<((bitWidth + 7) / 8) {
            out.append(UInt8(truncatingIfNeeded: v))
            v >>= 8
        }
    }

    /// Bit-packs `range`, zero-padding the last group of 8. Widths up to 16 pack whole groups into one 128-bit
    /// word each; wider values and the last partial group go through a bit accumulator that stores 32-bit words.
    private static func bitPack(_ values: UnsafePointer<UInt32>, _ range: Range<Int>, bitWidth: Int,
                                into out: WriterBuffer<UInt8>) {
        let groups = (range.count + 7) / 8
        out.reserve(10 + groups * bitWidth + 16)  // 16: whole-group stores may write past the group's bytes
        varint(UInt64(groups) << 1 | 1, into: out)
        let start = out.end
        var dst = UnsafeMutableRawPointer(start)
        var idx = range.lowerBound
        if bitWidth <= 16 {
            let w = UInt128(bitWidth)
            while idx + 8 <= range.upperBound {
                var word: UInt128 = 0
                for k in 0..<8 { word |= UInt128(values[idx + k]) << (UInt128(k) &* w) }
                dst.storeBytes(of: UInt64(truncatingIfNeeded: word).littleEndian, as: UInt64.self)
                (dst + 8).storeBytes(of: UInt64(truncatingIfNeeded: word >> 64).littleEndian, as: UInt64.self)
                dst += bitWidth
                idx += 8
            }
        }
        var accumulator: UInt64 = 0
        var bits = 0
        let padded = range.lowerBound + groups * 8
        while idx < padded {
            let v = idx < range.upperBound ? UInt64(values[idx]) : 0
            accumulator |= v << UInt64(bits)
            bits &+= bitWidth
            if bits >= 32 {
                dst.storeBytes(of: UInt32(truncatingIfNeeded: accumulator).littleEndian, as: UInt32.self)
                dst += 4
                accumulator >>= 32
                bits &-= 32
            }
            idx += 1
        }
        while bits > 0 {  // groups * 8 * bitWidth bits in all: whole bytes remain
            dst.storeBytes(of: UInt8(truncatingIfNeeded: accumulator), as: UInt8.self)
            dst += 1
            accumulator >>= 8
            bits -= 8
        }
        out.count += dst - UnsafeMutableRawPointer(start)
    }

    static func varint(_ value: UInt64, into out: WriterBuffer<UInt8>) {
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
