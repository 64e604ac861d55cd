import Foundation
import Testing
@testable import PintailCodecs

/// The fast gzip encoder checked against zlib's inflate (through `GzipStreamDecoder`, which also checks the CRC and
/// size in the trailer) on inputs that exercise literals, long matches, stored blocks and the window's slide.
@Suite struct FastDeflateTests {
    private static func inflate(_ gzip: [UInt8]) throws -> [UInt8] {
        let decoder = try GzipStreamDecoder()
        var out: [UInt8] = []
        try decoder.decode(gzip) { out.append(contentsOf: $0) }
        try decoder.finish()
        return out
    }

    private static func roundTrip(_ input: [UInt8], _ label: String) throws {
        let compressed = try FastGzipWriter.compress(input)
        let back = try inflate(compressed)
        #expect(back.count == input.count, "\(label): \(input.count) bytes")
        #expect(back == input, "\(label): \(input.count) bytes")
    }

    private static func random(_ count: Int, seed: UInt64, alphabet: Int = 256) -> [UInt8] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: Int(state >> 33) % alphabet)
        }
    }

    /// Text made of a few hundred words: matches of every length and distance, including across the 64 KiB blocks.
    private static func words(_ count: Int, seed: UInt64) -> [UInt8] {
        let vocabulary = ["the", "product", "arrived", "broken", "great", "value", "would", "buy", "again", "five",
                          "stars", "terrible", "quality", "\t", "\n", "2015-08-31", "R1X2Y3Z4", "excellent"]
        var state = seed
        var out: [UInt8] = []
        while out.count < count {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            out.append(contentsOf: vocabulary[Int(state >> 33) % vocabulary.count].utf8)
            out.append(0x20)
        }
        return Array(out.prefix(count))
    }

    @Test func emptyAndTinyInputs() throws {
        try Self.roundTrip([], "empty")
        try Self.roundTrip([0], "one zero byte")
        try Self.roundTrip([255], "one byte")
        try Self.roundTrip([1, 2, 3], "three bytes")
        try Self.roundTrip([7, 7, 7, 7, 7], "five equal bytes")
        for n in 0..<40 { try Self.roundTrip(Self.random(n, seed: UInt64(n), alphabet: 3), "small \(n)") }
    }

    @Test func randomAndIncompressibleInputsOfManySizes() throws {
        for n in [100, 4095, 65_535, 65_536, 65_537, 300_000] {
            let noise = Self.random(n, seed: UInt64(n))
            try Self.roundTrip(noise, "noise")
            // Incompressible input falls back to stored blocks, so it grows by only a few bytes per 64 KiB.
            let size = try FastGzipWriter.compress(noise).count
            #expect(size <= n + 18 + 10 * (n / 65_535 + 1), "noise \(n) -> \(size)")
            try Self.roundTrip(Self.random(n, seed: UInt64(n) + 1, alphabet: 4), "four letters")
        }
    }

    @Test func repetitiveInputsUseLongMatchesAndTheWholeWindow() throws {
        let zeros = [UInt8](repeating: 0, count: 1_000_000)
        try Self.roundTrip(zeros, "zeros")
        #expect(try FastGzipWriter.compress(zeros).count < 10_000)
        let pattern = Array((0..<1_000_000).map { UInt8(truncatingIfNeeded: $0 % 251) })
        try Self.roundTrip(pattern, "period 251")
        // A 20 KiB random block repeated: every repeat is a match 20 KiB back, across chunk and block boundaries.
        let block = Self.random(20_000, seed: 9)
        let repeated = Array([[UInt8]](repeating: block, count: 40).joined())
        try Self.roundTrip(repeated, "repeated random block")
        let repeatedSize = try FastGzipWriter.compress(repeated).count
        #expect(repeatedSize < 80_000, "\(repeatedSize) bytes")
    }

    @Test func textCompressesAboutAsWellAsZlibLevelOne() throws {
        let text = Self.words(2_000_000, seed: 3)
        try Self.roundTrip(text, "words")
        let fast = try FastGzipWriter.compress(text).count
        let zlib = try BlockCompressor(codec: .gzip, level: 1).compress(text).count
        #expect(Double(fast) < Double(zlib) * 1.25, "fast \(fast) vs zlib level 1 \(zlib)")
    }

    @Test func streamingInPiecesEqualsOneShot() throws {
        let text = Self.words(2_500_000, seed: 4)  // past two 1 MiB chunks: the window slides twice
        var streamed: [UInt8] = []
        let writer = try FastGzipWriter { streamed.append(contentsOf: $0) }
        var offset = 0
        var step = 1
        while offset < text.count {
            let n = min(step, text.count - offset)
            try text[offset..<(offset + n)].withUnsafeBytes { try writer.write($0) }
            offset += n
            step = step * 3 + 1
        }
        try writer.finish()
        #expect(try Self.inflate(streamed) == text)
        #expect(streamed == (try FastGzipWriter.compress(text)))
        #expect(throws: CompressError.self) { try writer.write([1]) }
    }

    @Test func concatenatedMembersReadAsOneStream() throws {
        let a = Self.words(100_000, seed: 5), b = Self.random(5000, seed: 6)
        let joined = try FastGzipWriter.compress(a) + (try FastGzipWriter.compress(b))
        #expect(try Self.inflate(joined) == a + b)
        #expect(try BlockDecompressor.decompress(.gzip, joined, uncompressedSize: a.count + b.count) == a + b)
    }

    @Test func huffmanLengthsStayWithinTheLimitAndFormCompleteCodes() throws {
        // Fibonacci frequencies make the deepest unrestricted Huffman trees.
        var fibonacci: [UInt32] = [1, 1]
        while fibonacci.count < 30 { fibonacci.append(fibonacci[fibonacci.count - 1] + fibonacci[fibonacci.count - 2]) }
        for (frequencies, limit) in [(fibonacci, 15), (fibonacci, 7), ([5, 0, 0], 15), ([0, 0, 0, 0], 7),
                                     ([UInt32](repeating: 1, count: 286), 15)] {
            let lengths = FastDeflateHuffman.lengths(frequencies, maxBits: limit)
            #expect(lengths.allSatisfy { Int($0) <= limit })
            #expect(lengths.filter { $0 > 0 }.count >= 2)
            let kraft = lengths.filter { $0 > 0 }.reduce(0.0) { $0 + pow(2.0, -Double($1)) }
            #expect(kraft == 1.0, "\(frequencies.prefix(4))... limit \(limit)")
            for (symbol, frequency) in frequencies.enumerated() where frequency > 0 { #expect(lengths[symbol] > 0) }
        }
    }

    /// The output buffer may be handed to the sink right after the last block; the partial last byte must still
    /// come out right (it did not: a 2.5 MB text whose output crossed 512 KiB at its final block lost its end).
    @Test func partialLastByteSurvivesAFlushBeforeFinish() {
        var buffer = [UInt8](repeating: 0xAA, count: 32)
        buffer.withUnsafeMutableBufferPointer { raw in
            guard let base = raw.baseAddress else { return }
            var writer = FastDeflateBitWriter(out: base)
            writer.put(1, 1)
            writer.put(0xFF, 8)
            #expect(writer.position == 1)
            writer.rewind()  // the sink took byte 0; one bit is still pending
            writer.finish()
            #expect(writer.position == 1)
        }
        #expect(buffer[0] == 0x01)
    }

    /// A tiny output buffer hands the output to the sink after every block, the last one included.
    @Test func outputHandedOverAfterEveryBlock() throws {
        for (size, seed) in [(1, 1), (70_000, 2), (300_000, 3), (1_200_000, 4)] {
            let text = Self.words(size, seed: UInt64(seed))
            var out: [UInt8] = []
            let writer = try FastGzipWriter(sink: { out.append(contentsOf: $0) }, outputBytes: 1)
            try writer.write(text)
            try writer.finish()
            #expect(try Self.inflate(out) == text, "\(size) bytes")
        }
    }

    /// Random mixtures of copies from up to 40 KiB back (some beyond the window), noise and byte runs, so blocks
    /// switch between dynamic and stored and matches hit every length and distance limit.
    @Test func randomMixturesRoundTrip() throws {
        var state: UInt64 = 77
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % n
        }
        for round in 0..<24 {
            let size = next(250_000) + (round == 0 ? 0 : 1)
            var data: [UInt8] = []
            data.reserveCapacity(size)
            while data.count < size {
                switch next(3) {
                case 0 where data.count > 0:
                    let distance = 1 + next(min(data.count, 40_000))
                    for _ in 0..<(1 + next(300)) { data.append(data[data.count - distance]) }
                case 1:
                    for _ in 0..<(1 + next(2000)) { data.append(UInt8(next(256))) }
                default:
                    data.append(contentsOf: repeatElement(UInt8(next(256)), count: 1 + next(600)))
                }
            }
            data.removeLast(data.count - size)
            try Self.roundTrip(data, "mixture \(round)")
        }
    }
}
