import Foundation
import PintailCodecs
import PintailCore
import Testing
@testable import PintailParquet

/// Dictionary-encoded pages of flat columns, whose indices are decoded a batch at a time and gathered straight
/// into the batch: every type pyarrow dictionary-encodes, NULLs, many pages, a fallback to PLAIN inside a chunk,
/// v1 and v2 pages, batches cutting pages anywhere; and the index stream against the one-shot decoder.
@Suite struct DictionaryStreamTests {
    static let rows = 6000

    /// The value of `column` at `row`, as the pyarrow script below writes it.
    static func expected(_ column: Int, _ i: Int) -> Value {
        switch column {
        case 0: return i % 7 == 3 ? .null : .int(Int64(i % 50 * 31 - 700))
        case 1: return .int(Int64(i % 9) * 1_000_003 - 5_000_000_000)
        case 2: return i % 4 == 0 ? .null : .double(Double(Float(i % 12) / 4))
        case 3: return .double(Double(i % 40) * 0.5)
        case 4: return i % 11 == 5 ? .null : .int(Int64(i % 300 + 9000))  // date: days since 1970
        case 5: return .decimal(Int128(i % 25 * 7 - 50))
        case 6: return i % 13 == 2 ? .null : .string(["N", "R", "A", ""][i % 4])
        default: return .int(Int64(i) * 7 - 20000)  // many distinct values: the dictionary fills and pages fall back
        }
    }

    static let script = """
        import sys, datetime, decimal, pyarrow as pa, pyarrow.parquet as pq
        path, version, codec, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
        t = pa.table({
            "i32": pa.array([None if i % 7 == 3 else i % 50 * 31 - 700 for i in range(n)], pa.int32()),
            "i64": pa.array([i % 9 * 1000003 - 5000000000 for i in range(n)], pa.int64()),
            "f32": pa.array([None if i % 4 == 0 else (i % 12) / 4 for i in range(n)], pa.float32()),
            "f64": pa.array([(i % 40) * 0.5 for i in range(n)], pa.float64()),
            "day": pa.array([None if i % 11 == 5 else datetime.date(1970, 1, 1) + datetime.timedelta(days=i % 300 + 9000)
                             for i in range(n)], pa.date32()),
            "price": pa.array([decimal.Decimal(i % 25 * 7 - 50).scaleb(-2) for i in range(n)], pa.decimal128(9, 2)),
            "flag": pa.array([None if i % 13 == 2 else ["N", "R", "A", ""][i % 4] for i in range(n)], pa.string()),
            "spill": pa.array([i * 7 - 20000 for i in range(n)], pa.int64()),
        })
        pq.write_table(t, path, use_dictionary=True, dictionary_pagesize_limit=4000, data_page_size=900,
                       write_batch_size=53, row_group_size=2500, data_page_version=version, compression=codec)
        """

    @Test(arguments: [("1.0", "snappy"), ("2.0", "zstd"), ("1.0", "none"), ("2.0", "none")])
    func dictionaryPagesReadExactly(version: String, codec: String) throws {
        let folder = try WriterTestSupport.temporaryFolder("dictstream")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("d.parquet").path
        try WriterTestSupport.ensureVenv()
        _ = try WriterTestSupport.run(WriterTestSupport.python, ["-c", Self.script, path, version, codec, String(Self.rows)])
        let file = try ParquetFile.open(path: path)
        let encodings = file.metadata.rowGroups[0].columns.map { $0.metaData?.encodings ?? [] }
        #expect(encodings.allSatisfy { $0.contains(.plainDictionary) || $0.contains(.rleDictionary) })
        #expect(encodings[7].contains(.plain), "the spill column falls back to PLAIN")
        for batchSize in [1, 53, 333, 4096] {
            let (file, rows) = try readAllRows(path, batchSize: batchSize)
            #expect(file.metadata.rowGroups.count == 3)
            #expect(rows.count == Self.rows)
            var mismatches = 0
            for (i, row) in rows.enumerated() {
                for c in 0..<8 where row[c] != Self.expected(c, i) {
                    if mismatches < 5 { Issue.record("v\(version) \(codec) batch \(batchSize) row \(i) col \(c): \(row[c]) != \(Self.expected(c, i))") }
                    mismatches += 1
                }
            }
            #expect(mismatches == 0)
        }
        // A row selection without a page index skips rows inside pages (indices decoded and dropped).
        let selection = RowSelection([3..<5, 700..<1300, 2400..<2500])
        let reader = try file.readRowGroup(1, columns: Array(0..<8), batchSize: 100, rows: selection)
        var picked: [[Value]] = []
        while let batch = try reader.next() {
            for r in 0..<batch.count { picked.append(batch.columns.map { $0.value(at: r) }) }
        }
        let wanted = selection.ranges.flatMap { $0.map { i in (0..<8).map { Self.expected($0, 2500 + i) } } }
        #expect(picked.count == wanted.count)
        #expect(zip(picked, wanted).allSatisfy { $0 == $1 })
    }

    /// A page buffer holding a bit width byte and then `body`.
    static func page(width: Int, _ body: [UInt8]) -> PageBuffer {
        let bytes = [UInt8(width)] + body
        let buffer = PageBuffer(count: bytes.count)
        bytes.withUnsafeBytes { buffer.base.copyMemory(from: $0.baseAddress!, byteCount: bytes.count) }
        return buffer
    }

    /// Bit-packed groups of `values` at bit width `width` (a multiple of eight values), with the run header.
    static func packed(_ values: [Int], width: Int) -> [UInt8] {
        var header = (values.count / 8) << 1 | 1
        var out: [UInt8] = []
        while header >= 0x80 { out.append(UInt8(header & 0x7F | 0x80)); header >>= 7 }
        out.append(UInt8(header))
        var bits = [UInt8](repeating: 0, count: values.count * width / 8)
        for (k, v) in values.enumerated() {
            for b in 0..<width where v >> b & 1 == 1 { bits[(k * width + b) / 8] |= 1 << UInt8((k * width + b) % 8) }
        }
        return out + bits
    }

    /// Indices read in uneven pieces (cutting bit-packed groups and RLE runs) equal one decode of the whole page.
    @Test func indicesReadInPiecesEqualOneDecode() throws {
        let values = (0..<96).map { ($0 * 37 + 5) % 29 }
        let body = Self.packed(values, width: 5) + PlainFastPathTests.runs([(50, 28), (7, 0)], width: 5)
            + Self.packed(Array(values.reversed()), width: 5)
        let buffer = Self.page(width: 5, body)
        let total = 96 + 57 + 96
        var whole = try RleBitPackedDecoder(UnsafeRawBufferPointer(rebasing: buffer.bytes[1...]), bitWidth: 5)
        let reference = try whole.decode(count: total)
        for pieces in [[total], [1, 2, 3, 5, 8, 13, 21, 34, 55, 107], [7, 93, 60, 89], [100, 0, 149]] {
            let stream = try DictionaryIndexStream(buffer: buffer, start: 0, valueCount: total, dictionaryCount: 29,
                                                   keepsDictionaryShape: false)
            var got: [Int32] = []
            for n in pieces { got += Array(try stream.next(n)) }
            #expect(got == reference, "\(pieces)")
        }
        // Skipping forward drops exactly the skipped indices.
        let stream = try DictionaryIndexStream(buffer: buffer, start: 0, valueCount: total, dictionaryCount: 29, keepsDictionaryShape: false)
        _ = try stream.next(10)
        try stream.skip(to: 150)
        #expect(Array(try stream.next(20)) == Array(reference[150..<170]))
        #expect(throws: ParquetDecodeError.self) { try stream.skip(to: 100) }
        #expect(throws: ParquetDecodeError.self) { try stream.next(total - 169) }
    }

    @Test func badIndicesThrow() throws {
        // Index 28 against a dictionary of 28 values.
        let high = try DictionaryIndexStream(buffer: Self.page(width: 5, PlainFastPathTests.runs([(8, 3), (8, 28)], width: 5)),
                                             start: 0, valueCount: 16, dictionaryCount: 28, keepsDictionaryShape: false)
        #expect(try high.next(8).allSatisfy { $0 == 3 })
        #expect(throws: ParquetDecodeError.self) { try high.next(8) }
        // Runs that end before the page's values do.
        let short = try DictionaryIndexStream(buffer: Self.page(width: 2, PlainFastPathTests.runs([(4, 1)], width: 2)),
                                              start: 0, valueCount: 10, dictionaryCount: 4, keepsDictionaryShape: false)
        #expect(throws: ParquetDecodeError.self) { try short.next(10) }
        // No bit width byte, and a bit width over 32.
        #expect(throws: ParquetDecodeError.self) {
            try DictionaryIndexStream(buffer: PageBuffer(count: 0), start: 0, valueCount: 1, dictionaryCount: 4, keepsDictionaryShape: false)
        }
        #expect(throws: ParquetDecodeError.self) {
            try DictionaryIndexStream(buffer: Self.page(width: 40, []), start: 0, valueCount: 1, dictionaryCount: 4, keepsDictionaryShape: false)
        }
    }

    /// The typed gather equals the general one, with NULL rows zero and appended after existing values.
    @Test func gatherMatchesTheGeneralGather() {
        let dictionary = ColumnStorage.int64([10, 20, 30, 40])
        let indices: [Int32] = [3, 0, 2, 2, 1]
        let defs: [Int32] = [1, 0, 1, 1, 0, 0, 1, 1]
        var values = ColumnStorage.int64([7])
        let handled = indices.withUnsafeBufferPointer { idx in
            DictionaryGather.append(dictionary, idx, defs, 0..<8, 1, into: &values)
        }
        #expect(handled)
        guard case .int64(let got) = values else { Issue.record("storage changed kind"); return }
        #expect(got == [7, 40, 0, 10, 30, 0, 0, 30, 20])
        var dense = ColumnStorage.int64([])
        _ = indices.withUnsafeBufferPointer { DictionaryGather.append(dictionary, $0, nil, 0..<5, 1, into: &dense) }
        guard case .int64(let all) = dense, case .int64(let general) = dictionary.gather(indices) else {
            Issue.record("storage changed kind"); return
        }
        #expect(all == general)
        // Byte values have no typed loop here: the caller falls back.
        var bytes = ColumnStorage.bytes(ByteColumn(offsets: [0], bytes: []))
        let text = ColumnStorage.bytes(ByteColumn(offsets: [0, 1], bytes: [65]))
        #expect(![Int32(0)].withUnsafeBufferPointer { DictionaryGather.append(text, $0, nil, 0..<1, 1, into: &bytes) })
    }
}
