import Foundation
import Testing
@testable import PintailML

/// Compares against Datasets/models/fixtures, produced by Scripts/model/make_fixtures.py from PyTorch.
@Suite struct ReferenceFixtureTests {
    struct Row {
        let text: String, ids: [Int32], distilBERT: [Float], bert: [Float], miniLM: [Float]
    }

    static let rows: [Row] = {
        guard let data = FileManager.default.contents(atPath: TestPaths.fixtures + "/fixtures/reference.jsonl") else { return [] }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap { line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
            func floats(_ key: String) -> [Float] { ((object[key] as? [NSNumber]) ?? []).map(\.floatValue) }
            return Row(text: object["text"] as? String ?? "", ids: ((object["ids"] as? [NSNumber]) ?? []).map(\.int32Value),
                       distilBERT: floats("tiny_distilbert"), bert: floats("tiny_bert"), miniLM: floats("minilm"))
        }
    }()

    @Test func fixtureHoldsAFewHundredRealTexts() {
        #expect(Self.rows.count >= 300)
    }

    @Test func tokenizerIdsMatchHuggingFaceOnEveryText() throws {
        let tokenizer = try WordPieceTokenizer(folder: TestPaths.fixtures + "/fixtures/tiny-distilbert")
        var mismatches: [String] = []
        for row in Self.rows where tokenizer.encode(row.text, maxLength: 128) != row.ids { mismatches.append(row.text) }
        #expect(mismatches.isEmpty, "\(mismatches.count) texts differ, e.g. \(mismatches.prefix(3))")
    }

    @Test(arguments: ["tiny-distilbert", "tiny-bert"])
    func randomCheckpointLogitsMatchPyTorchWithin1e3(_ name: String) throws {
        let classifier = try TextClassifier(folder: TestPaths.fixtures + "/fixtures/" + name)
        #expect(classifier.head.labels == ["NEGATIVE", "NEUTRAL", "POSITIVE"])
        let outputs = try classifier.outputs(Self.rows.map(\.text))
        var worst: Float = 0
        for (row, output) in zip(Self.rows, outputs) {
            let expected = name == "tiny-bert" ? row.bert : row.distilBERT
            #expect(output.count == expected.count)
            for (a, b) in zip(output, expected) { worst = max(worst, abs(a - b)) }
        }
        #expect(worst <= 1e-3, "largest logit difference \(worst)")
        #expect(outputs.joined().contains { abs($0) > 0.1 }, "logits should not all be near zero")
    }

    @Test func miniLMEmbeddingsOfRealTextsReachCosine0_9999() throws {
        guard let folder = TestPaths.miniLMFolder(for: "miniLMEmbeddingsOfRealTextsReachCosine0_9999") else { return }
        let encoder = try BertEncoder(folder: folder)
        let rows = Array(Self.rows.prefix(120))
        let vectors = try encoder.encode(rows.map(\.ids), pooling: .mean)
        var worst = 1.0
        for (index, row) in rows.enumerated() {
            worst = min(worst, cosine(Array(vectors[index * 384..<(index + 1) * 384]), row.miniLM))
        }
        #expect(worst >= 0.9999, "lowest cosine \(worst)")
    }
}
