import Foundation
import PintailCodecs
import PintailCore
import PintailText
import Testing
@testable import pintail_datagen

/// TSV files from the fast deflate encoder (several gzip members per file) read by Pintail's text reader, and by
/// the gzip tool.
@Suite struct GeneratedTSVReadTests {
    private static func lake(rows: Int) throws -> (root: String, writer: LakeWriter) {
        let root = NSTemporaryDirectory() + "pintail-datagen-tsv-" + UUID().uuidString
        let options = try DatagenOptions.parse(["--rows", String(rows), "--seed", "11", "--out", root, "--format", "tsv"])
        let writer = LakeWriter(options: options, partRows: 700)
        _ = try writer.writeLake(threads: 2)
        return (root, writer)
    }

    @Test func pintailsTextReaderReadsEveryRowWithTypedFields() throws {
        let rows = 9000
        let (root, writer) = try Self.lake(rows: rows)
        defer { try? FileManager.default.removeItem(atPath: root) }
        var options = DelimitedTextOptions()
        options.fieldDelimiter = 0x09
        options.headerLines = 1
        let counts = ReviewCategory.apportion(total: rows)
        var total = 0
        for (index, category) in ReviewCategory.all.enumerated() {
            let path = writer.tsvURL(index).path
            let reader = try DelimitedTextReader(path: path, source: try GzipChunkSource(path: path), options: options,
                                                 columnTypes: [.string, .integer, .integer, .date],
                                                 projection: [2, 7, 9, 14])
            var read = 0
            while let batch = try reader.next() {
                for i in 0..<batch.count {
                    guard case .int(let star) = batch.columns[1].value(at: i), (1...5).contains(star) else {
                        Issue.record("\(category.name) row \(read + i): star rating \(batch.columns[1].value(at: i))")
                        continue
                    }
                    #expect(!batch.columns[3].value(at: i).isNull)
                }
                read += batch.count
            }
            #expect(reader.badFields == 0, "\(category.name)")
            #expect(read == counts[index], "\(category.name)")
            total += read
        }
        #expect(total == rows)
    }

    @Test func gzipToolAcceptsTheFilesAndDecodesTheSameText() throws {
        let gzip = "/usr/bin/gzip"
        guard FileManager.default.isExecutableFile(atPath: gzip) else { return }
        let (root, writer) = try Self.lake(rows: 4000)
        defer { try? FileManager.default.removeItem(atPath: root) }
        // Books has the most rows, so several members.
        let books = try #require(ReviewCategory.all.firstIndex { $0.name == "Books" })
        for index in [0, books] {
            let path = writer.tsvURL(index).path
            let test = Process()
            test.executableURL = URL(fileURLWithPath: gzip)
            test.arguments = ["-t", path]
            try test.run()
            test.waitUntilExit()
            #expect(test.terminationStatus == 0, "gzip -t \(path)")

            let decode = Process()
            decode.executableURL = URL(fileURLWithPath: gzip)
            decode.arguments = ["-dc", path]
            let pipe = Pipe()
            decode.standardOutput = pipe
            try decode.run()
            let text = pipe.fileHandleForReading.readDataToEndOfFile()
            decode.waitUntilExit()
            let decoder = try GzipStreamDecoder()
            var ours: [UInt8] = []
            try decoder.decode(Array(try Data(contentsOf: URL(fileURLWithPath: path)))) { ours.append(contentsOf: $0) }
            try decoder.finish()
            #expect(Array(text) == ours)
            #expect(ours.starts(with: Array(ReviewBatch.tsvHeader.utf8)))
        }
    }

    /// `--gzip-level N` switches the TSV files to zlib: other bytes, the same text.
    @Test func zlibLevelGivesOtherBytesButTheSameText() throws {
        var roots: [String] = []
        defer { for root in roots { try? FileManager.default.removeItem(atPath: root) } }
        var files: [[UInt8]] = []
        for extra in [[], ["--gzip-level", "6"]] {
            let root = NSTemporaryDirectory() + "pintail-datagen-zlib-" + UUID().uuidString
            roots.append(root)
            let options = try DatagenOptions.parse(["--rows", "3000", "--out", root, "--format", "tsv"] + extra)
            let writer = LakeWriter(options: options, partRows: 400)
            _ = try writer.writeLake(threads: 1)
            files.append(Array(try Data(contentsOf: writer.tsvURL(0))))
        }
        #expect(files[0] != files[1])
        var texts: [[UInt8]] = []
        for file in files {
            let decoder = try GzipStreamDecoder()
            var text: [UInt8] = []
            try decoder.decode(file) { text.append(contentsOf: $0) }
            try decoder.finish()
            texts.append(text)
        }
        #expect(!texts[0].isEmpty)
        #expect(texts[0] == texts[1])
    }
}
