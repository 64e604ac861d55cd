import Foundation

/// The sentiment classes the engine's `sentiment` functions return.
public enum SentimentLabel: String, Sendable, CaseIterable {
    case positive = "POSITIVE", neutral = "NEUTRAL", negative = "NEGATIVE"
}

/// One text's sentiment: class probabilities, the label, a score on the human rating scale [-4, +4]
/// and the 1-5 star rating derived from it.
public struct SentimentScores: Sendable, Equatable {
    public var negative: Float, neutral: Float, positive: Float
    public var score: Float
    public var label: SentimentLabel
    public var stars: Int
}

/// The built-in sentiment model: all-MiniLM-L6-v2 plus the trained head (with its small encoder delta)
/// from `sentiment-head.safetensors` in the model folder. Thread-safe; each call spreads over all cores.
public final class SentimentModel: Sendable {
    public static let headFileName = "sentiment-head.safetensors"
    public let classifier: TextClassifier
    /// Score thresholds between 1|2, 2|3, 3|4 and 4|5 stars (head metadata `star_cuts`).
    public let starCuts: [Float]
    private let labelIndex: [SentimentLabel: Int]

    /// Loads the model from `folder` (default: `$PINTAIL_HOME/models/all-MiniLM-L6-v2`, see ModelFolder).
    /// `maxSequenceLength` defaults to the length the head was trained at (head metadata `max_seq_length`).
    public convenience init(folder: String = ModelFolder.path(), maxSequenceLength: Int? = nil) throws(ModelError) {
        let headFile = folder + "/" + Self.headFileName
        guard FileManager.default.fileExists(atPath: headFile) else {
            // A fine-tuned Hugging Face checkpoint (BertForSequenceClassification or the book's
            // DistilBertForSequenceClassification) carries its own head and labels.
            if let classifier = try? TextClassifier(folder: folder, maxSequenceLength: maxSequenceLength ?? 128) {
                try self.init(classifier: classifier, starCuts: [-1.5, -0.5, 0.5, 1.5])
                return
            }
            throw ModelError(.missingFile, "neither a sentiment head nor a classification checkpoint; run Scripts/model/fetch-minilm.sh for the built-in model", file: headFile)
        }
        let head = try SafeTensors(file: headFile)
        let cuts = (head.metadata["star_cuts"] ?? "-2,-0.5,0.5,2").split(separator: ",").compactMap { Float($0) }
        let length = maxSequenceLength ?? head.metadata["max_seq_length"].flatMap { Int($0) } ?? 128
        try self.init(classifier: TextClassifier(folder: folder, headFile: headFile, maxSequenceLength: length), starCuts: cuts)
    }

    public init(classifier: TextClassifier, starCuts: [Float]) throws(ModelError) {
        var index: [SentimentLabel: Int] = [:]
        for (i, name) in classifier.head.labels.enumerated() { if let label = SentimentLabel(rawValue: name) { index[label] = i } }
        guard index[.positive] != nil, index[.negative] != nil else {
            throw ModelError(.malformed, "head labels \(classifier.head.labels) lack POSITIVE/NEGATIVE")
        }
        guard starCuts.count == 4, zip(starCuts, starCuts.dropFirst()).allSatisfy({ $0 < $1 }) else {
            throw ModelError(.malformed, "star_cuts must be 4 increasing numbers")
        }
        self.classifier = classifier
        self.starCuts = starCuts
        self.labelIndex = index
    }

    public func scores(_ texts: [String], progress: ProgressHandler? = nil) throws(ModelError) -> [SentimentScores] {
        try classifier.outputs(texts, progress: progress).map(interpret)
    }

    public func predict(_ texts: [String], progress: ProgressHandler? = nil) throws(ModelError) -> [SentimentLabel] {
        try scores(texts, progress: progress).map(\.label)
    }

    /// 1-5 stars for the `star_rating` endpoint.
    public func starRatings(_ texts: [String], progress: ProgressHandler? = nil) throws(ModelError) -> [Int] {
        try scores(texts, progress: progress).map(\.stars)
    }

    func interpret(_ output: [Float]) -> SentimentScores {
        let labels = classifier.head.labels.count
        guard output.count >= labels, labels > 0 else {
            return SentimentScores(negative: 0, neutral: 1, positive: 0, score: 0, label: .neutral, stars: 3)
        }
        // Softmax over the class logits.
        let top = output[0..<labels].max() ?? 0
        let exps = output[0..<labels].map { expf($0 - top) }
        let sum = exps.reduce(0, +)
        func probability(_ label: SentimentLabel) -> Float { labelIndex[label].map { exps[$0] / sum } ?? 0 }
        let negative = probability(.negative), neutral = probability(.neutral), positive = probability(.positive)
        let label: SentimentLabel = positive >= negative && positive >= neutral ? .positive : (negative >= neutral ? .negative : .neutral)
        // Without a regression output, the score is the expected rating of the class distribution.
        let score = min(max(classifier.head.scoreOutput.map { output[$0] } ?? 3 * (positive - negative), -4), 4)
        let stars = 1 + starCuts.filter { score >= $0 }.count
        return SentimentScores(negative: negative, neutral: neutral, positive: positive, score: score, label: label, stars: stars)
    }
}
