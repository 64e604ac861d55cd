import Foundation
import COpenBLAS

/// Linear layers over a pooled encoder output, as a checkpoint defines them: Hugging Face's
/// DistilBertForSequenceClassification ([CLS] → pre_classifier → ReLU → classifier), BertForSequenceClassification
/// ([CLS] → pooler → tanh → classifier), or a Pintail head file (`head.N.weight`/`head.N.bias` with metadata).
public struct ClassificationHead: Sendable {
    public enum Activation: String, Sendable { case relu, tanh, gelu, none }

    struct Layer: Sendable {
        var weight: [Float], bias: [Float], inSize: Int, outSize: Int
    }

    public let pooling: Pooling
    /// L2-normalise the pooled vector before the first layer (sentence-transformers embeddings are normalised).
    public let normalize: Bool
    public let activation: Activation
    /// One name per output (the head's last layer may have more outputs than labels, see `scoreOutput`).
    public let labels: [String]
    /// Index of an extra regression output holding a sentiment score, when the head has one.
    public let scoreOutput: Int?
    let layers: [Layer]

    public var outputCount: Int { layers.last?.outSize ?? 0 }

    init(pooling: Pooling, normalize: Bool, activation: Activation, labels: [String], scoreOutput: Int?, layers: [Layer]) {
        self.pooling = pooling
        self.normalize = normalize
        self.activation = activation
        self.labels = labels
        self.scoreOutput = scoreOutput
        self.layers = layers
    }

    /// A pass-through head over the mean-pooled vector.
    static func identity(size: Int) -> ClassificationHead {
        var weight = [Float](repeating: 0, count: size * size)
        for i in 0..<size { weight[i * size + i] = 1 }
        let layer = Layer(weight: weight, bias: [Float](repeating: 0, count: size), inSize: size, outSize: size)
        return ClassificationHead(pooling: .mean, normalize: false, activation: .none, labels: [], scoreOutput: nil, layers: [layer])
    }

    /// Reads a Hugging Face classification checkpoint's head, or nil when it has none.
    static func huggingFace(_ tensors: SafeTensors, labels: [String]) throws(ModelError) -> ClassificationHead? {
        guard tensors.contains("classifier.weight") else { return nil }
        let first: String, activation: Activation
        if tensors.contains("pre_classifier.weight") {
            (first, activation) = ("pre_classifier", .relu)
        } else if tensors.contains("bert.pooler.dense.weight") {
            (first, activation) = ("bert.pooler.dense", .tanh)
        } else {
            throw ModelError(.missingTensor, "classifier without pre_classifier or pooler", file: tensors.file)
        }
        let layers = [try layer(tensors, first), try layer(tensors, "classifier")]
        let names = labels.count == layers[1].outSize ? labels : (0..<layers[1].outSize).map { "LABEL_\($0)" }
        return ClassificationHead(pooling: .cls, normalize: false, activation: activation, labels: names, scoreOutput: nil, layers: layers)
    }

    /// Reads a Pintail head file: tensors `head.0.*`, `head.1.*`…, metadata `pooling`, `normalize`,
    /// `activation`, `labels` (comma-separated) and optionally `score_output`.
    public init(file: SafeTensors) throws(ModelError) {
        var layers: [Layer] = []
        while file.contains("head.\(layers.count).weight") { layers.append(try Self.layer(file, "head.\(layers.count)")) }
        guard !layers.isEmpty else { throw ModelError(.missingTensor, "head file has no head.0.weight", file: file.file) }
        for (a, b) in zip(layers, layers.dropFirst()) where a.outSize != b.inSize {
            throw ModelError(.malformed, "head layers do not chain (\(a.outSize) → \(b.inSize))", file: file.file)
        }
        let meta = file.metadata
        guard let pooling = Pooling(rawValue: meta["pooling"] ?? "mean"),
            let activation = Activation(rawValue: meta["activation"] ?? "relu")
        else { throw ModelError(.malformed, "unknown pooling or activation in head metadata", file: file.file) }
        let labels = (meta["labels"] ?? "").split(separator: ",").map(String.init)
        let scoreOutput = meta["score_output"].flatMap { Int($0) }
        let outputs = layers[layers.count - 1].outSize
        guard labels.count <= outputs, scoreOutput.map({ $0 >= labels.count && $0 < outputs }) ?? true else {
            throw ModelError(.malformed, "head has \(outputs) outputs for labels \(labels)", file: file.file)
        }
        self.init(pooling: pooling, normalize: meta["normalize"] == "true", activation: activation,
                  labels: labels, scoreOutput: scoreOutput, layers: layers)
    }

    private static func layer(_ tensors: SafeTensors, _ name: String) throws(ModelError) -> Layer {
        guard let shape = tensors.entries[name + ".weight"]?.shape, shape.count == 2, shape[0] > 0, shape[1] > 0 else {
            throw ModelError(.malformed, "\(name).weight is not a matrix", file: tensors.file)
        }
        return Layer(weight: try tensors.floats(name + ".weight", shape: shape),
                     bias: try tensors.floats(name + ".bias", shape: [shape[0]]), inSize: shape[1], outSize: shape[0])
    }

    /// Outputs for `rows` pooled vectors ([rows, inputSize] → [rows, outputCount]).
    func apply(_ pooled: [Float], rows: Int) -> [Float] {
        var x = pooled
        if normalize, let width = layers.first?.inSize {
            for r in 0..<rows {
                var norm: Float = 0
                for j in 0..<width { norm += x[r * width + j] * x[r * width + j] }
                let inverse = 1 / max(norm.squareRoot(), 1e-12)
                for j in 0..<width { x[r * width + j] *= inverse }
            }
        }
        for (index, layer) in layers.enumerated() {
            var out = [Float](repeating: 0, count: rows * layer.outSize)
            x.withUnsafeBufferPointer { input in
                out.withUnsafeMutableBufferPointer { output in
                    layer.weight.withUnsafeBufferPointer { w in
                        layer.bias.withUnsafeBufferPointer { b in
                            guard let input = input.baseAddress, let output = output.baseAddress else { return }
                            Kernels.linear(input, rows: rows, inSize: layer.inSize, weight: w.baseAddress!,
                                           bias: b.baseAddress!, outSize: layer.outSize, into: output)
                        }
                    }
                }
            }
            if index < layers.count - 1 { activate(&out) }
            x = out
        }
        return x
    }

    private func activate(_ values: inout [Float]) {
        switch activation {
        case .relu: for i in values.indices { values[i] = max(values[i], 0) }
        case .tanh: for i in values.indices { values[i] = tanhf(values[i]) }
        case .gelu: values.withUnsafeMutableBufferPointer { if let p = $0.baseAddress { Kernels.gelu(p, count: $0.count) } }
        case .none: break
        }
    }
}
