/// The encoder's shape, read from a Hugging Face config.json (BERT or DistilBERT field names).
public struct EncoderConfig: Sendable, Equatable {
    public var hiddenSize: Int
    public var layerCount: Int
    public var headCount: Int
    public var intermediateSize: Int
    public var maxPositions: Int
    public var vocabularySize: Int
    public var typeVocabularySize: Int
    public var layerNormEpsilon: Float

    public init(
        hiddenSize: Int, layerCount: Int, headCount: Int, intermediateSize: Int, maxPositions: Int,
        vocabularySize: Int, typeVocabularySize: Int = 2, layerNormEpsilon: Float = 1e-12
    ) {
        self.hiddenSize = hiddenSize
        self.layerCount = layerCount
        self.headCount = headCount
        self.intermediateSize = intermediateSize
        self.maxPositions = maxPositions
        self.vocabularySize = vocabularySize
        self.typeVocabularySize = typeVocabularySize
        self.layerNormEpsilon = layerNormEpsilon
    }

    public var headSize: Int { hiddenSize / headCount }

    public init(file: String) throws(ModelError) {
        let json = try JSONObject(file: file)
        hiddenSize = try json.requiredInt("hidden_size", "dim")
        layerCount = try json.requiredInt("num_hidden_layers", "n_layers")
        headCount = try json.requiredInt("num_attention_heads", "n_heads")
        intermediateSize = try json.requiredInt("intermediate_size", "hidden_dim")
        maxPositions = try json.requiredInt("max_position_embeddings")
        vocabularySize = try json.requiredInt("vocab_size")
        typeVocabularySize = json.int("type_vocab_size") ?? 0
        layerNormEpsilon = Float(json.double("layer_norm_eps") ?? 1e-12)
        let activation = json.string("hidden_act") ?? json.string("activation") ?? "gelu"
        guard activation == "gelu" else {
            throw ModelError(.malformed, "activation \(activation) is not supported (only gelu, erf form)", file: file)
        }
        try validate(file: file)
    }

    func validate(file: String?) throws(ModelError) {
        let positive = [hiddenSize, layerCount, headCount, intermediateSize, maxPositions, vocabularySize]
        guard positive.allSatisfy({ $0 > 0 && $0 < 1 << 20 }), hiddenSize % headCount == 0, maxPositions >= 2 else {
            throw ModelError(.malformed, "inconsistent encoder sizes", file: file)
        }
    }
}
