/// Working memory of the encoder, kept by each worker across its mini-batches: fresh multi-megabyte arrays per
/// batch cost page faults and zero-filling on every call. Every buffer is fully written before it is read, so
/// reuse needs no clearing; the arrays only grow.
struct Scratch {
    var hidden: [Float] = [], qkv: [Float] = [], context: [Float] = []
    var intermediate: [Float] = [], scores: [Float] = []

    /// Makes room for a batch of `tokens` packed tokens whose longest sequence has `longest` tokens.
    mutating func reserve(tokens: Int, longest: Int, config: EncoderConfig) {
        let h = config.hiddenSize
        Self.grow(&hidden, to: tokens * h)
        Self.grow(&qkv, to: tokens * 3 * h)
        Self.grow(&context, to: tokens * h)
        Self.grow(&intermediate, to: tokens * config.intermediateSize)
        Self.grow(&scores, to: longest * longest)
    }

    private static func grow(_ buffer: inout [Float], to count: Int) {
        if buffer.count < count { buffer = [Float](repeating: 0, count: count) }
    }
}
