import Foundation
import Testing
@testable import PintailSketch

/// Prints CPU ns per value; asserts nothing about time. Meaningful in release:
/// `swift test -c release -Xswiftc -enable-testing --filter SketchBenchmark`.
@Suite struct SketchBenchmark {
    /// Thread CPU time, not wall time: the build machine is shared, and time spent descheduled is not ours.
    static func nanosecondsPerValue(_ count: Int, _ body: () -> Void) -> Double {
        var start = timespec()
        var end = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &start)
        body()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &end)
        return (Double(end.tv_sec - start.tv_sec) * 1e9 + Double(end.tv_nsec - start.tv_nsec)) / Double(count)
    }

    @Test func addAndMergeSpeed() throws {
        #if DEBUG
        let count = 1 << 14  // only proves the benchmark runs; debug timings mean nothing
        #else
        let count = 1 << 20
        #endif
        let longs = (0..<count).map { Int64($0) &* 0x2545_F491_4F6C_DD1D }
        let doubles = longs.map { Double($0) }
        var bytes: [UInt8] = []
        var offsets: [Int32] = [0]
        for i in 0..<count {
            bytes += Array("customer-\(i)".utf8)
            offsets.append(Int32(bytes.count))
        }
        var report: [String] = []
        for hashing in [SketchHashing.murmur3, .xxHash64] {
            var sketch = try HyperLogLog(bucketCount: 2048)
            let bigint = Self.nanosecondsPerValue(count) {
                longs.withUnsafeBufferPointer { sketch.add($0, hashing: hashing) }
            }
            var doubleSketch = try HyperLogLog(bucketCount: 2048)
            let double = Self.nanosecondsPerValue(count) {
                doubles.withUnsafeBufferPointer { doubleSketch.add($0, hashing: hashing) }
            }
            var stringSketch = try HyperLogLog(bucketCount: 2048)
            let string = Self.nanosecondsPerValue(count) {
                try? offsets.withUnsafeBufferPointer { o in
                    try bytes.withUnsafeBytes { try stringSketch.add(offsets: o, bytes: $0, hashing: hashing) }
                }
            }
            #expect(sketch.cardinality() > 0 && doubleSketch.cardinality() > 0 && stringSketch.cardinality() > 0)
            report.append(
                "\(hashing): bigint \(format(bigint)) ns, double \(format(double)) ns, varchar \(format(string)) ns")
        }
        var sparseHeavy = try HyperLogLog(bucketCount: 2048)
        let repeated = (0..<count).map { Int64($0 % 100) }
        let lowCardinality = Self.nanosecondsPerValue(count) {
            repeated.withUnsafeBufferPointer { sparseHeavy.add($0, hashing: .murmur3) }
        }
        report.append("100 distinct values (stays sparse): \(format(lowCardinality)) ns/value")
        var a = try HyperLogLog(bucketCount: 65536)
        var b = try HyperLogLog(bucketCount: 65536)
        longs.withUnsafeBufferPointer { a.add($0, hashing: .murmur3) }
        doubles.withUnsafeBufferPointer { b.add($0, hashing: .murmur3) }
        let merge = Self.nanosecondsPerValue(100) {
            for _ in 0..<100 { try? a.merge(b) }
        }
        report.append("merge of two dense 65536-bucket sketches: \(format(merge / 1000)) us")
        print("PintailSketch benchmark (ns per value):\n  " + report.joined(separator: "\n  "))
    }

    func format(_ value: Double) -> String { String(format: "%.2f", value) }
}
