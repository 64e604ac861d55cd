import Testing
@testable import PintailSketch

/// The batch entry points hash exactly like the per-value functions, validate string offsets and are deterministic.
@Suite struct BatchTests {
    static let values: [Int64] = (0..<3000).map { $0 &* 0x9E37_79B9 ^ 0x5555 }

    @Test func int64BatchesMatchPerValueHashes() throws {
        for hashing in [SketchHashing.murmur3, .xxHash64] {
            var batch = try HyperLogLog(bucketCount: 2048)
            Self.values.withUnsafeBufferPointer { batch.add($0, hashing: hashing) }
            var single = try HyperLogLog(bucketCount: 2048)
            for value in Self.values {
                single.addHash(hashing == .murmur3 ? Murmur3Hash128.hash64(value) : XxHash64.hash(value))
            }
            #expect(batch == single)
            var fromHashes = try HyperLogLog(bucketCount: 2048)
            let hashes = Self.values.map { hashing == .murmur3 ? Murmur3Hash128.hash64($0) : XxHash64.hash($0) }
            hashes.withUnsafeBufferPointer { fromHashes.addHashes($0) }
            #expect(fromHashes == batch)
        }
    }

    @Test func doublesCanonicaliseLikeTrino() throws {
        func sketch(_ values: [Double], _ hashing: SketchHashing) throws -> HyperLogLog {
            var result = HyperLogLog.approxSet()
            values.withUnsafeBufferPointer { result.add($0, hashing: hashing) }
            return result
        }
        let nans = [Double.nan, -.nan, Double(nan: 7, signaling: false), Double(bitPattern: 0x7ff0_0000_0000_0001)]
        #expect(try sketch(nans, .murmur3).cardinality() == 1)
        #expect(try sketch(nans, .xxHash64).cardinality() == 1)
        // approx_set hashes the raw bits (0.0 and -0.0 differ); approx_distinct folds -0.0 into 0.0.
        #expect(try sketch([0.0, -0.0], .murmur3).cardinality() == 2)
        #expect(try sketch([0.0, -0.0], .xxHash64).cardinality() == 1)
        var expected = HyperLogLog.approxSet()
        expected.addHash(Murmur3Hash128.hash64(Int64(bitPattern: 1.5.bitPattern)))
        #expect(try sketch([1.5], .murmur3) == expected)
    }

    @Test func stringColumnsMatchPerValueHashes() throws {
        let strings = ["", "a", "abc", "héllo", String(repeating: "x", count: 100)] + (0..<500).map { "key-\($0)" }
        var bytes: [UInt8] = []
        var offsets: [Int32] = [0]
        for string in strings {
            bytes += Array(string.utf8)
            offsets.append(Int32(bytes.count))
        }
        for hashing in [SketchHashing.murmur3, .xxHash64] {
            var batch = HyperLogLog.approxSet()
            try offsets.withUnsafeBufferPointer { o in
                try bytes.withUnsafeBytes { try batch.add(offsets: o, bytes: $0, hashing: hashing) }
            }
            var single = HyperLogLog.approxSet()
            for string in strings {
                let hash = Array(string.utf8).withUnsafeBytes {
                    hashing == .murmur3 ? Murmur3Hash128.hash64($0) : XxHash64.hash($0)
                }
                single.addHash(hash)
            }
            #expect(batch == single)
        }
    }

    @Test func badOffsetsThrowAndAddNothing() {
        let bytes: [UInt8] = Array("abcdef".utf8)
        let cases: [[Int32]] = [[-1, 2], [0, 4, 2], [0, 3, 7]]
        for offsets in cases {
            var sketch = HyperLogLog.approxSet()
            #expect(throws: SketchError.self) {
                try offsets.withUnsafeBufferPointer { o in
                    try bytes.withUnsafeBytes { try sketch.add(offsets: o, bytes: $0, hashing: .murmur3) }
                }
            }
            #expect(sketch == HyperLogLog.approxSet())
        }
    }

    /// Same values, any chunking and any order: the same bytes.
    @Test func deterministicAcrossChunkingAndOrder() throws {
        var whole = try HyperLogLog(bucketCount: 4096)
        Self.values.withUnsafeBufferPointer { whole.add($0, hashing: .murmur3) }
        var chunked = try HyperLogLog(bucketCount: 4096)
        var reversed = try HyperLogLog(bucketCount: 4096)
        for start in stride(from: 0, to: Self.values.count, by: 77) {
            let chunk = Array(Self.values[start..<min(start + 77, Self.values.count)])
            chunk.withUnsafeBufferPointer { chunked.add($0, hashing: .murmur3) }
        }
        Self.values.reversed().withUnsafeBufferPointer { reversed.add($0, hashing: .murmur3) }
        #expect(chunked.serialized() == whole.serialized())
        #expect(reversed.serialized() == whole.serialized())
    }
}
