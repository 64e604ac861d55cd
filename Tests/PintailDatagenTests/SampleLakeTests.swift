import Foundation
import PintailCodecs
import PintailCore
import PintailParquet
import Testing
@testable import pintail_datagen

/// The committed sample lake (Datasets/amazon-reviews, made with --rows 5000 --seed 42) must keep its content
/// whatever the encoders: gzip and Parquet bytes may change, the rows may not.
@Suite struct SampleLakeTests {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let sample = repoRoot.appendingPathComponent("Datasets/amazon-reviews")

    private static func gunzip(_ url: URL) throws -> [UInt8] {
        let decoder = try GzipStreamDecoder()
        var text: [UInt8] = []
        try decoder.decode(Array(try Data(contentsOf: url))) { text.append(contentsOf: $0) }
        try decoder.finish()
        return text
    }

    private static func rows(_ path: String) throws -> [[Value]] {
        let file = try ParquetFile.open(path: path)
        var rows: [[Value]] = []
        for group in file.metadata.rowGroups.indices {
            let reader = try file.readRowGroup(group, columns: Array(file.schema.fields.indices))
            while let batch = try reader.next() {
                for i in 0..<batch.count { rows.append(batch.columns.map { $0.value(at: i) }) }
            }
        }
        return rows
    }

    @Test func regeneratingTheSampleLakeGivesTheSameRows() throws {
        let out = NSTemporaryDirectory() + "pintail-datagen-sample-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: out) }
        let options = try DatagenOptions.parse(["--rows", "5000", "--seed", "42", "--out", out, "--codec", "zstd"])
        let writer = LakeWriter(options: options)
        _ = try writer.writeLake(threads: 2)
        for (index, category) in ReviewCategory.all.enumerated() {
            let name = writer.tsvURL(index).lastPathComponent
            let bundled = try Self.gunzip(Self.sample.appendingPathComponent("tsv/" + name))
            let fresh = try Self.gunzip(writer.tsvURL(index))
            #expect(!fresh.isEmpty)
            #expect(fresh == bundled, "\(category.name) TSV")
            let part = "product_category=\(category.name)/part-00000.parquet"
            let bundledRows = try Self.rows(Self.sample.appendingPathComponent("parquet/" + part).path)
            let freshRows = try Self.rows(writer.parquetFolder(index).appendingPathComponent("part-00000.parquet").path)
            #expect(freshRows.count == bundledRows.count)
            #expect(freshRows == bundledRows, "\(category.name) Parquet")
        }
    }

    /// Ids and bodies go PLAIN from the first page; the other strings keep their dictionaries.
    @Test func distinctTextColumnsSkipTheDictionary() throws {
        let out = NSTemporaryDirectory() + "pintail-datagen-plain-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: out) }
        let options = try DatagenOptions.parse(["--rows", "3000", "--out", out, "--format", "parquet"])
        let writer = LakeWriter(options: options)
        _ = try writer.writeLake(threads: 1)
        let file = try ParquetFile.open(path: writer.parquetFolder(0).appendingPathComponent("part-00000.parquet").path)
        let chunks = try #require(file.metadata.rowGroups.first).columns.compactMap(\.metaData)
        #expect(chunks.count == ReviewBatch.parquetColumns.count)
        for chunk in chunks {
            let name = chunk.pathInSchema.joined(separator: ".")
            let plain = ReviewBatch.plainParquetColumns.contains(name)
            #expect((chunk.dictionaryPageOffset == nil) == plain, "\(name)")
            #expect(chunk.encodings.contains(.rleDictionary) == !plain, "\(name)")
            #expect(chunk.statistics?.minValue != nil || !plain, "\(name) has bounds")
        }
        #expect(ReviewBatch.plainParquetColumns.isSubset(of: Set(ReviewBatch.parquetColumns.map(\.0))))
    }
}
