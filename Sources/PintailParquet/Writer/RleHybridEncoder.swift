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

    /// Bit-packs `range`, zero-padding the last group of 8. Widths up to 16 pack whole groups into two 64-bit
    /// words each; wider values and the last partial group go through a bit accumulator that stores 32-bit words.
    private static func bitPack(_ values: UnsafePointer<UInt32>, _ range: Range<Int>, bitWidth: Int,
                                into out: WriterBuffer<UInt8>) {
        let groups = (range.count + 7) / 8
        out.reserve(10 + groups * bitWidth + 16)  // 16: whole-group stores may write past the group's bytes
        varint(UInt64(groups) << 1 | 1, into: out)
        let start = out.end
        var dst = UnsafeMutableRawPointer(start)
        var idx = range.lowerBound
        // A literal width per case, so that the group's shifts fold to constants.
        switch bitWidth {
        case 1: packGroups(values, &idx, range.upperBound, &dst, width: 1)
        case 2: packGroups(values, &idx, range.upperBound, &dst, width: 2)
        case 3: packGroups(values, &idx, range.upperBound, &dst, width: 3)
        case 4: packGroups(values, &idx, range.upperBound, &dst, width: 4)
        case 5: packGroups(values, &idx, range.upperBound, &dst, width: 5)
        case 6: packGroups(values, &idx, range.upperBound, &dst, width: 6)
        case 7: packGroups(values, &idx, range.upperBound, &dst, width: 7)
        case 8: packGroups(values, &idx, range.upperBound, &dst, width: 8)
        case 9: packGroups(values, &idx, range.upperBound, &dst, width: 9)
        case 10: packGroups(values, &idx, range.upperBound, &dst, width: 10)
        case 11: packGroups(values, &idx, range.upperBound, &dst, width: 11)
        case 12: packGroups(values, &idx, range.upperBound, &dst, width: 12)
        case 13: packGroups(values, &idx, range.upperBound, &dst, width: 13)
        case 14: packGroups(values, &idx, range.upperBound, &dst, width: 14)
        case 15: packGroups(values, &idx, range.upperBound, &dst, width: 15)
        case 16: packGroups(values, &idx, range.upperBound, &dst, width: 16)
        default: break
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

    /// Packs whole groups of 8 values of `width` bits (at most 16) into `width` bytes each, as two 64-bit stores.
    @inline(__always)
    private static func packGroups(_ values: UnsafePointer<UInt32>, _ idx: inout Int, _ end: Int,
                                   _ dst: inout UnsafeMutableRawPointer, width: Int) {
        while idx + 8 <= end {
            var low: UInt64 = 0, high: UInt64 = 0
            for k in 0..<8 {
                let shift = k * width, v = UInt64(values[idx + k])
                if shift < 64 {
                    low |= v << UInt64(shift)
                    if shift + width > 64 { high |= v >> UInt64(64 - shift) }
                } else {
                    high |= v << UInt64(shift - 64)
                }
            }
            dst.storeBytes(of: low.littleEndian, as: UInt64.self)
            (dst + 8).storeBytes(of: high.littleEndian, as: UInt64.self)
            dst += width
            idx += 8
        }
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
