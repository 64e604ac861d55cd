import Testing
@testable import PintailSketch

@Suite struct SerializationTests {
    /// A hash that lands in `bucket` of a 16-bucket sketch with register value `value` (1...61): the index bits,
    /// then value - 1 zeros and a one (or all zeros for the maximum, 61).
    static func hash(bucket: Int, value: Int) -> Int64 {
        let index = UInt64(bucket) << 60
        return Int64(bitPattern: value == 61 ? index : index | (1 << UInt64(60 - value)))
    }

    /// Registers: 2 + bucket % 3, except bucket 5 = 22 and bucket 9 = 61.
    static func handBuiltDense() throws -> HyperLogLog {
        var sketch = try HyperLogLog(indexBitLength: 4)
        for bucket in 0..<16 {
            let value = bucket == 5 ? 22 : bucket == 9 ? 61 : 2 + bucket % 3
            sketch.addHash(hash(bucket: bucket, value: value))
            sketch.addHash(hash(bucket: bucket, value: 1))  // smaller values never lower a register
        }
        sketch.makeDense()
        return sketch
    }

    /// Written by hand from airlift's DENSE_V2 layout for the registers above:
    /// tag 3, p = 4, baseline = min register = 2; deltas = register - 2, two per byte with the even bucket in the
    /// high nibble: buckets 0-15 have deltas 0 1 2 0 1 15 0 1 2 15 1 2 0 1 2 0 (5 and 9 saturate at 15), giving
    /// 01 20 1F 01 2F 12 01 20; then 2 overflows (UInt16 LE), their buckets 5 and 9 (UInt16 LE, ascending) and
    /// the excess over baseline + 15: 22 - 17 = 5 and 61 - 17 = 44 (0x2C).
    static let denseFixture: [UInt8] = [
        0x03, 0x04, 0x02,
        0x01, 0x20, 0x1F, 0x01, 0x2F, 0x12, 0x01, 0x20,
        0x02, 0x00, 0x05, 0x00, 0x09, 0x00, 0x05, 0x2C,
    ]

    /// Trino's `CAST(approx_set(1) AS varbinary)`, by hand from airlift's SPARSE_V2 layout: tag 2, p = 12
    /// (approx_set's 4096 buckets), one entry (UInt16 LE). Murmur3 hash64(1L) = 0x004403B7FB05C44A: its top 26 bits
    /// are 0x1100E and the bit right after them is 1, so zero zeros follow; entry = 0x1100E << 6 | 0 = 0x00440380,
    /// written little-endian.
    static let sparseFixture: [UInt8] = [0x02, 0x0C, 0x01, 0x00, 0x80, 0x03, 0x44, 0x00]

    @Test func denseFixtureIsByteExact() throws {
        let sketch = try Self.handBuiltDense()
        #expect(sketch.serialized() == Self.denseFixture)
        let read = try HyperLogLog(serialized: Self.denseFixture)
        #expect(read == sketch)
        #expect(read.cardinality() == sketch.cardinality())
        #expect(read.registers[5] == 22 && read.registers[9] == 61 && read.registers[0] == 2)
    }

    @Test func sparseFixtureIsByteExact() throws {
        var sketch = HyperLogLog.approxSet()
        [Int64(1)].withUnsafeBufferPointer { sketch.add($0, hashing: .murmur3) }
        #expect(sketch.serialized() == Self.sparseFixture)
        let read = try HyperLogLog(serialized: Self.sparseFixture)
        #expect(read == sketch && read.cardinality() == 1)
    }

    @Test func emptyApproxSet() throws {
        #expect(HyperLogLog.approxSet().serialized() == [0x02, 0x0C, 0x00, 0x00])
        #expect(try HyperLogLog(serialized: [0x02, 0x0C, 0x00, 0x00]).cardinality() == 0)
    }

    /// Dense v1 (older airlift) holds one overflow as Int16 bucket + byte; it reads into the same registers.
    @Test func readsDenseV1() throws {
        var v1: [UInt8] = [0x01, 0x04, 0x02, 0x01, 0x20, 0x1F, 0x01, 0x22, 0x12, 0x01, 0x20, 0x05, 0x00, 0x05]
        var expected = try HyperLogLog(indexBitLength: 4)
        for bucket in 0..<16 {
            let value = bucket == 5 ? 22 : bucket == 9 ? 4 : 2 + bucket % 3
            expected.addHash(Self.hash(bucket: bucket, value: value))
        }
        expected.makeDense()
        #expect(try HyperLogLog(serialized: v1) == expected)
        v1[11...12] = [0xFF, 0xFF]  // bucket -1: no overflow, so bucket 5 stays at baseline + 15
        #expect(try HyperLogLog(serialized: v1).registers[5] == 17)
    }

    @Test func roundTripsAcrossSizesAndPrecisions() throws {
        for p in [4, 11, 12, 16] {
            for count in [0, 1, 10, 300, 5000, 70000] {
                var sketch = try HyperLogLog(indexBitLength: p)
                let values = (0..<count).map { Int64($0) &* 7_919 }
                values.withUnsafeBufferPointer { sketch.add($0, hashing: .murmur3) }
                let bytes = sketch.serialized()
                let read = try HyperLogLog(serialized: bytes)
                #expect(read == sketch, "p=\(p) n=\(count)")
                #expect(read.serialized() == bytes)
                #expect(read.cardinality() == sketch.cardinality())
                #expect(bytes.first == (sketch.isSparse ? 2 : 3))
            }
        }
    }

    @Test func rejectsCorruptInput() throws {
        let valid = try Self.handBuiltDense().serialized()
        let cases: [([UInt8], String)] = [
            ([], "Cannot deserialize HyperLogLog: empty input"),
            ([0x00, 0x0C, 0x00, 0x00], "Sparse v1 encoding no longer supported"),
            ([0x07, 0x0C], "Cannot deserialize HyperLogLog: unknown format tag 7"),
            ([0x02], "Cannot deserialize HyperLogLog: truncated header"),
            ([0x02, 0x03, 0x00, 0x00], "Cannot deserialize HyperLogLog: index bit length 3 is outside [4, 16]"),
            ([0x02, 0x11, 0x00, 0x00], "Cannot deserialize HyperLogLog: index bit length 17 is outside [4, 16]"),
            ([0x02, 0x0C, 0x02, 0x00, 0x80, 0x03, 0x44, 0x00], "Cannot deserialize HyperLogLog: truncated entries"),
            ([0x02, 0x0C, 0x00, 0x80], "Cannot deserialize HyperLogLog: bad sparse entry count"),
            (Self.sparseFixture + [0x00], "Cannot deserialize HyperLogLog: input is too big"),
            ([0x02, 0x0C, 0x02, 0x00, 0x80, 0x03, 0x44, 0x00, 0x80, 0x03, 0x44, 0x00],
             "Cannot deserialize HyperLogLog: sparse entries are not sorted by bucket"),
            ([0x02, 0x0C, 0x01, 0x00, 0x3F, 0x00, 0x00, 0x00],
             "Cannot deserialize HyperLogLog: sparse entry value out of range"),
            (Array(valid[0..<7]), "Cannot deserialize HyperLogLog: truncated registers"),
            (Array(valid[0..<11]) + [0x11, 0x00],
             "Overflow entries is greater than actual number of buckets (possibly corrupt input)"),
            (Array(valid[0..<13]), "Cannot deserialize HyperLogLog: truncated overflows"),
            (Array(valid[0..<11]) + [0x01, 0x00, 0x10, 0x00, 0x01], "Overflow bucket index is out of range"),
            (Array(valid[0..<11]) + [0x01, 0x00, 0x05, 0x00, 0x00], "Overflow bucket value must be > 0"),
            (Array(valid[0..<11]) + [0x02, 0x00, 0x05, 0x00, 0x05, 0x00, 0x01, 0x01],
             "Cannot deserialize HyperLogLog: duplicate overflow bucket 5"),
            (Array(valid[0..<11]) + [0x01, 0x00, 0x09, 0x00, 0x2D],
             "Cannot deserialize HyperLogLog: register value out of range"),
            ([0x03, 0x04, 0x3E] + [UInt8](repeating: 0, count: 8) + [0, 0],
             "Cannot deserialize HyperLogLog: bad baseline"),
        ]
        for (bytes, message) in cases {
            #expect(throws: SketchError(.corruptSketch, message)) { _ = try HyperLogLog(serialized: bytes) }
        }
    }

    @Test func everyTruncationOfValidBytesThrows() throws {
        var big = try HyperLogLog(indexBitLength: 6)
        (0..<1000).map { Int64($0) }.withUnsafeBufferPointer { big.add($0, hashing: .murmur3) }
        var small = try HyperLogLog(indexBitLength: 12)
        (0..<20).map { Int64($0) }.withUnsafeBufferPointer { small.add($0, hashing: .murmur3) }
        for bytes in [big.serialized(), small.serialized(), Self.denseFixture] {
            for length in 0..<bytes.count {
                #expect(throws: SketchError.self) { _ = try HyperLogLog(serialized: Array(bytes[0..<length])) }
            }
        }
    }

    /// Random bytes behind each tag either throw or yield a sketch that can be used; never a crash.
    @Test func garbageNeverCrashes() {
        var state: UInt64 = 42
        for round in 0..<3000 {
            let length = Int(splitMix64(&state) % 80)
            var bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: splitMix64(&state)) }
            if !bytes.isEmpty { bytes[0] = UInt8(round % 5) }
            if bytes.count > 1 && round % 2 == 0 { bytes[1] = 4 }
            if let sketch = try? HyperLogLog(serialized: bytes) {
                #expect(sketch.cardinality() >= 0)
                #expect((try? HyperLogLog(serialized: sketch.serialized())) == sketch)
            }
        }
    }
}
