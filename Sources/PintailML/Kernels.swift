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

    /// out[rows, outSize] += input[rows, inSize] · weightᵀ: a projection added onto its residual in place, so the
    /// residual needs no separate pass and the projection no buffer of its own.
    static func accumulate(
        _ input: UnsafePointer<Float>, rows: Int, inSize: Int,
        weight: UnsafePointer<Float>, outSize: Int, into out: UnsafeMutablePointer<Float>
    ) {
        cblas_sgemm(
            CblasRowMajor, CblasNoTrans, CblasTrans, Int32(rows), Int32(outSize), Int32(inSize),
            1, input, Int32(inSize), weight, Int32(inSize), 1, out, Int32(outSize))
    }

    /// x = LayerNorm(x + columnBias) row by row (columnBias, the preceding projection's bias, may be nil).
    static func addAndNormalize(
        _ x: UnsafeMutablePointer<Float>, columnBias: UnsafePointer<Float>?, rows: Int, size: Int,
        scale: UnsafePointer<Float>, bias: UnsafePointer<Float>, epsilon: Float
    ) {
        for r in 0..<rows {
            let row = x + r * size
            if let columnBias {
                for j in 0..<size { row[j] += columnBias[j] }
            }
            let mean = sum(row, count: size) / Float(size)
            let variance = sumOfSquaredDeviations(row, count: size, mean: mean) / Float(size)
            let inverse = 1 / (variance + epsilon).squareRoot()
            for j in 0..<size { row[j] = (row[j] - mean) * inverse * scale[j] + bias[j] }
        }
    }

    /// GELU, erf form: x·½·(1 + erf(x/√2)). erf is the rational minimax approximation used by Eigen and XLA
    /// (absolute error below 5e-7 in float), which the compiler vectorises where libm's erff costs ~12 ns a call.
    static func gelu(_ x: UnsafeMutablePointer<Float>, count: Int) {
        for j in 0..<count {
            let v = x[j]
            x[j] = 0.5 * v * (1 + erfApproximation(v * 0.70710678118654752))
        }
    }

    @inline(__always)
    static func erfApproximation(_ value: Float) -> Float {
        // Selects rather than min/max, whose NaN handling costs a blend per lane; NaN passes through either way.
        let above = value < -4 ? -4 : value
        let x = above > 4 ? 4 : above, x2 = x * x
        // Estrin's scheme for both polynomials in x²: Horner's chain of six dependent multiply-adds kept the
        // core waiting on latency (17 % slower).
        let x4 = x2 * x2, x8 = x4 * x4
        let p01 = x2 * -2.95459980854025e-03 - 1.60960333262415e-02
        let p23 = x2 * -5.69250639462346e-05 - 7.34990630326855e-04
        let p45 = x2 * 2.77068142495902e-08 - 2.10102402082508e-06
        let p = p01 + x4 * p23 + x8 * (p45 - x4 * 2.72614225801306e-10)
        let q01 = x2 * -7.37332916720468e-03 - 1.42647390514189e-02
        let q23 = x2 * -2.13374055278905e-04 - 1.68282697438203e-03
        let q = q01 + x4 * q23 - x8 * 1.45660718464996e-05
        return x * p / q
    }

    /// Softmax of each row in place. Plain loops over the row (hot in L1 after the score GEMM) that the compiler
    /// vectorises; they also stay tolerable in debug builds, where SIMD types cost a call per operation.
    static func softmaxRows(_ x: UnsafeMutablePointer<Float>, rows: Int, size: Int) {
        guard size > 0 else { return }
        for r in 0..<rows {
            let row = x + r * size
            let maxValue = maximum(row, count: size)
            for j in 0..<size { row[j] = expNonPositive(row[j] - maxValue) }
            let inverse = 1 / sum(row, count: size)
            for j in 0..<size { row[j] *= inverse }
        }
    }
}
