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
            let mean = sum(row, count: size) / Float(size)
            let variance = sumOfSquaredDeviations(row, count: size, mean: mean) / Float(size)
            let inverse = 1 / (variance + epsilon).squareRoot()
            for j in 0..<size { row[j] = (row[j] - mean) * inverse * scale[j] + bias[j] }
        }
    }

    /// GELU, erf form: x·½·(1 + erf(x/√2)). erf is the rational minimax approximation used by Eigen and XLA
    /// (absolute error below 5e-7 in float), which vectorises where libm's erff costs ~12 ns a call.
    static func gelu(_ x: UnsafeMutablePointer<Float>, count: Int) {
        for j in 0..<count {
            let v = x[j]
            x[j] = 0.5 * v * (1 + erfApproximation(v * 0.70710678118654752))
        }
    }

    @inline(__always)
    static func erfApproximation(_ value: Float) -> Float {
        let x = min(max(value, -4), 4), x2 = x * x
        var p: Float = -2.72614225801306e-10
        p = p * x2 + 2.77068142495902e-08
        p = p * x2 - 2.10102402082508e-06
        p = p * x2 - 5.69250639462346e-05
        p = p * x2 - 7.34990630326855e-04
        p = p * x2 - 2.95459980854025e-03
        p = p * x2 - 1.60960333262415e-02
        var q: Float = -1.45660718464996e-05
        q = q * x2 - 2.13374055278905e-04
        q = q * x2 - 1.68282697438203e-03
        q = q * x2 - 7.37332916720468e-03
        q = q * x2 - 1.42647390514189e-02
        return x * p / q
    }

    /// Softmax of each row in place.
    static func softmaxRows(_ x: UnsafeMutablePointer<Float>, rows: Int, size: Int) {
        for r in 0..<rows {
            let row = x + r * size
            var maxValue = -Float.infinity
            for j in 0..<size { maxValue = max(maxValue, row[j]) }
            for j in 0..<size { row[j] = expNonPositive(row[j] - maxValue) }
            let total = sum(row, count: size)
            let inverse = 1 / total
            for j in 0..<size { row[j] *= inverse }
        }
    }

    /// Keeps OpenBLAS single-threaded: the model splits batches over threads itself, and nested
    /// BLAS threads would oversubscribe the cores.
    static let singleThreadedBLAS: Void = { openblas_set_num_threads(1) }()
}
