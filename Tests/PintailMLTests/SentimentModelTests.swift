import Foundation
import Testing
@testable import PintailML

/// The trained head (Datasets/models/sentiment-head.safetensors, from Scripts/model/train_head.py) on the real encoder.
@Suite struct SentimentModelTests {
    static let headFile = TestPaths.fixtures + "/sentiment-head.safetensors"

    static func model(for test: String) throws -> SentimentModel? {
        guard let folder = TestPaths.miniLMFolder(for: test) else { return nil }
        let head = try SafeTensors(file: headFile)
        let length = head.metadata["max_seq_length"].flatMap { Int($0) } ?? 128
        let cuts = (head.metadata["star_cuts"] ?? "").split(separator: ",").compactMap { Float($0) }
        let classifier = try TextClassifier(folder: folder, headFile: headFile, maxSequenceLength: length)
        return try SentimentModel(classifier: classifier, starCuts: cuts)
    }

    struct Reference { let text: String, label: String, logits: [Float] }

    static let references: [Reference] = {
        guard let data = FileManager.default.contents(atPath: TestPaths.fixtures + "/fixtures/sentiment-reference.jsonl") else { return [] }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap { line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
            return Reference(text: object["text"] as? String ?? "", label: object["label"] as? String ?? "",
                             logits: ((object["logits"] as? [NSNumber]) ?? []).map(\.floatValue))
        }
    }()

    @Test func heldBackSentencesMatchPyTorchWithin1e3AndAreMostlyRight() throws {
        guard let model = try Self.model(for: "heldBackSentencesMatchPyTorchWithin1e3AndAreMostlyRight") else { return }
        let references = Array(Self.references.prefix(160))
        #expect(references.count >= 100)
        let outputs = try model.classifier.outputs(references.map(\.text))
        var worst: Float = 0, correct = 0, polar = 0
        for (output, reference) in zip(outputs, references) {
            for (a, b) in zip(output, reference.logits) { worst = max(worst, abs(a - b)) }
            guard reference.label != "NEUTRAL", output.count >= 3 else { continue }
            polar += 1
            if (output[2] > output[0]) == (reference.label == "POSITIVE") { correct += 1 }
        }
        #expect(worst <= 1e-3, "largest logit difference \(worst)")
        #expect(Double(correct) >= 0.85 * Double(polar), "\(correct) of \(polar) right")
    }

    @Test func labelsAndStarsFollowTheSentiment() throws {
        guard let model = try Self.model(for: "labelsAndStarsFollowTheSentiment") else { return }
        let texts = ["This is the best blender I have ever owned, absolutely wonderful!",
                     "Terrible. It broke after two days and support never answered.",
                     "The package contains one cable and a manual."]
        let scores = try model.scores(texts)
        #expect(scores.map(\.label) == [.positive, .negative, .neutral])
        #expect(scores[0].stars >= 4 && scores[1].stars <= 2 && scores[2].stars == 3)
        #expect(scores.allSatisfy { abs($0.positive + $0.neutral + $0.negative - 1) < 1e-4 })
        #expect(try model.starRatings(texts) == scores.map(\.stars))
    }
}
