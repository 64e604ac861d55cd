import CZlib
import Testing
@testable import PintailCodecs

/// Corrupt and truncated streams: our inflate must agree with zlib's (same output, or both reject), and must
/// throw rather than crash or hang.
@Suite struct FastInflateCorruptionTests {
    typealias F = InflateFixture

    /// Small streams of each block kind: dynamic, fixed, stored, and our own encoder's.
    static let streams: [(String, [UInt8])] = {
        let text = F.tsv(600, seed: 20)
        return [("dynamic", F.zlibGzip(text, level: 6)), ("fixed", F.zlibGzip(text, level: 6, strategy: Z_FIXED)),
                ("stored", F.zlibGzip(Array(text[0..<100]), level: 0)),
                ("fast writer", try! FastGzipWriter.compress(text))]
    }()

    private static func agreeWithZlib(_ bytes: [UInt8], _ label: String) {
        let expected = F.zlibInflate(bytes)
        for (inputChunk, outputPiece) in [(1 << 16, 1 << 16), (7, 13)] {
            let ours = try? F.fastInflate(bytes, inputChunk: inputChunk, outputPiece: outputPiece, inputCapacity: 64)
            // Compared first so that a failure reports the case, not two long byte arrays.
            let agrees = ours == expected
            #expect(agrees, "\(label) (input chunks \(inputChunk), output pieces \(outputPiece)): ours \(ours?.count ?? -1) bytes, zlib \(expected?.count ?? -1)")
        }
    }

    @Test func everySingleBitFlipAgreesWithZlib() {
        for (name, stream) in Self.streams {
            for position in stream.indices {
                for bit in 0..<8 {
                    var bytes = stream
                    bytes[position] ^= UInt8(1 << bit)
                    Self.agreeWithZlib(bytes, "\(name): bit \(bit) of byte \(position) flipped")
                }
            }
        }
    }

    @Test func everyTruncationThrows() {
        for (name, stream) in Self.streams {
            for length in 1..<stream.count {
                let cut = Array(stream[0..<length])
                #expect(throws: DecompressError.self, "\(name) cut to \(length) bytes") {
                    _ = try F.fastInflate(cut, inputChunk: 5, outputPiece: 50, inputCapacity: 64)
                }
                #expect(throws: DecompressError.self, "\(name) cut to \(length) bytes") { _ = try F.fastInflate(cut) }
            }
        }
    }

    /// Random multi-byte damage to a larger stream, past the header (so that the deflate data itself is hit).
    @Test func randomDamageAgreesWithZlib() {
        let text = F.tsv(20_000, seed: 21)
        let stream = F.zlibGzip(text, level: 6)
        var state: UInt64 = 99
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        for trial in 0..<300 {
            var bytes = stream
            for _ in 0..<(next() % 4 + 1) {
                bytes[10 + next() % (bytes.count - 10)] = UInt8(truncatingIfNeeded: next())
            }
            Self.agreeWithZlib(bytes, "trial \(trial)")
        }
    }

    /// Random bytes behind a valid header: every block type and code-length table the bits happen to describe.
    @Test func randomDeflateDataAgreesWithZlib() {
        let header: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3]
        for seed in 0..<400 {
            let body = F.random(40 + seed % 200, seed: UInt64(seed) + 1000)
            Self.agreeWithZlib(header + body, "random body \(seed)")
        }
    }
}
