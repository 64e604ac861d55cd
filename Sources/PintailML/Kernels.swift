import COpenBLAS
import Foundation

/// The dense kernels of the encoder, over raw float buffers. Matrices are row-major.
enum Kernels {
    /// out[rows, outSize] = input[rows, inSize] · weightᵀ + bias, with weight stored [outSize, inSize].
    static func linear(
        _ input: UnsafePointer<Float>, rows: Int, inSize: Int,
        weight: UnsafePointer<Float>, bias: UnsafePointer<Float>, outSize: Int, into out: UnsafeMutablePointer<Float>
    ) {
        for r in 0..<rows { (out + r * outSize).update(from: bias, count: outSize) }
        cblas_sgemm(
            CblasRowMajor, CblasNoTrans, CblasTrans, Int32(rows), Int32(outSize), Int32(inSize),
            1, input, Int32(inSize), weight, Int32(inSize), 1, out, Int32(outSize))
    }

    /// x = LayerNorm(x + residual) row by row (residual may be nil).
    static func addAndNormalize(
        _ x: UnsafeMutablePointer<Float>, residual: UnsafePointer<Float>?, rows: Int, size: Int,
        scale: UnsafePointer<Float>, bias: UnsafePointer<Float>, epsilon: Float
    ) {
        for r in 0..<rows {
            let row = x + r * size
            if let residual {
                let other = residual + r * size
                for j in 0..<size { row[j] += other[j] }
            }
            var mean: Float = 0
            for j in 0..<size { mean += row[j] }
            mean /= Float(size)
            var variance: Float = 0
            for j in 0..<size {
                let d = row[j] - mean
                variance += d * d
            }
            variance /= Float(size)
            let inverse = 1 / (variance + epsilon).squareRoot()
            for j in 0..<size { row[j] = (row[j] - mean) * inverse * scale[j] + bias[j] }
        }
    }

    /// GELU, erf form: x·½·(1 + erf(x/√2)).
    static func gelu(_ x: UnsafeMutablePointer<Float>, count: Int) {
        let invSqrt2: Float = 0.70710678118654752
        for j in 0..<count {
            let v = x[j]
            x[j] = 0.5 * v * (1 + erff(v * invSqrt2))
        }
    }

    /// Softmax of each row in place.
    static func softmaxRows(_ x: UnsafeMutablePointer<Float>, rows: Int, size: Int) {
        for r in 0..<rows {
            let row = x + r * size
            var maxValue = -Float.infinity
            for j in 0..<size { maxValue = max(maxValue, row[j]) }
            var sum: Float = 0
            for j in 0..<size {
                let e = expf(row[j] - maxValue)
                row[j] = e
                sum += e
            }
            let inverse = 1 / sum
            for j in 0..<size { row[j] *= inverse }
        }
    }

    /// Keeps OpenBLAS single-threaded: the model splits batches over threads itself, and nested
    /// BLAS threads would oversubscribe the cores.
    static let singleThreadedBLAS: Void = { openblas_set_num_threads(1) }()
}
