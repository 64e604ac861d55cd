import COpenBLAS

extension BertEncoder {
    /// One post-norm transformer layer over the packed hidden states `x` ([tokens, hidden]), in place.
    /// Both projections that feed a residual accumulate straight into `x`; their biases join in the norm's pass.
    func forward(_ layer: LayerWeights, x: UnsafeMutablePointer<Float>, offsets: [Int], scratch: inout Scratch) {
        let h = config.hiddenSize, i = config.intermediateSize
        let tokens = offsets[offsets.count - 1]
        scratch.qkv.withUnsafeMutableBufferPointer { qkvBuffer in
        scratch.context.withUnsafeMutableBufferPointer { contextBuffer in
        scratch.intermediate.withUnsafeMutableBufferPointer { upBuffer in
        scratch.scores.withUnsafeMutableBufferPointer { scoresBuffer in
            let qkv = qkvBuffer.baseAddress!, context = contextBuffer.baseAddress!
            let up = upBuffer.baseAddress!, scores = scoresBuffer.baseAddress!
            layer.qkvWeight.withUnsafeBufferPointer { w in
                layer.qkvBias.withUnsafeBufferPointer { b in
                    Kernels.linear(x, rows: tokens, inSize: h, weight: w.baseAddress!, bias: b.baseAddress!, outSize: 3 * h, into: qkv)
                }
            }
            attention(qkv, offsets: offsets, scores: scores, into: context)
            addToResidual(context, inSize: h, weight: layer.outputWeight, bias: layer.outputBias,
                          normScale: layer.attentionNormScale, normBias: layer.attentionNormBias, x: x, tokens: tokens)
            layer.upWeight.withUnsafeBufferPointer { w in
                layer.upBias.withUnsafeBufferPointer { b in
                    Kernels.linear(x, rows: tokens, inSize: h, weight: w.baseAddress!, bias: b.baseAddress!, outSize: i, into: up)
                }
            }
            Kernels.gelu(up, count: tokens * i)
            addToResidual(up, inSize: i, weight: layer.downWeight, bias: layer.downBias,
                          normScale: layer.outputNormScale, normBias: layer.outputNormBias, x: x, tokens: tokens)
        }}}}
    }

    /// x += input · weightᵀ, then x = LayerNorm(x + bias): a projection that feeds the residual, accumulated in place,
    /// its bias added in the norm's pass.
    private func addToResidual(_ input: UnsafePointer<Float>, inSize: Int, weight: [Float], bias: [Float],
                               normScale: [Float], normBias: [Float], x: UnsafeMutablePointer<Float>, tokens: Int) {
        let h = config.hiddenSize
        weight.withUnsafeBufferPointer { w in
            Kernels.accumulate(input, rows: tokens, inSize: inSize, weight: w.baseAddress!, outSize: h, into: x)
        }
        bias.withUnsafeBufferPointer { c in
            normScale.withUnsafeBufferPointer { g in
                normBias.withUnsafeBufferPointer { b in
                    Kernels.addAndNormalize(x, columnBias: c.baseAddress!, rows: tokens, size: h,
                                            scale: g.baseAddress!, bias: b.baseAddress!, epsilon: config.layerNormEpsilon)
                }
            }
        }
    }

    /// Attention per sequence and head over the packed [tokens, 3·hidden] query/key/value rows:
    /// scores = Q·Kᵀ/√d, softmax, context = P·V, each sequence attending to its own rows only.
    private func attention(_ qkv: UnsafePointer<Float>, offsets: [Int], scores: UnsafeMutablePointer<Float>,
                           into context: UnsafeMutablePointer<Float>) {
        let h = config.hiddenSize, d = config.headSize
        let scale = 1 / Float(d).squareRoot(), stride = Int32(3 * h)
        for s in 0..<offsets.count - 1 {
            let start = offsets[s], n = offsets[s + 1] - offsets[s]
            for head in 0..<config.headCount {
                let q = qkv + start * 3 * h + head * d
                cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(n), Int32(n), Int32(d),
                            scale, q, stride, q + h, stride, 0, scores, Int32(n))
                Kernels.softmaxRows(scores, rows: n, size: n)
                cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(n), Int32(d), Int32(n),
                            1, scores, Int32(n), q + 2 * h, stride, 0, context + start * h + head * d, Int32(h))
            }
        }
    }
}
