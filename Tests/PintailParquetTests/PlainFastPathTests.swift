import Foundation
import PintailCodecs
import PintailCore
import Testing
@testable import PintailParquet

/// The decode fast paths: PLAIN values copied once from the page buffer into batches (with NULLs, empty strings,
/// many small pages, v1 and v2 pages, batches cutting pages anywhere) and NULL-free levels read from run headers.
@Suite struct PlainFastPathTests {
    static let rows = 5000

    /// The value of `column` at `row`, as the pyarrow script below writes it.
    static func expected(_ column: Int, _ i: Int) -> Value {
        switch column {
        case 0: return i % 7 == 3 ? .null : .int(Int64(i * 31 - 70000))
        case 1: return i % 11 == 0 ? .null : .int(Int64(i) * 1_000_003 - 5_000_000_000)
        case 2: return .double(Double(Float(i) / 4))
        case 3: return i % 5 == 1 ? .null : .double(Double(i) * 0.5)
        case 4:
            if i % 13 == 2 { return .null }
            if i % 13 == 5 { return .string("") }
            return .string(String(repeating: "v\(i)", count: i % 4 + 1))
        default: return .string("row\(i)")
        }
    }

    static let script = """
        import sys, pyarrow as pa, pyarrow.parquet as pq
        path, version, codec, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
        def s(i):
            if i % 13 == 2: return None
            if i % 13 == 5: return ""
            return ("v%d" % i) * (i % 4 + 1)
        t = pa.table({
            "i32": pa.array([None if i % 7 == 3 else i * 31 - 70000 for i in range(n)], pa.int32()),
            "i64": pa.array([None if i % 11 == 0 else i * 1000003 - 5000000000 for i in range(n)], pa.int64()),
            "f32": pa.array([i / 4 for i in range(n)], pa.float32()),
            "f64": pa.array([None if i % 5 == 1 else i * 0.5 for i in range(n)], pa.float64()),
            "s": pa.array([s(i) for i in range(n)], pa.string()),
            "dense": pa.array(["row%d" % i for i in range(n)], pa.string()),
        })
        pq.write_table(t, path, use_dictionary=False, data_page_size=700, write_batch_size=37, row_group_size=1900,
                       data_page_version=version, compression=codec)
        """

    @Test(arguments: [("1.0", "snappy"), ("2.0", "zstd"), ("1.0", "none"), ("2.0", "none")])
    func plainPagesReadExactly(version: String, codec: String) throws {
        let folder = try WriterTestSupport.temporaryFolder("plainfast")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("p.parquet").path
        try WriterTestSupport.ensureVenv()
        _ = try WriterTestSupport.run(WriterTestSupport.python, ["-c", Self.script, path, version, codec, String(Self.rows)])
        for batchSize in [1, 37, 333, 4096] {
            let (file, rows) = try readAllRows(path, batchSize: batchSize)
            #expect(file.metadata.rowGroups.count == 3)
            #expect(rows.count == Self.rows)
            var mismatches = 0
            for (i, row) in rows.enumerated() {
                for c in 0..<6 where row[c] != Self.expected(c, i) {
                    if mismatches < 5 { Issue.record("v\(version) \(codec) batch \(batchSize) row \(i) col \(c): \(row[c]) != \(Self.expected(c, i))") }
                    mismatches += 1
                }
            }
            #expect(mismatches == 0)
        }
    }

    /// RLE bytes of runs `(count, value)` at bit width `width`.
    static func runs(_ runs: [(Int, Int)], width: Int) -> [UInt8] {
        var out: [UInt8] = []
        for (count, value) in runs {
            var header = count << 1
            while header >= 0x80 { out.append(UInt8(header & 0x7F | 0x80)); header >>= 7 }
            out.append(UInt8(header))
            for k in 0..<(width + 7) / 8 { out.append(UInt8((value >> (8 * k)) & 0xFF)) }
        }
        return out
    }

    @Test func allAtMaximumRecognisesOnlyFullRunsOfTheMaximum() {
        func check(_ bytes: [UInt8], _ maxLevel: Int, _ count: Int) -> Bool {
            bytes.withUnsafeBytes { LevelDecoding.allAtMaximum($0, maxLevel: maxLevel, count: count) }
        }
        #expect(check(Self.runs([(1000, 1)], width: 1), 1, 1000))
        #expect(check(Self.runs([(300, 3), (700, 3)], width: 2), 3, 1000))
        #expect(check(Self.runs([(5, 2)], width: 2), 2, 5))
        #expect(!check(Self.runs([(999, 1)], width: 1), 1, 1000))  // too few levels
        #expect(!check(Self.runs([(500, 1), (500, 0)], width: 1), 1, 1000))  // a NULL run
        #expect(!check(Self.runs([(5, 1)], width: 2), 2, 5))  // a level below the maximum
        #expect(!check([0x03, 0xFF], 1, 8))  // a bit-packed group
        #expect(!check([0x80, 0x80], 1, 8))  // header cut short
        #expect(!check([0x00, 0x01], 1, 8))  // run of zero values
        #expect(!check([], 1, 1))
        #expect(check([], 1, 0))
        // v1 form: a 4-byte length in front; a length past the data is refused.
        let body = Self.runs([(64, 1)], width: 1)
        let v1 = [UInt8(body.count), 0, 0, 0] + body
        #expect(v1.withUnsafeBytes { LevelDecoding.v1AllAtMaximum($0, maxLevel: 1, count: 64) } == v1.count)
        let long = [UInt8(body.count + 1), 0, 0, 0] + body
        #expect(long.withUnsafeBytes { LevelDecoding.v1AllAtMaximum($0, maxLevel: 1, count: 64) } == nil)
    }

    @Test func plainByteArrayLengthsAreChecked() throws {
        let buffer = PageBuffer(count: 12)
        let bytes: [UInt8] = [2, 0, 0, 0, 0x61, 0x62, 200, 0, 0, 0, 0x63, 0x64]  // second length runs past the page
        bytes.withUnsafeBytes { buffer.base.copyMemory(from: $0.baseAddress!, byteCount: 12) }
        let values = try PlainPageValues(buffer: buffer, start: 0, kind: .byteArray, valueCount: 2)
        let first = try values.span(first: 0, count: 1)
        #expect(first.byte == 0 && first.payload == 2)
        #expect(throws: ParquetDecodeError.self) { try values.span(first: 1, count: 1) }
        #expect(throws: ParquetDecodeError.self) { try values.span(first: 0, count: 3) }
        #expect(throws: ParquetDecodeError.self) { try PlainPageValues(buffer: buffer, start: 0, kind: .fixed(width: 8), valueCount: 2) }
        #expect(throws: ParquetDecodeError.self) { try PlainPageValues(buffer: buffer, start: 13, kind: .byteArray, valueCount: 0) }
    }
}
