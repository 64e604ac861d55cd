import Foundation
import PintailCore
import PintailParquet
import Testing

/// Decoding of column-chunk statistics: typed bounds, and the rules that throw unreliable statistics away.
@Suite struct RowGroupPruningStatisticsTests {
    static let shared = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared").path
    static let testing = shared + "/testdata/parquet-testing/data"

    /// A file with one row group of `values` per column, written by Pintail's writer.
    static func written(_ columns: [ParquetColumn], _ values: [[Value]], createdBy: String = "pintail version 0.1") throws -> ParquetFile {
        let path = NSTemporaryDirectory() + "pintail-stats-\(UUID().uuidString).parquet"
        defer { try? FileManager.default.removeItem(atPath: path) }
        var builders = columns.map { VectorBuilder(type: $0.type) }
        for (c, column) in values.enumerated() { for v in column { builders[c].append(v) } }
        let writer = try ParquetWriter(path: path, columns: columns, options: ParquetWriteOptions(createdBy: createdBy))
        try writer.write(Batch(columns: builders.map { $0.finish() }, count: values.first?.count ?? 0))
        try writer.close()
        return try ParquetFile.open(path: path)
    }

    @Test func boundsOfEveryWrittenType() throws {
        let columns = [ParquetColumn(name: "i", type: .integer), ParquetColumn(name: "b", type: .bigint),
                       ParquetColumn(name: "t", type: .tinyint), ParquetColumn(name: "r", type: .real),
                       ParquetColumn(name: "s", type: .string), ParquetColumn(name: "dd", type: .decimal(precision: 10, scale: 2)),
                       ParquetColumn(name: "wide", type: .decimal(precision: 30, scale: 0)), ParquetColumn(name: "d", type: .date),
                       ParquetColumn(name: "ts", type: .timestamp(precision: 6)), ParquetColumn(name: "bool", type: .boolean)]
        let file = try Self.written(columns, [
            [.int(-5), .int(7), .null], [.int(-9_000_000_000), .int(3), .int(0)], [.int(-128), .int(127), .int(1)],
            [.double(-1.5), .double(2.25), .null], [.string("é"), .string("apple"), .string("Zebra")],
            [.decimal(-12345), .decimal(99), .null], [.decimal(-(Int128(1) << 100)), .decimal(5), .null],
            [.int(-3), .int(18_000), .null], [.int(-1), .int(1_600_000_000_000_000), .null],
            [.boolean(true), .boolean(true), .null],
        ])
        func bounds(_ leaf: Int) -> (Value?, Value?, Int64?) {
            let s = file.columnStatistics(rowGroup: 0, leaf: leaf)
            return (s?.lowerBound, s?.upperBound, s?.nullCount)
        }
        #expect(bounds(0) == (.int(-5), .int(7), 1))
        #expect(bounds(1) == (.int(-9_000_000_000), .int(3), 0))
        #expect(bounds(2) == (.int(-128), .int(127), 0))
        #expect(bounds(3) == (.double(-1.5), .double(2.25), 1))
        // UTF-8 byte order: "Zebra" < "apple" < "é".
        #expect(bounds(4) == (.string("Zebra"), .string("é"), 0))
        #expect(bounds(5) == (.decimal(-12345), .decimal(99), 1))
        #expect(bounds(6) == (.decimal(-(Int128(1) << 100)), .decimal(5), 1))
        #expect(bounds(7) == (.int(-3), .int(18_000), 1))
        #expect(bounds(8) == (.int(-1), .int(1_600_000_000_000_000), 1))
        #expect(bounds(9) == (.boolean(true), .boolean(true), 1))
        #expect(file.columnStatistics(rowGroup: 0, leaf: 0)?.lowerBoundIsExact == true)
        #expect(file.columnStatistics(rowGroup: 1, leaf: 0) == nil)
    }

    /// PARQUET-251: parquet-mr before 1.8 wrote wrong byte-array statistics; numbers from it are fine.
    @Test func oldParquetMRBinaryStatisticsAreIgnored() throws {
        let columns = [ParquetColumn(name: "s", type: .string), ParquetColumn(name: "i", type: .integer)]
        let values: [[Value]] = [[.string("a"), .string("b")], [.int(1), .int(2)]]
        for (createdBy, trusted) in [("parquet-mr version 1.7.0 (build abc)", false), ("parquet-mr", false),
                                     ("parquet-mr version 1.8.1 (build abc)", true), ("parquet-mr version 1.10.0-SNAPSHOT", true),
                                     ("parquet-cpp-arrow version 14.0.1", true)] {
            let file = try Self.written(columns, values, createdBy: createdBy)
            #expect((file.columnStatistics(rowGroup: 0, leaf: 0)?.upperBound != nil) == trusted, "\(createdBy)")
            #expect(file.columnStatistics(rowGroup: 0, leaf: 1)?.upperBound == .int(2), "\(createdBy)")
        }
    }

    @Test func unreliableStatisticsAreIgnored() throws {
        let file = try Self.written([ParquetColumn(name: "s", type: .string), ParquetColumn(name: "i", type: .integer),
                                     ParquetColumn(name: "x", type: .double)],
                                    [[.string("a")], [.int(1)], [.double(1)]])
        let (s, i, x) = (file.schema.leaves[0], file.schema.leaves[1], file.schema.leaves[2])
        func decode(_ raw: Statistics, _ leaf: ParquetLeaf, order: Bool? = true) -> ColumnChunkStatistics {
            ColumnChunkStatistics.decode(raw, leaf: leaf, valueCount: 10, typeDefinedOrder: order, createdBy: "x version 1.0")
        }
        func le32(_ v: Int32) -> [UInt8] { withUnsafeBytes(of: v.littleEndian) { Array($0) } }
        func le64(_ v: Double) -> [UInt8] { withUnsafeBytes(of: v.bitPattern.littleEndian) { Array($0) } }
        var raw = Statistics()
        raw.minValue = Array("a".utf8)
        raw.maxValue = Array("q".utf8)
        raw.nullCount = 2
        // Without column_orders, byte-array min_value/max_value have no defined order.
        #expect(decode(raw, s, order: nil).upperBound == nil)
        #expect(decode(raw, s, order: nil).nullCount == 2)
        #expect(decode(raw, s, order: false).lowerBound == nil)
        #expect(decode(raw, s).upperBound == .string("q"))
        // Byte-array bounds are exact only when the writer says so; a truncated max is still an upper bound.
        #expect(decode(raw, s).upperBoundIsExact == false)
        raw.isMaxValueExact = false
        raw.isMinValueExact = true
        #expect(decode(raw, s).upperBound == .string("q") && decode(raw, s).lowerBoundIsExact)
        // A bound cut inside a multi-byte character is dropped.
        raw.maxValue = [0x71, 0xC3]
        #expect(decode(raw, s).upperBound == nil && decode(raw, s).lowerBound == .string("a"))
        // Deprecated min/max: signed numbers yes, byte arrays never.
        var old = Statistics()
        old.min = le32(-4)
        old.max = le32(9)
        #expect(decode(old, i, order: nil).lowerBound == .int(-4))
        old.min = Array("a".utf8)
        old.max = Array("b".utf8)
        #expect(decode(old, s, order: nil).lowerBound == nil)
        // NaN bounds, wrong widths and contradictory bounds say nothing.
        var nan = Statistics()
        nan.minValue = le64(.nan)
        nan.maxValue = le64(3)
        #expect(decode(nan, x).lowerBound == nil && decode(nan, x).upperBound == .double(3))
        var short = Statistics()
        short.minValue = [1, 2]
        #expect(decode(short, i).lowerBound == nil)
        var swapped = Statistics()
        swapped.minValue = le32(9)
        swapped.maxValue = le32(1)
        #expect(decode(swapped, i).lowerBound == nil && decode(swapped, i).upperBound == nil)
        var negative = Statistics()
        negative.nullCount = -1
        #expect(decode(negative, i).nullCount == nil)
    }

    @Test func int96StatisticsAreIgnored() throws {
        let file = try ParquetFile.open(path: Self.testing + "/alltypes_plain.parquet")
        let leaf = try #require(file.schema.leaves.firstIndex { $0.physicalType == .int96 })
        #expect(file.columnStatistics(rowGroup: 0, leaf: leaf)?.lowerBound == nil)
        #expect(file.columnStatistics(rowGroup: 0, leaf: leaf)?.upperBound == nil)
    }

    /// Over real files from other writers: every value lies within the decoded bounds and NULLs match the count.
    @Test(arguments: ["alltypes_plain.parquet", "alltypes_tiny_pages.parquet", "binary_truncated_min_max.parquet",
                      "byte_array_decimal.parquet", "data_index_bloom_encoding_stats.parquet", "int32_decimal.parquet",
                      "int64_decimal.parquet", "fixed_length_decimal.parquet", "nulls.snappy.parquet"])
    func boundsHoldForEveryValue(_ name: String) throws {
        let path = Self.testing + "/" + name
        guard FileManager.default.fileExists(atPath: path) else { return }
        let file = try ParquetFile.open(path: path)
        for (f, field) in file.schema.fields.enumerated() where field.isFlat && field.unsupportedReason == nil {
            let leaf = field.leafRange.lowerBound
            for g in file.metadata.rowGroups.indices {
                guard let s = file.columnStatistics(rowGroup: g, leaf: leaf) else { continue }
                let reader = try file.readRowGroup(g, columns: [f])
                var nulls: Int64 = 0
                while let batch = try reader.next() {
                    for r in 0..<batch.count {
                        let v = batch.columns[0].value(at: r)
                        if v.isNull { nulls += 1; continue }
                        if let lo = s.lowerBound, let c = StatisticsOrdering.compare(lo, v) {
                            #expect(c <= 0, "\(name) \(field.name): \(v) below \(lo)")
                        }
                        if let hi = s.upperBound, let c = StatisticsOrdering.compare(v, hi) {
                            #expect(c <= 0, "\(name) \(field.name): \(v) above \(hi)")
                        }
                    }
                }
                if let n = s.nullCount { #expect(n == nulls, "\(name) \(field.name)") }
            }
        }
    }
}
