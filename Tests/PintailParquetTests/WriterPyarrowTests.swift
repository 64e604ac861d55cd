import Foundation
import PintailCodecs
import PintailCore
import Testing
@testable import PintailParquet

/// Files from ParquetWriter, read back by pyarrow: every type, NULLs, several row groups and pages, each codec.
@Suite struct WriterPyarrowTests {
    static let rowCount = 2500

    /// One column of the test table: schema, the value of row `k`, and how pyarrow renders that value.
    struct Sample: Sendable {
        var column: ParquetColumn
        var arrowType: String
        var value: @Sendable (Int) -> Value
        var rendered: @Sendable (Value) -> String
    }

    static func decimalString(_ unscaled: Int128, scale: Int) -> String {
        let negative = unscaled < 0
        var digits = String(negative ? -unscaled : unscaled)
        while digits.count <= scale { digits = "0" + digits }
        let split = digits.index(digits.endIndex, offsetBy: -scale)
        let text = scale == 0 ? digits : digits[..<split] + "." + digits[split...]
        return (negative ? "-" : "") + text
    }

    @Sendable static func plain(_ v: Value) -> String {
        switch v {
        case .boolean(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return String(d)
        case .string(let s): return s
        case .bytes(let b): return b.map { String(format: "%02x", $0) }.joined()
        default: return "?"
        }
    }

    static let samples: [Sample] = [
        Sample(column: ParquetColumn(name: "flag", type: .boolean), arrowType: "bool",
               value: { k in k % 7 == 3 ? .null : .boolean(k % 3 == 0) }, rendered: plain),
        Sample(column: ParquetColumn(name: "tiny", type: .tinyint), arrowType: "int8",
               value: { k in .int(Int64(k % 256 - 128)) }, rendered: plain),
        Sample(column: ParquetColumn(name: "small", type: .smallint), arrowType: "int16",
               value: { k in k % 11 == 0 ? .null : .int(Int64(k * 13 % 65536 - 32768)) }, rendered: plain),
        Sample(column: ParquetColumn(name: "num", type: .integer, nullable: false), arrowType: "int32",
               value: { k in .int(Int64(k * 7919 % 100_000 - 50_000)) }, rendered: plain),
        Sample(column: ParquetColumn(name: "big", type: .bigint), arrowType: "int64",
               value: { k in .int(Int64(k) * 1_000_000_007 - 1_234_567_890_123) }, rendered: plain),
        Sample(column: ParquetColumn(name: "low_card", type: .bigint), arrowType: "int64",
               value: { k in .int(Int64(k % 5)) }, rendered: plain),
        Sample(column: ParquetColumn(name: "real_value", type: .real), arrowType: "float",
               value: { k in k % 13 == 0 ? .null : .double(Double(Float(k) * 0.25 - 100)) }, rendered: plain),
        Sample(column: ParquetColumn(name: "double_value", type: .double), arrowType: "double",
               value: { k in .double(Double(k) / 3 - 400) }, rendered: plain),
        Sample(column: ParquetColumn(name: "price", type: .decimal(precision: 7, scale: 2)), arrowType: "decimal128(7, 2)",
               value: { k in .decimal(Int128(k * 37 - 40_000)) },
               rendered: { v in if case .decimal(let d) = v { return decimalString(d, scale: 2) }; return "?" }),
        Sample(column: ParquetColumn(name: "amount", type: .decimal(precision: 15, scale: 3)), arrowType: "decimal128(15, 3)",
               value: { k in k % 9 == 0 ? .null : .decimal(Int128(k) * 123_456_789 - 99_999_999_999) },
               rendered: { v in if case .decimal(let d) = v { return decimalString(d, scale: 3) }; return "?" }),
        Sample(column: ParquetColumn(name: "wide", type: .decimal(precision: 30, scale: 5)), arrowType: "decimal128(30, 5)",
               value: { k in .decimal((Int128(k) - 1000) * 1_000_000_000_000_000_007) },
               rendered: { v in if case .decimal(let d) = v { return decimalString(d, scale: 5) }; return "?" }),
        Sample(column: ParquetColumn(name: "category", type: .string), arrowType: "string",
               value: { k in k % 17 == 0 ? .null : .string(["Books", "Toys", "PC", "Äpfel ✓", ""][k % 5]) }, rendered: plain),
        Sample(column: ParquetColumn(name: "unique_text", type: .varchar(length: 200)), arrowType: "string",
               value: { k in .string("row \(k) " + String(repeating: "x", count: k % 90)) }, rendered: plain),
        Sample(column: ParquetColumn(name: "blob", type: .varbinary), arrowType: "binary",
               value: { k in k % 5 == 1 ? .null : .bytes([UInt8(k & 255), 0, 255, UInt8(k % 7)]) }, rendered: plain),
        Sample(column: ParquetColumn(name: "day", type: .date), arrowType: "date32[day]",
               value: { k in .int(Int64(k * 3 - 4000)) }, rendered: plain),
        Sample(column: ParquetColumn(name: "moment", type: .timestamp(precision: 6)), arrowType: "timestamp[us]",
               value: { k in k % 4 == 2 ? .null : .int(Int64(k) * 86_400_000_123 - 10_000_000_000) }, rendered: plain),
    ]

    static func batches(rows: Int, batchSize: Int) -> [Batch] {
        stride(from: 0, to: rows, by: batchSize).map { start in
            let end = min(rows, start + batchSize)
            let vectors = samples.map { sample in
                var builder = VectorBuilder(type: sample.column.type)
                for k in start..<end { builder.append(sample.value(k)) }
                return builder.finish()
            }
            return Batch(columns: vectors, count: end - start)
        }
    }

    static func write(_ path: String, codec: CompressionCodec) throws -> ParquetWriteSummary {
        let options = ParquetWriteOptions(codec: codec, rowGroupRows: 1000, pageBytes: 2048)
        let writer = try ParquetWriter(path: path, columns: samples.map(\.column), options: options)
        for batch in batches(rows: rowCount, batchSize: 700) { try writer.write(batch) }
        return try writer.close()
    }

    @Test func everyTypeAndCodecReadsBackInPyarrow() throws {
        let folder = try WriterTestSupport.temporaryFolder("types")
        defer { try? FileManager.default.removeItem(at: folder) }
        let codecs: [CompressionCodec] = [.zstd, .snappy, .gzip, .uncompressed, .lz4Raw, .brotli]
        var paths: [String] = []
        for codec in codecs {
            let path = folder.appendingPathComponent("\(codec.rawValue).parquet").path
            let summary = try Self.write(path, codec: codec)
            #expect(summary.rows == Int64(Self.rowCount))
            #expect(summary.rowGroups == 3)
            paths.append(path)
        }
        let dumps = try #require(try WriterTestSupport.pythonJSON("dump_parquet.py", paths) as? [[String: Any]])
        #expect(dumps.count == codecs.count)
        for (codec, dump) in zip(codecs, dumps) {
            #expect(dump["created_by"] as? String == "pintail version 0.1")
            #expect(dump["num_rows"] as? Int == Self.rowCount)
            let schema = try #require(dump["schema"] as? [String: String])
            let values = try #require(dump["values"] as? [String: [Any]])
            let groups = try #require(dump["row_groups"] as? [[String: Any]])
            #expect(groups.map { $0["rows"] as? Int } == [1000, 1000, 500])
            let firstColumns = try #require(groups.first?["columns"] as? [[String: Any]])
            // pyarrow calls LZ4_RAW "LZ4".
            #expect(firstColumns.first?["codec"] as? String == (codec == .lz4Raw ? "LZ4" : codec.rawValue))
            for sample in Self.samples {
                let name = sample.column.name
                #expect(schema[name] == sample.arrowType, "\(codec) \(name)")
                let got = try #require(values[name], "\(name) missing")
                var mismatches = 0
                for k in 0..<Self.rowCount {
                    let v = sample.value(k)
                    let expected: String? = v.isNull ? nil : sample.rendered(v)
                    if (got[k] as? String) != expected {
                        if mismatches < 3 { Issue.record("\(codec) \(name) row \(k): got \(got[k]), expected \(String(describing: expected))") }
                        mismatches += 1
                    }
                }
                #expect(mismatches == 0, "\(codec) \(name)")
            }
        }
    }

    /// Statistics of the first row group (rows 0..<1000) and encodings, as pyarrow reports them.
    @Test func statisticsAndEncodings() throws {
        let folder = try WriterTestSupport.temporaryFolder("stats")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("stats.parquet").path
        _ = try Self.write(path, codec: .snappy)
        let dumps = try #require(try WriterTestSupport.pythonJSON("dump_parquet.py", [path]) as? [[String: Any]])
        let groups = try #require(dumps.first?["row_groups"] as? [[String: Any]])
        let columns = try #require(groups.first?["columns"] as? [[String: Any]])
        func stats(_ name: String) throws -> [String: Any] {
            let index = try #require(Self.samples.firstIndex { $0.column.name == name })
            return columns[index]
        }
        func values(_ name: String) throws -> [Value] {
            let sample = try #require(Self.samples.first { $0.column.name == name })
            return (0..<1000).map(sample.value).filter { !$0.isNull }
        }
        let nums = try values("num").compactMap { if case .int(let i) = $0 { return i }; return nil }
        #expect(try stats("num")["min"] as? String == String(nums.min() ?? 0))
        #expect(try stats("num")["max"] as? String == String(nums.max() ?? 0))
        #expect(try stats("num")["null_count"] as? Int == 0)
        let bigs = try values("big").compactMap { if case .int(let i) = $0 { return i }; return nil }
        #expect(try stats("big")["min"] as? String == String(bigs.min() ?? 0))
        #expect(try stats("big")["max"] as? String == String(bigs.max() ?? 0))
        let doubles = try values("double_value").compactMap { if case .double(let d) = $0 { return d }; return nil }
        #expect(try stats("double_value")["min"] as? String == String(doubles.min() ?? 0))
        #expect(try stats("double_value")["max"] as? String == String(doubles.max() ?? 0))
        // Strings order by unsigned bytes: "" first, "Äpfel ✓" (0xC3...) last.
        #expect(try stats("category")["min"] as? String == "")
        #expect(try stats("category")["max"] as? String == "Äpfel ✓")
        #expect(try stats("category")["null_count"] as? Int == (0..<1000).filter { $0 % 17 == 0 }.count)
        #expect(try stats("small")["null_count"] as? Int == (0..<1000).filter { $0 % 11 == 0 }.count)
        #expect(try stats("flag")["min"] as? String == "False")
        #expect(try stats("flag")["max"] as? String == "True")
        // Low-cardinality columns use a dictionary; unique text falls back to PLAIN.
        #expect(try stats("low_card")["has_dictionary"] as? Bool == true)
        #expect(try stats("category")["has_dictionary"] as? Bool == true)
        let uniqueEncodings = try #require(try stats("unique_text")["encodings"] as? [String])
        #expect(uniqueEncodings.contains("PLAIN"))
    }
}
