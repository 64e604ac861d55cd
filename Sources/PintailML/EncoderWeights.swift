/// One transformer layer's parameters. Linear weights keep the checkpoint's [out, in] layout (y = x·Wᵀ + b);
/// query, key and value are stacked into one [3·hidden, hidden] matrix so a single GEMM projects all three.
struct LayerWeights: Sendable {
    var qkvWeight: [Float], qkvBias: [Float]
    var outputWeight: [Float], outputBias: [Float]
    var attentionNormScale: [Float], attentionNormBias: [Float]
    var upWeight: [Float], upBias: [Float]
    var downWeight: [Float], downBias: [Float]
    var outputNormScale: [Float], outputNormBias: [Float]
}

/// The encoder's parameters, from either the BERT layout (`bert.` prefix or bare `embeddings.`/`encoder.layer.N.`)
/// or the DistilBERT layout (`distilbert.transformer.layer.N.`, no token types).
struct EncoderWeights: Sendable {
    var wordEmbeddings: [Float]
    var positionEmbeddings: [Float]
    /// Row 0 of the token-type table (every input here is a single segment); nil for DistilBERT.
    var tokenTypeEmbedding: [Float]?
    var embeddingNormScale: [Float], embeddingNormBias: [Float]
    var layers: [LayerWeights]

    enum Layout: Sendable { case bert(prefix: String), distilBERT(prefix: String) }

    static func detectLayout(_ tensors: TensorSource) throws(ModelError) -> Layout {
        for prefix in ["bert.", ""] where tensors.contains(prefix + "encoder.layer.0.attention.self.query.weight") {
            return .bert(prefix: prefix)
        }
        for prefix in ["distilbert.", ""] where tensors.contains(prefix + "transformer.layer.0.attention.q_lin.weight") {
            return .distilBERT(prefix: prefix)
        }
        throw ModelError(.missingTensor, "neither a BERT nor a DistilBERT encoder layout", file: tensors.file)
    }

    init(_ tensors: TensorSource, config c: EncoderConfig) throws(ModelError) {
        let h = c.hiddenSize, i = c.intermediateSize
        let layout = try Self.detectLayout(tensors)
        let embeddings: String
        switch layout {
        case .bert(let prefix): embeddings = prefix + "embeddings."
        case .distilBERT(let prefix): embeddings = prefix + "embeddings."
        }
        wordEmbeddings = try tensors.floats(embeddings + "word_embeddings.weight", [c.vocabularySize, h])
        positionEmbeddings = try tensors.floats(embeddings + "position_embeddings.weight", [c.maxPositions, h])
        if case .bert = layout, c.typeVocabularySize > 0 {
            tokenTypeEmbedding = Array(try tensors.floats(embeddings + "token_type_embeddings.weight", [c.typeVocabularySize, h])[0..<h])
        } else {
            tokenTypeEmbedding = nil
        }
        embeddingNormScale = try tensors.floats(embeddings + "LayerNorm.weight", [h])
        embeddingNormBias = try tensors.floats(embeddings + "LayerNorm.bias", [h])

        // Per-layout tensor names: query, key, value, attention output, attention norm, up, down, output norm.
        let names: [String]
        let layerPrefix: String
        switch layout {
        case .bert(let prefix):
            layerPrefix = prefix + "encoder.layer."
            names = ["attention.self.query", "attention.self.key", "attention.self.value", "attention.output.dense",
                     "attention.output.LayerNorm", "intermediate.dense", "output.dense", "output.LayerNorm"]
        case .distilBERT(let prefix):
            layerPrefix = prefix + "transformer.layer."
            names = ["attention.q_lin", "attention.k_lin", "attention.v_lin", "attention.out_lin",
                     "sa_layer_norm", "ffn.lin1", "ffn.lin2", "output_layer_norm"]
        }
        var layers: [LayerWeights] = []
        for index in 0..<c.layerCount {
            let p = layerPrefix + "\(index)."
            func weight(_ n: Int, _ shape: [Int]) throws(ModelError) -> [Float] { try tensors.floats(p + names[n] + ".weight", shape) }
            func bias(_ n: Int, _ size: Int) throws(ModelError) -> [Float] { try tensors.floats(p + names[n] + ".bias", [size]) }
            layers.append(LayerWeights(
                qkvWeight: try weight(0, [h, h]) + weight(1, [h, h]) + weight(2, [h, h]),
                qkvBias: try bias(0, h) + bias(1, h) + bias(2, h),
                outputWeight: try weight(3, [h, h]), outputBias: try bias(3, h),
                attentionNormScale: try weight(4, [h]), attentionNormBias: try bias(4, h),
                upWeight: try weight(5, [i, h]), upBias: try bias(5, i),
                downWeight: try weight(6, [h, i]), downBias: try bias(6, h),
                outputNormScale: try weight(7, [h]), outputNormBias: try bias(7, h)))
        }
        self.layers = layers
    }
}
