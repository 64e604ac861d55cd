/// airlift's serialized forms, which are what Trino's `CAST(hll AS varbinary)` returns and what Athena and Presto
/// read. All multi-byte fields are little-endian.
///
///     sparse v2: tag 2 | p | UInt16 entry count | count x UInt32 entry (bucket << 6 | zeros), sorted by bucket
///     dense v2:  tag 3 | p | baseline | m/2 bytes of 4-bit deltas (even bucket in the high nibble) |
///                UInt16 overflow count | count x UInt16 bucket (ascending) | count x UInt8 value above baseline + 15
///     dense v1:  tag 1 | p | baseline | m/2 bytes of deltas | Int16 overflow bucket (-1: none) | UInt8 overflow
extension HyperLogLog {
    enum FormatTag {
        static let sparseV1: UInt8 = 0
        static let denseV1: UInt8 = 1
        static let sparseV2: UInt8 = 2
        static let denseV2: UInt8 = 3
    }

    /// A 4-bit delta saturates here; the excess goes to an overflow entry.
    static let maxDelta = 15

    /// airlift's bytes for this sketch (sparse v2 or dense v2, whichever representation the sketch is in).
    public func serialized() -> [UInt8] {
        var out: [UInt8] = []
        if isSparse {
            out.reserveCapacity(4 + 4 * entries.count)
            out += [FormatTag.sparseV2, UInt8(indexBitLength)]
            appendLittleEndian(&out, UInt16(truncatingIfNeeded: entries.count))
            for entry in entries { appendLittleEndian(&out, entry) }
            return out
        }
        let baseline = registers.min() ?? 0
        var overflowBuckets: [UInt16] = []
        var overflowValues: [UInt8] = []
        out.reserveCapacity(5 + bucketCount / 2)
        out += [FormatTag.denseV2, UInt8(indexBitLength), baseline]
        for pair in stride(from: 0, to: registers.count, by: 2) {
            var byte: UInt8 = 0
            for bucket in pair...(pair + 1) {
                let delta = Int(registers[bucket] - baseline)
                if delta > Self.maxDelta {
                    overflowBuckets.append(UInt16(bucket))
                    overflowValues.append(UInt8(delta - Self.maxDelta))
                }
                byte = byte << 4 | UInt8(min(delta, Self.maxDelta))
            }
            out.append(byte)
        }
        appendLittleEndian(&out, UInt16(overflowBuckets.count))
        for bucket in overflowBuckets { appendLittleEndian(&out, bucket) }
        out += overflowValues
        return out
    }

    /// Reads airlift's sparse v2, dense v1 or dense v2 bytes. Anything else, truncated or trailing bytes, and
    /// content no writer produces (unsorted entries, out-of-range registers) throw `SketchError.corruptSketch`.
    public init(serialized bytes: [UInt8]) throws(SketchError) {
        var reader = ByteReader(bytes: bytes)
        guard let tag = reader.readUInt8() else { throw .corrupt("Cannot deserialize HyperLogLog: empty input") }
        switch tag {
        case FormatTag.sparseV2:
            self = try Self.readSparse(&reader)
        case FormatTag.denseV1, FormatTag.denseV2:
            self = try Self.readDense(&reader, version: tag == FormatTag.denseV1 ? 1 : 2)
        case FormatTag.sparseV1:
            throw .corrupt("Sparse v1 encoding no longer supported")
        default:
            throw .corrupt("Cannot deserialize HyperLogLog: unknown format tag \(tag)")
        }
        guard reader.isAtEnd else { throw .corrupt("Cannot deserialize HyperLogLog: input is too big") }
    }

    static func readIndexBitLength(_ reader: inout ByteReader) throws(SketchError) -> Int {
        guard let p = reader.readUInt8() else { throw .corrupt("Cannot deserialize HyperLogLog: truncated header") }
        guard (4...16).contains(p) else {
            throw .corrupt("Cannot deserialize HyperLogLog: index bit length \(p) is outside [4, 16]")
        }
        return Int(p)
    }

    static func readSparse(_ reader: inout ByteReader) throws(SketchError) -> HyperLogLog {
        var sketch = HyperLogLog(validIndexBitLength: try readIndexBitLength(&reader))
        guard let rawCount = reader.readUInt16(), rawCount <= Int16.max else {
            throw .corrupt("Cannot deserialize HyperLogLog: bad sparse entry count")
        }
        let count = Int(rawCount)
        guard reader.remaining >= 4 * count else { throw .corrupt("Cannot deserialize HyperLogLog: truncated entries") }
        sketch.entries.reserveCapacity(count)
        var previousBucket: Int64 = -1
        for _ in 0..<count {
            let entry = reader.readUInt32() ?? 0
            let bucket = Int64(entry >> valueBits)
            guard bucket > previousBucket else {
                throw .corrupt("Cannot deserialize HyperLogLog: sparse entries are not sorted by bucket")
            }
            guard entry & valueMask <= 64 - UInt32(extendedPrefixBits) else {
                throw .corrupt("Cannot deserialize HyperLogLog: sparse entry value out of range")
            }
            previousBucket = bucket
            sketch.entries.append(entry)
        }
        sketch.modelCapacity = count
        return sketch
    }

    static func readDense(_ reader: inout ByteReader, version: Int) throws(SketchError) -> HyperLogLog {
        var sketch = HyperLogLog(validIndexBitLength: try readIndexBitLength(&reader))
        let m = sketch.bucketCount
        guard let baseline = reader.readUInt8(), let deltas = reader.read(count: m / 2) else {
            throw .corrupt("Cannot deserialize HyperLogLog: truncated registers")
        }
        // Registers hold at most 64 - p + 1 (all remaining hash bits zero); anything above is not a sketch.
        let maxRegister = 65 - sketch.indexBitLength
        guard Int(baseline) <= maxRegister else { throw .corrupt("Cannot deserialize HyperLogLog: bad baseline") }
        var registers = [UInt8](repeating: 0, count: m)
        for (i, byte) in deltas.enumerated() {
            registers[2 * i] = baseline + (byte >> 4)
            registers[2 * i + 1] = baseline + (byte & 0x0F)
        }
        let overflows = try readOverflows(&reader, version: version, bucketCount: m)
        var seen = Set<Int>()
        for (bucket, extra) in overflows {
            guard seen.insert(bucket).inserted else {
                throw .corrupt("Cannot deserialize HyperLogLog: duplicate overflow bucket \(bucket)")
            }
            // airlift only consults an overflow when the bucket's delta is saturated.
            if Int(registers[bucket]) - Int(baseline) == maxDelta {
                guard Int(registers[bucket]) + extra <= maxRegister else {
                    throw .corrupt("Cannot deserialize HyperLogLog: register value out of range")
                }
                registers[bucket] += UInt8(extra)
            }
        }
        guard registers.allSatisfy({ Int($0) <= maxRegister }) else {
            throw .corrupt("Cannot deserialize HyperLogLog: register value out of range")
        }
        sketch.registers = registers
        sketch.modelCapacity = 0
        return sketch
    }

    /// (bucket, value above baseline + 15) pairs; v1 carries at most one.
    static func readOverflows(
        _ reader: inout ByteReader, version: Int, bucketCount m: Int
    ) throws(SketchError) -> [(Int, Int)] {
        if version == 1 {
            guard let rawBucket = reader.readUInt16(), let value = reader.readUInt8() else {
                throw .corrupt("Cannot deserialize HyperLogLog: truncated overflow")
            }
            let bucket = Int(Int16(bitPattern: rawBucket))
            guard bucket >= 0 && value > 0 && value < 128 else { return [] }
            guard bucket < m else { throw .corrupt("Overflow bucket index is out of range") }
            return [(bucket, Int(value))]
        }
        guard let count = reader.readUInt16(), Int(count) <= m else {
            throw .corrupt("Overflow entries is greater than actual number of buckets (possibly corrupt input)")
        }
        guard reader.remaining >= 3 * Int(count) else {
            throw .corrupt("Cannot deserialize HyperLogLog: truncated overflows")
        }
        var buckets: [Int] = []
        for _ in 0..<count {
            let bucket = Int(reader.readUInt16() ?? 0)
            guard bucket < m else { throw .corrupt("Overflow bucket index is out of range") }
            buckets.append(bucket)
        }
        var pairs: [(Int, Int)] = []
        for bucket in buckets {
            let value = reader.readUInt8() ?? 0
            guard value > 0 && value < 128 else { throw .corrupt("Overflow bucket value must be > 0") }
            pairs.append((bucket, Int(value)))
        }
        return pairs
    }
}

func appendLittleEndian<T: FixedWidthInteger>(_ out: inout [UInt8], _ value: T) {
    var v = value.littleEndian
    withUnsafeBytes(of: &v) { out.append(contentsOf: $0) }
}

/// A bounds-checked little-endian cursor: every read returns nil instead of running past the end.
struct ByteReader {
    let bytes: [UInt8]
    var position = 0

    var remaining: Int { bytes.count - position }
    var isAtEnd: Bool { position == bytes.count }

    mutating func read(count: Int) -> ArraySlice<UInt8>? {
        guard count >= 0, remaining >= count else { return nil }
        defer { position += count }
        return bytes[position..<(position + count)]
    }

    mutating func readUInt8() -> UInt8? { read(count: 1)?.first }

    mutating func readUInt16() -> UInt16? { readInteger(UInt16.self) }

    mutating func readUInt32() -> UInt32? { readInteger(UInt32.self) }

    mutating func readInteger<T: FixedWidthInteger>(_: T.Type) -> T? {
        guard let slice = read(count: MemoryLayout<T>.size) else { return nil }
        var value: T = 0
        for (shift, byte) in slice.enumerated() { value |= T(byte) << (shift * 8) }
        return value
    }
}
