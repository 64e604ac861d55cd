/// A checkpoint's tensors with an optional delta applied on top: `replace.<name>` swaps a tensor and
/// `lora_a.<name>` [r, in] with `lora_b.<name>` [out, r] adds the low-rank product B·A (scale already in B).
/// This is how a fine-tuned head ships only the encoder parameters it changed.
struct TensorSource: Sendable {
    let base: SafeTensors
    let delta: SafeTensors?

    var file: String { base.file }

    func contains(_ name: String) -> Bool { base.contains(name) || delta?.contains("replace." + name) == true }

    func floats(_ name: String, _ shape: [Int]) throws(ModelError) -> [Float] {
        if let delta, delta.contains("replace." + name) { return try delta.floats("replace." + name, shape: shape) }
        var values = try base.floats(name, shape: shape)
        if let delta, delta.contains("lora_a." + name), shape.count == 2 {
            let a = try delta.floats("lora_a." + name)
            let rank = a.count / shape[1]
            guard rank > 0, rank * shape[1] == a.count else {
                throw ModelError(.malformed, "lora_a.\(name) does not match \(shape)", file: delta.file)
            }
            let b = try delta.floats("lora_b." + name, shape: [shape[0], rank])
            for row in 0..<shape[0] {
                for k in 0..<rank {
                    let scale = b[row * rank + k]
                    for col in 0..<shape[1] { values[row * shape[1] + col] += scale * a[k * shape[1] + col] }
                }
            }
        }
        return values
    }
}
