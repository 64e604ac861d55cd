import Foundation
import PintailCore
import Testing
@testable import PintailParquet

/// Filter-first reads (`ParquetBatchReader.next(readingFirst:select:)`): the columns read for picked rows only
/// must hold exactly the values of a full read followed by a gather, whatever the encoding, NULLs, page sizes
/// (different per column) and pattern of picks; and the first columns, read in dictionary shape, the same values.
@Suite struct SelectedDecodingTests {
    /// Which rows to keep: none, all, sparse, runs, alternating, or only the last row, by batch.
    static func picks(batch: Int, rows: Int, seed: Int) -> [Int32] {
        switch (batch + seed) % 6 {
        case 0: return []
        case 1: return (0..<Int32(rows)).map { $0 }
        case 2: return (0..<Int32(rows)).filter { (Int($0) &* 2_654_435_761 &+ seed) % 31 == 0 }
        case 3: return (0..<Int32(rows)).filter { ($0 / 97) % 3 == 1 }
        case 4: return (0..<Int32(rows)).filter { $0 % 2 == 0 }
        default: return rows > 0 ? [Int32(rows - 1)] : []
        }
    }

    /// Reads every row group of `path` both ways (each column in turn read first) and compares values.
    static func compare(_ path: String, batchSize: Int) throws -> Int {
        let file = try ParquetFile.open(path: path)
        let columns = Array(file.schema.fields.indices)
        var checked = 0
        for g in file.metadata.rowGroups.indices {
            var full: [[Value]] = []
            let reader = try file.readRowGroup(g, columns: columns, batchSize: batchSize)
            var sizes: [Int] = []
            while let b = try reader.next() {
                sizes.append(b.count)
                for r in 0..<b.count { full.append(b.columns.map { $0.value(at: r) }) }
            }
            for firstColumn in [0, columns.count - 1] where !columns.isEmpty {
                let selected = try file.readRowGroup(g, columns: columns, batchSize: batchSize)
                var batch = 0, base = 0
                while true {
                    var wanted: [Int32] = []
                    // The first column in dictionary shape (indices over the chunk's dictionary) when it is encoded so.
                    let out = try selected.next(readingFirst: [firstColumn], dictionaryShaped: [firstColumn]) { vectors, n in
                        #expect(vectors[firstColumn] != nil)
                        #expect(vectors.enumerated().allSatisfy { $0.offset == firstColumn || $0.element == nil })
                        #expect(n == sizes[batch])
                        // The first column's values are the full read's.
                        for r in 0..<n where vectors[firstColumn]!.value(at: r) != full[base + r][firstColumn] {
                            Issue.record("\(path) group \(g) row \(base + r): first column differs")
                            break
                        }
                        wanted = picks(batch: batch, rows: n, seed: firstColumn)
                        return wanted
                    }
                    guard let out else { break }
                    #expect(out.count == wanted.count)
                    #expect(out.columns.count == columns.count)
                    for (k, r) in wanted.enumerated() {
                        let got = out.columns.map { $0.value(at: k) }
                        if got != full[base + Int(r)] {
                            Issue.record("\(path) group \(g) batch \(batch) row \(base + Int(r)) (first \(firstColumn)): \(got) != \(full[base + Int(r)])")
                            return checked
                        }
                        checked += 1
                    }
                    base += sizes[batch]
                    batch += 1
                }
                #expect(batch == sizes.count)
            }
        }
        return checked
    }

    /// Corpus files with dictionary and PLAIN pages, NULLs, several pages and row groups, v2 pages, delta
    /// encodings, byte-stream-split and nested columns (read whole and sliced).
    @Test(arguments: [
        "alltypes_plain.parquet", "alltypes_dictionary.parquet", "alltypes_plain.snappy.parquet",
        "alltypes_tiny_pages.parquet", "alltypes_tiny_pages_plain.parquet", "datapage_v2.snappy.parquet",
        "delta_binary_packed.parquet", "delta_byte_array.parquet", "delta_encoding_optional_column.parquet",
        "delta_length_byte_array.parquet", "byte_stream_split.zstd.parquet", "nulls.snappy.parquet",
        "nullable.impala.parquet", "dict-page-offset-zero.parquet", "binary.parquet", "fixed_length_decimal.parquet",
        "int32_with_null_pages.parquet", "rle_boolean_encoding.parquet", "data_index_bloom_encoding_stats.parquet",
    ])
    func corpusFilesMatchFullReads(name: String) throws {
        let path = Corpus.path("data/" + name)
        guard FileManager.default.fileExists(atPath: path) else { Issue.record("missing corpus file \(name)"); return }
        var checked = 0
        for batchSize in [7, 100, 4096] { checked += try Self.compare(path, batchSize: batchSize) }
        #expect(checked > 0)
    }

    static let plainScript = """
        import sys, pyarrow as pa, pyarrow.parquet as pq
        path, n = sys.argv[1], int(sys.argv[2])
        t = pa.table({
            "small": pa.array([None if i % 5 == 1 else i % 100 for i in range(n)], pa.int8()),
            "i32": pa.array([None if i % 7 == 3 else i * 3 - 7000 for i in range(n)], pa.int32()),
            "i64": pa.array([i * 1000003 - 5000000000 for i in range(n)], pa.int64()),
            "f64": pa.array([None if i % 9 == 0 else i * 0.25 for i in range(n)], pa.float64()),
            "text": pa.array([None if i % 6 == 2 else "v%d" % i * (i % 4) for i in range(n)], pa.string()),
            "long": pa.array(["x" * (i % 300) for i in range(n)], pa.string()),
        })
        pq.write_table(t, path, use_dictionary=False, data_page_size=700, write_batch_size=41, row_group_size=2600)
        """

    /// Written files whose columns cut their pages at different rows (dictionary pages with a fallback to PLAIN,
    /// and PLAIN pages of widths from 1 to about 300 bytes), NULLs in most columns.
    @Test func writtenFilesWithUnevenPagesMatchFullReads() throws {
        try WriterTestSupport.ensureVenv()
        let folder = try WriterTestSupport.temporaryFolder("selected")
        defer { try? FileManager.default.removeItem(at: folder) }
        let dict = folder.appendingPathComponent("dict.parquet").path
        _ = try WriterTestSupport.run(WriterTestSupport.python, ["-c", DictionaryStreamTests.script, dict, "1.0", "snappy", "6000"])
        let plain = folder.appendingPathComponent("plain.parquet").path
        _ = try WriterTestSupport.run(WriterTestSupport.python, ["-c", Self.plainScript, plain, "6000"])
        for path in [dict, plain] {
            let file = try ParquetFile.open(path: path)
            #expect(file.metadata.rowGroups.count == 3)
            var checked = 0
            for batchSize in [13, 4096] { checked += try Self.compare(path, batchSize: batchSize) }
            #expect(checked > 2000)
        }
    }

    /// Skipping inside RLE / bit-packed runs lands on the same values as decoding them.
    @Test func rleSkipMatchesDecoding() throws {
        // An RLE run of 13 x 5, then a bit-packed run of 3 groups (24 values 0..23) at width 5, then RLE 9 x 2.
        var bytes: [UInt8] = [13 << 1, 5, (3 << 1) | 1]
        var bits = 0, acc: UInt64 = 0
        for v in 0..<24 {
            acc |= UInt64(v) << UInt64(bits)
            bits += 5
            while bits >= 8 { bytes.append(UInt8(acc & 0xFF)); acc >>= 8; bits -= 8 }
        }
        bytes += [9 << 1, 2]
        let all: [Int32] = Array(repeating: 5, count: 13) + (0..<24).map { Int32($0) } + Array(repeating: 2, count: 9)
        for skip in 0..<all.count {
            for take in 1...(all.count - skip) {
                let got: [Int32] = try bytes.withUnsafeBytes { raw in
                    var d = try RleBitPackedDecoder(raw, bitWidth: 5)
                    var split = skip / 2
                    _ = try d.decode(count: split)
                    split = skip - split
                    try d.skip(split)
                    return try d.decode(count: take)
                }
                #expect(got == Array(all[skip..<skip + take]), "skip \(skip) take \(take)")
            }
        }
    }
}
