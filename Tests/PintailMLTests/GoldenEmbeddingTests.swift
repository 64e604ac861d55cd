import Testing
@testable import PintailML

@Suite struct GoldenEmbeddingTests {
    @Test func goldenFileHasTwelveRows() throws {
        let rows = try GoldenRow.load()
        #expect(rows.count == 12)
        #expect(rows.allSatisfy { $0.embedding.count == 384 })
    }

    @Test func tokenizerMatchesTheReferenceIdsExactly() throws {
        guard let folder = TestPaths.miniLMFolder(for: "tokenizerMatchesTheReferenceIdsExactly") else { return }
        let tokenizer = try WordPieceTokenizer(folder: folder)
        for row in try GoldenRow.load() {
            #expect(tokenizer.encode(row.text, maxLength: row.maxLength) == row.ids, "\(row.text) @\(row.maxLength)")
        }
    }

    @Test func embeddingsReachCosineOfAtLeast0_9999() throws {
        guard let folder = TestPaths.miniLMFolder(for: "embeddingsReachCosineOfAtLeast0_9999") else { return }
        let encoder = try BertEncoder(folder: folder)
        let rows = try GoldenRow.load()
        let vectors = try encoder.encode(rows.map(\.ids), pooling: .mean)
        for (index, row) in rows.enumerated() {
            let vector = Array(vectors[index * 384..<(index + 1) * 384])
            let similarity = cosine(vector, row.embedding)
            #expect(similarity >= 0.9999, "\(row.text) @\(row.maxLength): cosine \(similarity)")
        }
    }
}
