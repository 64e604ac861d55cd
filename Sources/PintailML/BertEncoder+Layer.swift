import COpenBLAS

extension BertEncoder {
    /// One post-norm transformer layer over the packed hidden states `x` ([tokens, hidden]), in place.
    func forward(_ layer: LayerWeights, x: UnsafeMutablePointer<Float>, offsets: [Int], scratch: inout Scratch) {
        let h = config.hiddenSize, i = config.intermediateSize, d = config.headSize
        let tokens = offsets[offsets.count - 1], eps = config.layerNormEpsilon
        let scale = 1 / Float(d).squareRoot()
        scratch.qkv.withUnsafeMutableBufferPointer { qkvBuffer in
        scratch.context.withUnsafeMutableBufferPointer { contextBuffer in
        scratch.projected.withUnsafeMutableBufferPointer { projectedBuffer in
        scratch.intermediate.withUnsafeMutableBufferPointer { upBuffer in
        scratch.scores.withUnsafeMutableBufferPointer { scoresBuffer in
            let qkv = qkvBuffer.baseAddress!, context = contextBuffer.baseAddress!
            let projected = projectedBuffer.baseAddress!, up = upBuffer.baseAddress!, scores = scoresBuffer.baseAddress!
            layer.qkvWeight.withUnsafeBufferPointer { w in
                layer.qkvBias.withUnsafeBufferPointer { b in
                    Kernels.linear(x, rows: tokens, inSize: h, weight: w.baseAddress!, bias: b.baseAddress!, outSize: 3 * h, into: qkv)
                }
            }
            // Attention per sequence and head: scores = Q·Kᵀ/√d, softmax, context = P·V.
            let stride = Int32(3 * h)
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
            layer.outputWeight.withUnsafeBufferPointer { w in
                layer.outputBias.withUnsafeBufferPointer { b in
                    Kernels.linear(context, rows: tokens, inSize: h, weight: w.baseAddress!, bias: b.baseAddress!, outSize: h, into: projected)
                }
            }
            layer.attentionNormScale.withUnsafeBufferPointer { g in
                layer.attentionNormBias.withUnsafeBufferPointer { b in
                    Kernels.addAndNormalize(x, residual: projected, rows: tokens, size: h, scale: g.baseAddress!, bias: b.baseAddress!, epsilon: eps)
                }
            }
            layer.upWeight.withUnsafeBufferPointer { w in
                layer.upBias.withUnsafeBufferPointer { b in
                    Kernels.linear(x, rows: tokens, inSize: h, weight: w.baseAddress!, bias: b.baseAddress!, outSize: i, into: up)
                }
            }
            Kernels.gelu(up, count: tokens * i)
            layer.downWeight.withUnsafeBufferPointer { w in
                layer.downBias.withUnsafeBufferPointer { b in
                    Kernels.linear(up, rows: tokens, inSize: i, weight: w.baseAddress!, bias: b.baseAddress!, outSize: h, into: projected)
                }
            }
            layer.outputNormScale.withUnsafeBufferPointer { g in
                layer.outputNormBias.withUnsafeBufferPointer { b in
                    Kernels.addAndNormalize(x, residual: projected, rows: tokens, size: h, scale: g.baseAddress!, bias: b.baseAddress!, epsilon: eps)
                }
            }
        }}}}}
    }
}
