import Foundation
import Synchronization

/// Progress of a batched call: how many texts are done out of how many. Return false to cancel.
public typealias ProgressHandler = @Sendable (_ done: Int, _ total: Int) -> Bool

/// Tokenizer + encoder + head, run over a batch of texts: sorted by token count so that each mini-batch holds
/// texts of similar length, mini-batches spread over all cores, progress reported after each mini-batch.
public final class TextClassifier: Sendable {
    public let tokenizer: WordPieceTokenizer
    public let encoder: BertEncoder
    public let head: ClassificationHead
    public let maxSequenceLength: Int
    /// Upper bound on the tokens of one mini-batch (bounds scratch memory; large enough for efficient GEMMs).
    public let tokensPerBatch: Int
    public let threadCount: Int

    public init(tokenizer: WordPieceTokenizer, encoder: BertEncoder, head: ClassificationHead,
                maxSequenceLength: Int = 128, tokensPerBatch: Int = 2048, threadCount: Int? = nil) throws(ModelError) {
        guard maxSequenceLength >= 2, maxSequenceLength <= encoder.config.maxPositions else {
            throw ModelError(.invalidInput, "max sequence length \(maxSequenceLength) outside 2...\(encoder.config.maxPositions)")
        }
        guard tokenizer.vocabulary.count <= encoder.config.vocabularySize else {
            throw ModelError(.malformed, "vocabulary of \(tokenizer.vocabulary.count) exceeds the model's \(encoder.config.vocabularySize)")
        }
        guard head.layers.first?.inSize == encoder.config.hiddenSize else {
            throw ModelError(.malformed, "head input \(head.layers.first?.inSize ?? 0) ≠ hidden size \(encoder.config.hiddenSize)")
        }
        self.tokenizer = tokenizer
        self.encoder = encoder
        self.head = head
        self.maxSequenceLength = maxSequenceLength
        self.tokensPerBatch = max(tokensPerBatch, maxSequenceLength)
        self.threadCount = max(1, threadCount ?? ProcessInfo.processInfo.activeProcessorCount)
    }

    /// Loads a folder holding a Hugging Face classification checkpoint (config.json, vocab.txt,
    /// model.safetensors with `classifier.*`), or an encoder plus a Pintail head file (`headFile`).
    public convenience init(folder: String, headFile: String? = nil, maxSequenceLength: Int = 128) throws(ModelError) {
        let tokenizer = try WordPieceTokenizer(folder: folder)
        let base = try SafeTensors(file: folder + "/model.safetensors")
        let head: ClassificationHead
        var delta: SafeTensors?
        if let headFile {
            let file = try SafeTensors(file: headFile)
            head = try ClassificationHead(file: file)
            delta = file
        } else if let builtIn = try ClassificationHead.huggingFace(base, labels: try Self.labels(folder + "/config.json")) {
            head = builtIn
        } else {
            throw ModelError(.missingTensor, "no classification head in the checkpoint and no head file given", file: base.file)
        }
        let config = try EncoderConfig(file: folder + "/config.json")
        let encoder = BertEncoder(config: config, weights: try EncoderWeights(TensorSource(base: base, delta: delta), config: config))
        try self.init(tokenizer: tokenizer, encoder: encoder, head: head, maxSequenceLength: maxSequenceLength)
    }

    /// An encoder without a classification head, for `embeddings` (its `outputs` are the mean-pooled vectors).
    public convenience init(encoderFolder folder: String, maxSequenceLength: Int = 128) throws(ModelError) {
        let encoder = try BertEncoder(folder: folder)
        try self.init(tokenizer: WordPieceTokenizer(folder: folder), encoder: encoder,
                      head: .identity(size: encoder.config.hiddenSize), maxSequenceLength: maxSequenceLength)
    }

    /// `id2label` from config.json, in id order (empty when absent).
    static func labels(_ file: String) throws(ModelError) -> [String] {
        let json = try JSONObject(file: file)
        guard let map = json.dictionary["id2label"] as? [String: Any] else { return [] }
        return map.compactMap { key, value in Int(key).map { ($0, value as? String ?? "") } }.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// Head outputs per text ([texts.count][head.outputCount]), in input order.
    public func outputs(_ texts: [String], progress: ProgressHandler? = nil) throws(ModelError) -> [[Float]] {
        let sequences = texts.map { tokenizer.encode($0, maxLength: maxSequenceLength) }
        return try outputs(tokenized: sequences, progress: progress)
    }

    public func outputs(tokenized sequences: [[Int32]], progress: ProgressHandler? = nil) throws(ModelError) -> [[Float]] {
        try run(sequences, pooling: head.pooling, width: head.outputCount, progress: progress) { head.apply($0, rows: $1) }
    }

    /// Mean-pooled, L2-normalised sentence embeddings ([texts.count][hiddenSize]), as sentence-transformers gives.
    public func embeddings(_ texts: [String], progress: ProgressHandler? = nil) throws(ModelError) -> [[Float]] {
        let sequences = texts.map { tokenizer.encode($0, maxLength: maxSequenceLength) }
        return try embeddings(tokenized: sequences, progress: progress)
    }

    public func embeddings(tokenized sequences: [[Int32]], progress: ProgressHandler? = nil) throws(ModelError) -> [[Float]] {
        let width = encoder.config.hiddenSize
        return try run(sequences, pooling: .mean, width: width, progress: progress) { pooled, rows in
            var vectors = pooled
            for r in 0..<rows {
                var norm: Float = 0
                for j in 0..<width { norm += vectors[r * width + j] * vectors[r * width + j] }
                let inverse = 1 / max(norm.squareRoot(), 1e-12)
                for j in 0..<width { vectors[r * width + j] *= inverse }
            }
            return vectors
        }
    }

    /// Encodes mini-batches on `threadCount` workers and maps each batch's pooled rows through `finish`.
    private func run(
        _ sequences: [[Int32]], pooling: Pooling, width: Int, progress: ProgressHandler?,
        finish: @Sendable ([Float], Int) -> [Float]
    ) throws(ModelError) -> [[Float]] {
        let batches = Self.plan(sequences, tokensPerBatch: tokensPerBatch, workers: threadCount)
        let total = sequences.count
        struct State { var next = 0, done = 0, cancelled = false, failure: ModelError?; var results: [[Float]?] }
        let state = Mutex(State(results: Array(repeating: nil, count: total)))
        let workers = min(threadCount, batches.count)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            var scratch = Scratch()
            while true {
                let index: Int? = state.withLock { s in
                    guard !s.cancelled, s.failure == nil, s.next < batches.count else { return nil }
                    defer { s.next += 1 }
                    return s.next
                }
                guard let index else { return }
                let members = batches[index]
                do throws(ModelError) {
                    let pooled = try encoder.encode(members.map { sequences[$0] }, pooling: pooling, scratch: &scratch)
                    let out = finish(pooled, members.count)
                    let done = state.withLock { s in
                        for (row, member) in members.enumerated() { s.results[member] = Array(out[row * width..<(row + 1) * width]) }
                        s.done += members.count
                        return s.done
                    }
                    if let progress, !progress(done, total) { state.withLock { $0.cancelled = true } }
                } catch {
                    state.withLock { $0.failure = error }
                }
            }
        }
        return try state.withLock { s throws(ModelError) in
            if let failure = s.failure { throw failure }
            if s.cancelled { throw ModelError(.cancelled, "cancelled after \(s.done) of \(total) texts") }
            return s.results.map { $0 ?? [] }
        }
    }

    /// Groups sequence indexes into mini-batches of similar length, longest first (so the slowest work starts early).
    /// The batch count is rounded up to a multiple of `workers` and tokens are spread evenly over the batches, so the
    /// last round keeps every worker busy (12 batches with a half-empty last one left a core idle for ~4 % of the
    /// time; one small call made one batch for one core). No batch passes `tokensPerBatch` tokens.
    static func plan(_ sequences: [[Int32]], tokensPerBatch: Int, workers: Int = 1) -> [[Int]] {
        let order = sequences.indices.sorted { sequences[$0].count > sequences[$1].count }
        let total = sequences.reduce(0) { $0 + $1.count }
        let longest = sequences.map(\.count).max() ?? 0
        guard total > 0 else { return order.isEmpty ? [] : [order] }
        // A batch holds the sequences whose middle token falls in its share, so it exceeds the share by less than
        // one sequence: shares of at most tokensPerBatch - longest keep it under the bound.
        let room = max(tokensPerBatch - longest, 1)
        let needed = (total + room - 1) / room
        let rounded = (needed + workers - 1) / workers * workers
        // As many batches as sequences (a bound near the longest sequence): one sequence each.
        if rounded >= order.count { return order.map { [$0] } }
        let count = max(1, rounded)
        let share = Double(total) / Double(count)
        var batches = [[Int]](repeating: [], count: count)
        var start = 0
        for index in order {
            let length = sequences[index].count
            let middle = Double(start) + Double(length) / 2
            batches[min(count - 1, Int(middle / share))].append(index)
            start += length
        }
        return batches.filter { !$0.isEmpty }
    }
}
