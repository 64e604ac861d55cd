import Foundation
import Testing
@testable import PintailML

/// The encoder's hand-written kernels against double-precision references, at the edge sizes their loops have
/// (fewer than eight values, partial blocks of eight).
@Suite struct KernelTests {
    /// Deterministic values in -scale...scale.
    func values(_ count: Int, seed: UInt64, scale: Float) -> [Float] {
        var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
        return (0..<count).map { _ in
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return (Float(state % 20_001) / 10_000 - 1) * scale
        }
    }

    @Test func maximumFindsTheLargestValueAtEveryPosition() {
        for count in [1, 2, 7, 8, 9, 15, 16, 17, 64, 67] {
            for position in 0..<count {
                var row = values(count, seed: UInt64(count), scale: 3)
                row[position] = 10
                #expect(row.withUnsafeBufferPointer { Kernels.maximum($0.baseAddress!, count: count) } == 10)
            }
            let negative = values(count, seed: 7, scale: 1).map { $0 - 50 }
            #expect(negative.withUnsafeBufferPointer { Kernels.maximum($0.baseAddress!, count: count) } == negative.max())
        }
    }

    @Test func softmaxMatchesADoubleReference() {
        for size in [1, 2, 5, 7, 8, 9, 13, 16, 20, 31, 61, 64, 128] {
            for scale: Float in [0.5, 8, 200] {
                let rows = 3
                var x = values(rows * size, seed: UInt64(size) * 31 + UInt64(scale), scale: scale)
                let input = x
                x.withUnsafeMutableBufferPointer { Kernels.softmaxRows($0.baseAddress!, rows: rows, size: size) }
                for r in 0..<rows {
                    let row = input[r * size..<(r + 1) * size].map(Double.init)
                    let top = row.max() ?? 0
                    let total = row.reduce(0) { $0 + Foundation.exp($1 - top) }
                    for j in 0..<size {
                        let expected = Foundation.exp(row[j] - top) / total
                        let got = Double(x[r * size + j])
                        #expect(abs(got - expected) <= 1e-6 * expected + 1e-30, "size \(size) scale \(scale) [\(r), \(j)]")
                    }
                }
            }
        }
    }

    @Test func expIsAccurateOverTheSoftmaxRange() {
        var worst = 0.0
        for i in 0...87_000 {
            let x = -Float(i) / 1000
            let expected = Foundation.exp(Double(x))
            worst = max(worst, abs(Double(Kernels.expNonPositive(x)) - expected) / expected)
        }
        #expect(worst < 3e-7)
        #expect(Kernels.expNonPositive(0) == 1)
        #expect(Kernels.expNonPositive(-1000) > 0)
    }

    @Test func geluMatchesTheErfFormInDouble() {
        var x = (0..<4001).map { Float($0 - 2000) / 250 }  // -8...8, past the clamp of erf at ±4·√2
        x += values(37, seed: 3, scale: 2)  // a count that is not a multiple of the vector width
        let input = x
        x.withUnsafeMutableBufferPointer { Kernels.gelu($0.baseAddress!, count: $0.count) }
        for (v, got) in zip(input, x) {
            let d = Double(v)
            let expected = 0.5 * d * (1 + Foundation.erf(d / 2.0.squareRoot()))
            #expect(abs(Double(got) - expected) <= 1e-6 * (1 + abs(d)), "gelu(\(v))")
        }
    }

    /// A worker's working memory grows and is reused across mini-batches of other sizes: results must equal a
    /// fresh encode of each batch.
    @Test func reusedScratchGivesTheSameVectorsAsAFreshOne() throws {
        let encoder = try TextClassifier(folder: RobustnessTests.tiny).encoder
        let vocabulary = Int32(encoder.config.vocabularySize)
        func batch(_ lengths: [Int]) -> [[Int32]] {
            lengths.enumerated().map { s, n in (0..<n).map { Int32((s * 31 + $0 * 7) % Int(vocabulary)) } }
        }
        let batches = [batch([3, 5]), batch([40, 12, 9]), batch([2]), batch([17, 17, 17, 17])]
        var scratch = Scratch()
        for sequences in batches {
            let reused = try encoder.encode(sequences, pooling: .mean, scratch: &scratch)
            #expect(reused == (try encoder.encode(sequences, pooling: .mean)))
        }
        #expect(try encoder.encode([], pooling: .cls, scratch: &scratch).isEmpty)
    }
}
