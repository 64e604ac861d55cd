import Testing
@testable import PintailSketch

@Suite struct MergeTests {
    static func sketch(_ values: Range<Int64>, bucketCount: Int = 2048) throws -> HyperLogLog {
        try sketch(Array(values), bucketCount: bucketCount)
    }

    static func sketch(_ values: [Int64], bucketCount: Int = 2048) throws -> HyperLogLog {
        var result = try HyperLogLog(bucketCount: bucketCount)
        values.withUnsafeBufferPointer { result.add($0, hashing: .murmur3) }
        return result
    }

    /// merge(a, b) holds the same registers as a sketch of a ∪ b. (The representation can differ near the
    /// sparse limit: airlift sizes a merged sparse list exactly, an inserted one in steps of 10.)
    @Test(arguments: [
        (0..<100, 50..<180), (0..<200, 150..<400), (0..<130, 1000..<1125), (0..<100, 1000..<20_000),
        (0..<50_000, 25_000..<90_000),
    ] as [(Range<Int64>, Range<Int64>)])
    func mergeEqualsSketchOfUnion(a: Range<Int64>, b: Range<Int64>) throws {
        var merged = try Self.sketch(a)
        try merged.merge(try Self.sketch(b))
        var union = try Self.sketch(Array(a) + Array(b))
        let sameRepresentation = merged.isSparse == union.isSparse
        if sameRepresentation {
            let equal = merged == union  // (a Bool, so a failure does not print thousands of registers)
            #expect(equal)
            #expect(merged.cardinality() == union.cardinality())
        }
        merged.makeDense()
        union.makeDense()
        let equalWhenDense = merged == union
        #expect(equalWhenDense)
    }

    @Test func mergeIsCommutativeAndIdempotent() throws {
        let a = try Self.sketch(0..<3000)
        let b = try Self.sketch(2000..<2100)
        let ab = try a.merging(b)
        let ba = try b.merging(a)
        #expect(ab == ba)
        #expect(try ab.merging(ab) == ab)
        #expect(try a.merging(HyperLogLog(bucketCount: 2048)) == a)
    }

    /// Thread-local partial sketches of disjoint slices merge to the sketch of the whole column.
    @Test func partialSketchesMergeToTheWhole() throws {
        let values = (0..<40_000).map { Int64($0) &* 31 }
        var whole = try HyperLogLog(bucketCount: 4096)
        values.withUnsafeBufferPointer { whole.add($0, hashing: .xxHash64) }
        var total = try HyperLogLog(bucketCount: 4096)
        for part in 0..<8 {
            var partial = try HyperLogLog(bucketCount: 4096)
            values[(part * 5000)..<((part + 1) * 5000)].withUnsafeBufferPointer { partial.add($0, hashing: .xxHash64) }
            try total.merge(partial)
        }
        #expect(total == whole)
    }

    /// airlift: two sparse sketches merge whatever their bucket counts (keeping the receiver's); once either is
    /// dense the counts must match.
    @Test func differentPrecisionsFollowAirlift() throws {
        var small = try Self.sketch(0..<10, bucketCount: 2048)
        try small.merge(try Self.sketch(5..<20, bucketCount: 4096))
        #expect(small.bucketCount == 2048 && small.cardinality() == 20)

        var dense = try Self.sketch(0..<10_000, bucketCount: 2048)
        #expect(!dense.isSparse)
        let message = "Cannot merge HLLs with different number of buckets: 2048 vs 4096"
        #expect(throws: SketchError(.incompatibleSketches, message)) {
            try dense.merge(try Self.sketch(0..<10, bucketCount: 4096))
        }
        var sparse = try Self.sketch(0..<10, bucketCount: 4096)
        let reversed = "Cannot merge HLLs with different number of buckets: 4096 vs 2048"
        #expect(throws: SketchError(.incompatibleSketches, reversed)) {
            try sparse.merge(dense)
        }
    }
}
