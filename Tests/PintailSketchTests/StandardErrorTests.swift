import Testing
@testable import PintailSketch

@Suite struct StandardErrorTests {
    /// The same boundaries Trino's TestApproximateCountDistinct checks.
    @Test func bucketsFollowTrino() throws {
        let expected: [(Double, Int)] = [
            (0.0326, 1024), (0.0325, 1024), (0.0324, 2048), (0.0231, 2048), (0.0230, 2048), (0.0229, 4096),
            (0.0164, 4096), (0.0163, 4096), (0.26, 16), (0.0040625, 65536), (0.01625, 4096),
        ]
        for (e, buckets) in expected {
            #expect(try HyperLogLog.bucketCount(maxStandardError: e) == buckets, "e = \(e)")
        }
        #expect(try HyperLogLog(maxStandardError: HyperLogLog.defaultMaxStandardError).bucketCount == 2048)
        #expect(HyperLogLog.approxSet().bucketCount == 4096)
    }

    @Test func outOfRangeErrorsUseTrinosMessage() {
        let cases: [(Double, String)] = [
            (0.3, "0.3"), (0.004, "0.004"), (0.0001, "1.0E-4"), (-1, "-1.0"), (.nan, "NaN"), (.infinity, "Infinity"),
        ]
        for (e, shown) in cases {
            let message = "Max standard error must be in [0.0040625, 0.26]: \(shown)"
            #expect(throws: SketchError(.invalidArgument, message)) {
                _ = try HyperLogLog.bucketCount(maxStandardError: e)
            }
        }
    }

    @Test func javaDoubleFormatting() {
        let cases: [(Double, String)] = [
            (0.0040625, "0.0040625"), (0.26, "0.26"), (1, "1.0"), (123.5, "123.5"), (0.001, "0.001"),
            (9_999_999, "9999999.0"), (1e7, "1.0E7"), (1.5e-5, "1.5E-5"), (-2.5e20, "-2.5E20"), (-0.0, "-0.0"),
            (0.1 + 0.2, "0.30000000000000004"),
        ]
        for (value, text) in cases { #expect(javaDoubleString(value) == text) }
    }

    @Test func bucketCountsMustBePowersOfTwoInRange() {
        for bad in [0, 8, 100, 131_072] {
            #expect(throws: SketchError.self) { _ = try HyperLogLog(bucketCount: bad) }
        }
        #expect(throws: SketchError.self) { _ = try HyperLogLog(indexBitLength: 17) }
    }
}
