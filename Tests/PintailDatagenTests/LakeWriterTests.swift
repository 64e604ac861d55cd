import Foundation
import PintailCodecs
import PintailParquet
import Testing
@testable import pintail_datagen

@Suite struct LakeWriterTests {
    private func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "pintail-datagen-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    private func options(_ out: String, rows: Int) throws -> DatagenOptions {
        try DatagenOptions.parse(["--rows", String(rows), "--out", out, "--seed", "5", "--row-group-rows", "200"])
    }

    /// Every file of the lake, by path relative to `root`, with its bytes.
    private func files(_ root: String) throws -> [String: Data] {
        var all: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let name = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            FileManager.default.fileExists(atPath: root + "/" + name, isDirectory: &isFolder)
            if !isFolder.boolValue { all[name] = try Data(contentsOf: URL(fileURLWithPath: root + "/" + name)) }
        }
        return all
    }

    private func gunzipLines(_ data: Data) throws -> [Substring] {
        let decoder = try GzipStreamDecoder()
        var text: [UInt8] = []
        try decoder.decode(Array(data)) { text.append(contentsOf: $0) }
        try decoder.finish()
        return String(decoding: text, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    }

    @Test func partsJoinIntoOneTSVPerCategoryAndSeveralParquetFiles() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let rows = 8000
        let summary = try LakeWriter(options: try options(root, rows: rows), partRows: 500).writeLake(threads: 3)
        #expect(summary.rows == rows)
        let counts = ReviewCategory.apportion(total: rows)
        #expect(summary.parts == counts.reduce(0) { $0 + ($1 + 499) / 500 })
        let lake = try files(root)
        #expect(!lake.keys.contains { $0.contains(".part") })
        for (index, category) in ReviewCategory.all.enumerated() {
            let tsv = try #require(lake["tsv/amazon_reviews_us_\(category.name)_v1_00.tsv.gz"])
            let lines = try gunzipLines(tsv)
            #expect(lines.first.map(String.init) == String(ReviewBatch.tsvHeader.dropLast()))
            #expect(lines.last == "")
            #expect(lines.count == counts[index] + 2, "\(category.name)")
            #expect(lines.dropFirst().dropLast().allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == 15 })
            // Review ids stay unique across the parts.
            let ids = lines.dropFirst().dropLast().map { $0.split(separator: "\t")[2] }
            #expect(Set(ids).count == ids.count)

            let parts = lake.keys.filter { $0.hasPrefix("parquet/product_category=\(category.name)/") }.sorted()
            #expect(parts.count == (counts[index] + 499) / 500)
            #expect(parts.first?.hasSuffix("/part-00000.parquet") == true)
            var parquetRows: Int64 = 0
            for part in parts { parquetRows += try ParquetFile.open(path: root + "/" + part).numRows }
            #expect(parquetRows == Int64(counts[index]))
        }
    }

    @Test func outputDependsOnTheSeedNotOnTheThreads() throws {
        let one = try temporaryFolder(), three = try temporaryFolder()
        defer {
            try? FileManager.default.removeItem(atPath: one)
            try? FileManager.default.removeItem(atPath: three)
        }
        _ = try LakeWriter(options: try options(one, rows: 3000), partRows: 300).writeLake(threads: 1)
        _ = try LakeWriter(options: try options(three, rows: 3000), partRows: 300).writeLake(threads: 3)
        let a = try files(one), b = try files(three)
        #expect(a.count > 43 * 2)
        #expect(a == b)
    }

    @Test func aSmallerRunRemovesPartsOfAnEarlierBiggerOne() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        _ = try LakeWriter(options: try options(root, rows: 4000), partRows: 100).writeLake(threads: 2)
        _ = try LakeWriter(options: try options(root, rows: 100), partRows: 100).writeLake(threads: 2)
        let parquet = try files(root).keys.filter { $0.hasSuffix(".parquet") }
        #expect(parquet.count == 43)
    }

    @Test func badOptionsAreRefusedWithAMessage() {
        #expect(throws: DatagenOptions.UsageError.self) { try DatagenOptions.parse(["--rows", "0"]) }
        #expect(throws: DatagenOptions.UsageError.self) { try DatagenOptions.parse(["--format", "csv"]) }
        #expect(throws: DatagenOptions.UsageError.self) { try DatagenOptions.parse(["--seed"]) }
    }
}
