/// How a sequence's hidden states become one vector.
public enum Pooling: String, Sendable {
    /// The mean over the sequence's tokens (its padding mask), as sentence-transformers does.
    case mean
    /// The first token's ([CLS]) hidden state, as Hugging Face's classification heads use it.
    case cls
}

/// The BERT/DistilBERT encoder. Sequences of a batch are packed one after another without padding, so every
/// projection is one GEMM over all tokens of the batch; attention runs per sequence over its own rows only,
/// which is exactly what the padding mask achieves in a padded batch.
public final class BertEncoder: Sendable {
    public let config: EncoderConfig
    let weights: EncoderWeights

    init(config: EncoderConfig, weights: EncoderWeights) {
        self.config = config
        self.weights = weights
        // Nested BLAS threads would oversubscribe the cores: the model splits batches over threads itself.
        BLASThreads.singleThreaded
    }

    /// Loads `config.json` and `model.safetensors` from a model folder, applying an optional delta file.
    public convenience init(folder: String, delta: SafeTensors? = nil) throws(ModelError) {
        let config = try EncoderConfig(file: folder + "/config.json")
        let tensors = TensorSource(base: try SafeTensors(file: folder + "/model.safetensors"), delta: delta)
        self.init(config: config, weights: try EncoderWeights(tensors, config: config))
    }

    /// One pooled vector of `hiddenSize` floats per sequence, concatenated. Ids must lie in the vocabulary.
    public func encode(_ sequences: [[Int32]], pooling: Pooling) throws(ModelError) -> [Float] {
        var scratch = Scratch()
        return try encode(sequences, pooling: pooling, scratch: &scratch)
    }

    /// `encode` with the caller's working memory (a worker keeps one across its mini-batches).
    func encode(_ sequences: [[Int32]], pooling: Pooling, scratch: inout Scratch) throws(ModelError) -> [Float] {
        var offsets = [0]
        for ids in sequences {
            guard !ids.isEmpty, ids.count <= config.maxPositions else {
                throw ModelError(.invalidInput, "sequence of \(ids.count) tokens (the model takes 1 to \(config.maxPositions))")
            }
            guard ids.allSatisfy({ $0 >= 0 && Int($0) < config.vocabularySize }) else {
                throw ModelError(.invalidInput, "token id outside the vocabulary of \(config.vocabularySize)")
            }
            offsets.append(offsets[offsets.count - 1] + ids.count)
        }
        let tokens = offsets[offsets.count - 1]
        // Nothing to compute for an empty batch.
        guard tokens > 0 else { return [] }
        scratch.reserve(tokens: tokens, longest: sequences.map(\.count).max() ?? 0, config: config)
        var hidden = scratch.hidden
        scratch.hidden = []  // held apart while the layers borrow the other buffers
        defer { scratch.hidden = hidden }
        return hidden.withUnsafeMutableBufferPointer { x in
            let x = x.baseAddress!
            embed(sequences, offsets: offsets, into: x)
            for layer in weights.layers { forward(layer, x: x, offsets: offsets, scratch: &scratch) }
            return pool(x, offsets: offsets, pooling: pooling)
        }
    }

    private func embed(_ sequences: [[Int32]], offsets: [Int], into x: UnsafeMutablePointer<Float>) {
        let h = config.hiddenSize
        weights.wordEmbeddings.withUnsafeBufferPointer { words in
            weights.positionEmbeddings.withUnsafeBufferPointer { positions in
                for (s, ids) in sequences.enumerated() {
                    for (position, id) in ids.enumerated() {
                        let row = x + (offsets[s] + position) * h
                        let word = words.baseAddress! + Int(id) * h
                        let place = positions.baseAddress! + position * h
                        for j in 0..<h { row[j] = word[j] + place[j] }
                        if let type = weights.tokenTypeEmbedding { for j in 0..<h { row[j] += type[j] } }
                    }
                }
            }
        }
        weights.embeddingNormScale.withUnsafeBufferPointer { scale in
            weights.embeddingNormBias.withUnsafeBufferPointer { bias in
                Kernels.addAndNormalize(x, columnBias: nil, rows: offsets[offsets.count - 1], size: h,
                                        scale: scale.baseAddress!, bias: bias.baseAddress!, epsilon: config.layerNormEpsilon)
            }
        }
    }

    private func pool(_ hidden: UnsafePointer<Float>, offsets: [Int], pooling: Pooling) -> [Float] {
        let h = config.hiddenSize
        var pooled = [Float](repeating: 0, count: (offsets.count - 1) * h)
        pooled.withUnsafeMutableBufferPointer { out in
            for s in 0..<offsets.count - 1 {
                let target = out.baseAddress! + s * h
                switch pooling {
                case .cls:
                    target.update(from: hidden + offsets[s] * h, count: h)
                case .mean:
                    for row in offsets[s]..<offsets[s + 1] {
                        let source = hidden + row * h
                        for j in 0..<h { target[j] += source[j] }
                    }
                    let count = Float(offsets[s + 1] - offsets[s])
                    for j in 0..<h { target[j] /= count }
                }
            }
        }
        return pooled
    }
}
