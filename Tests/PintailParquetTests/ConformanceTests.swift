import Foundation
import PintailCore
import Testing
@testable import PintailParquet

/// Every readable corpus file with an expected dump is read and compared row by row.
@Suite struct ConformanceTests {
    /// Files with an expected dump that are expected to fail here, with the reason.
    static let expectedFailures: [String: ParquetError.Kind] = [
        "data/datapage_v1-corrupt-checksum.parquet": .checksumMismatch,
        "data/rle-dict-uncompressed-corrupt-checksum.parquet": .checksumMismatch,
    ]

    static func expectedFiles() -> [String] {
        var out: [String] = []
        for folder in ["data", "data/geospatial"] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: Corpus.path(folder))) ?? []
            for name in names where name.hasSuffix(".parquet.expected.jsonl") {
                out.append(folder + "/" + String(name.dropLast(".expected.jsonl".count)))
            }
        }
        return out.sorted()
    }

    @Test func corpusIsPresent() {
        #expect(Self.expectedFiles().count > 50)
    }

    @Test(arguments: ConformanceTests.expectedFiles())
    func matchesExpectedRows(_ relative: String) throws {
        if let kind = Self.expectedFailures[relative] {
            #expect { _ = try readAllRows(Corpus.path(relative)) } throws: { ($0 as? ParquetError)?.kind == kind }
            var options = ParquetReadOptions()
            options.verifyChecksums = false
            try compare(relative, options: options)
            return
        }
        try compare(relative, options: ParquetReadOptions())
    }

    private func compare(_ relative: String, options: ParquetReadOptions) throws {
        let (file, rows) = try readAllRows(Corpus.path(relative), options: options)
        let text = try String(contentsOfFile: Corpus.path(relative + ".expected.jsonl"), encoding: .utf8)
        let expected = text.split(separator: "\n").map { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8), options: [.fragmentsAllowed])) as? [String: Any] ?? [:]
        }
        #expect(rows.count == expected.count, "\(relative): \(rows.count) rows, expected \(expected.count)")
        var mismatches = 0
        for (r, (row, want)) in zip(rows, expected).enumerated() {
            for (c, field) in file.schema.fields.enumerated() {
                let mine = ExpectedRendering.render(row[c], field.type)
                let theirs = want[field.name] ?? NSNull()
                if !ExpectedRendering.matches(mine, theirs, field.type) {
                    mismatches += 1
                    if mismatches <= 3 {
                        Issue.record("\(relative) row \(r) column \(field.name) (\(field.type)): got \(mine), expected \(theirs)")
                    }
                }
            }
        }
    }
}
