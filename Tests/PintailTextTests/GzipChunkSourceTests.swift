import Foundation
import PintailCodecs
import PintailCore
import Testing
@testable import PintailText

/// gzip files read through `GzipChunkSource` (Pintail's own inflate) by the delimited text reader: rows match the
/// plain text, members and padding are followed, and broken files name themselves in the error.
@Suite struct GzipChunkSourceTests {
    private static func temporaryFile(_ bytes: [UInt8], _ name: String) throws -> String {
        let path = NSTemporaryDirectory() + "pintail-gzip-\(ProcessInfo.processInfo.processIdentifier)-\(name)"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    private static func lines(_ count: Int, from start: Int) -> String {
        (start..<(start + count)).map { "\($0)\tproduct \($0 % 97)\t\(String(repeating: "great value ", count: $0 % 13))\n" }
            .joined()
    }

    /// All rows of a gzip TSV file as (id, product) pairs, read with the engine's reader.
    private static func readRows(_ path: String) throws -> [[Value]] {
        let reader = try DelimitedTextReader(path: path, source: try GzipChunkSource(path: path), options: tabs(),
                                             columnTypes: [.integer, .string], projection: [0, 1])
        var rows: [[Value]] = []
        while let batch = try reader.next() {
            for r in 0..<batch.count { rows.append(batch.columns.map { $0.value(at: r) }) }
        }
        return rows
    }

    @Test func readsMembersAndPaddingLikeThePlainText() throws {
        // Large enough that the reader's 1 MiB buffer is refilled many times mid-member.
        let first = Self.lines(30_000, from: 0), second = Self.lines(20_000, from: 30_000)
        let gzip = try FastGzipWriter.compress(Array(first.utf8)) + [0, 0]
            + (try FastGzipWriter.compress(Array(second.utf8)))
        let path = try Self.temporaryFile(gzip, "members.tsv.gz")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let rows = try Self.readRows(path)
        #expect(rows.count == 50_000)
        #expect(rows.first == [.int(0), .string("product 0")])
        #expect(rows.last == [.int(49_999), .string("product \(49_999 % 97)")])
        let idsInOrder = rows.map { $0[0] } == (0..<50_000).map { Value.int(Int64($0)) }
        #expect(idsInOrder)
    }

    @Test func emptyFileIsAnEmptyTable() throws {
        let path = try Self.temporaryFile([], "empty.tsv.gz")
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try Self.readRows(path).isEmpty)
    }

    @Test func brokenFilesNameThemselves() throws {
        let gzip = try FastGzipWriter.compress(Array(Self.lines(5_000, from: 0).utf8))
        var corrupt = gzip
        corrupt[corrupt.count - 7] ^= 0x10  // inside the CRC-32
        for (name, bytes, expected) in [("crc.tsv.gz", corrupt, "CRC-32 mismatch"),
                                        ("cut.tsv.gz", Array(gzip.dropLast(100)), "truncated"),
                                        ("plain.tsv.gz", Array("1\tplain\n".utf8), "bad magic")] {
            let path = try Self.temporaryFile(bytes, name)
            defer { try? FileManager.default.removeItem(atPath: path) }
            do {
                _ = try Self.readRows(path)
                Issue.record("\(name) read without an error")
            } catch let error as TextFileError {
                #expect(error.path == path)
                #expect(error.message.contains(expected), "\(name): \(error.message)")
            }
        }
    }
}
