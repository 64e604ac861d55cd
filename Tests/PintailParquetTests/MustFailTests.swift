import Foundation
import Testing
@testable import PintailParquet

/// Broken and encrypted files must throw a `ParquetError` naming the file, never crash or hang.
@Suite struct MustFailTests {
    static func files() -> [String] {
        var out: [String] = []
        for folder in ["bad_data", "data", "data/aes256"] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: Corpus.path(folder))) ?? []
            for name in names where name.hasSuffix(".parquet.encrypted") || (folder == "bad_data" && name.hasSuffix(".parquet")) {
                out.append(folder + "/" + name)
            }
        }
        // ARROW-GH-43605 (bit width 0 dictionary indices) is readable; pyarrow and DuckDB read it too.
        return out.filter { !$0.contains("ARROW-GH-43605") }.sorted()
    }

    @Test func listIsComplete() {
        #expect(Self.files().count >= 15)
    }

    @Test(arguments: MustFailTests.files())
    func failsCleanly(_ relative: String) {
        let path = Corpus.path(relative)
        do {
            _ = try readAllRows(path)
            Issue.record("\(relative) was read without an error")
        } catch let error as ParquetError {
            #expect(error.file == path)
            #expect(!error.message.isEmpty)
            if relative.hasSuffix(".encrypted") { #expect(error.kind == .encrypted, "\(error)") }
        } catch {
            Issue.record("\(relative) threw a non-Parquet error: \(error)")
        }
    }

    @Test func acceptsZeroBitWidthDictionaryIndices() throws {
        let (_, rows) = try readAllRows(Corpus.path("bad_data/ARROW-GH-43605.parquet"))
        #expect(rows.count == 21186)
        #expect(rows.allSatisfy { $0[0] == .int(0) })
    }

    @Test func largeFilesWithoutDumpsRead() throws {
        for name in ["hadoop_lz4_compressed_larger", "lz4_raw_compressed_larger"] {
            let (_, rows) = try readAllRows(Corpus.path("data/\(name).parquet"))
            #expect(rows.count == 10000, "\(name)")
            #expect(rows.allSatisfy { if case .string(let s) = $0[0] { return s.count == 36 } else { return false } })
        }
        let (_, pages) = try readAllRows(Corpus.path("data/overflow_i16_page_cnt.parquet"), batchSize: 4096)
        #expect(pages.count == 40000)
        #expect(pages.allSatisfy { $0[0] == .boolean(false) })
    }
}
