import CZlib
import Testing
@testable import PintailCodecs

/// The fast gzip writer's output read back by both zlib and our own inflater, on the inputs where an encoder that
/// skips bounds checks would break: the window's edge, chunk boundaries, the last bytes of the input, and writes of
/// every size. Also the Swift CRC-32 against zlib's.
@Suite struct FastDeflateEdgeTests {
    /// Compresses `input` in writes of `piece` bytes and checks that zlib and `FastGzipDecoder` give it back.
    private static func roundTrip(_ input: [UInt8], piece: Int = 1 << 30, _ label: String) throws {
        var out: [UInt8] = []
        let writer = try FastGzipWriter { out.append(contentsOf: $0) }
        var offset = 0
        while offset < input.count {
            let n = min(piece, input.count - offset)
            try input[offset..<(offset + n)].withUnsafeBytes { try writer.write($0) }
            offset += n
        }
        try writer.finish()
        let zlib = InflateFixture.zlibInflate(out)
        #expect(zlib == input, "zlib: \(label), \(input.count) bytes")
        let ours = try InflateFixture.fastInflate(out)
        #expect(ours == input, "FastGzipDecoder: \(label), \(input.count) bytes")
    }

    @Test func crcMatchesZlibAtEveryLengthAndAlignment() {
        let data = InflateFixture.random(5000, seed: 11)
        data.withUnsafeBytes { raw in
            var state: UInt64 = 5
            for _ in 0..<400 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let start = Int(state >> 33) % 64
                let count = Int(state >> 20) % (raw.count - start)
                let piece = UnsafeRawBufferPointer(rebasing: raw[start..<(start + count)])
                let seed = UInt32(truncatingIfNeeded: state)
                let expected = crc32(UInt(seed), piece.baseAddress?.assumingMemoryBound(to: Bytef.self), uInt(count))
                #expect(CRC32.update(seed, piece) == UInt32(expected), "start \(start) count \(count)")
            }
        }
        #expect(CRC32.update(0, [UInt8]()) == 0)
        #expect(CRC32.update(0, Array("123456789".utf8)) == 0xCBF4_3926)  // the standard check value
    }

    @Test func tinyInputsAndTheirTails() throws {
        for n in 0..<300 {
            try Self.roundTrip(InflateFixture.periodic(n, seed: UInt64(n)), "periodic \(n)")
        }
        try Self.roundTrip([UInt8](repeating: 0x61, count: 270), "270 equal bytes")
        try Self.roundTrip([UInt8](repeating: 0x61, count: 266), "266 equal bytes")
    }

    @Test func generatorLikeTextInPiecesOfEverySize() throws {
        let text = InflateFixture.tsv(1_200_000, seed: 8)
        for piece in [1, 7, 4096, 65_536, 1 << 20, 1 << 30] {
            try Self.roundTrip(Array(text.prefix(piece == 1 ? 100_000 : text.count)), piece: piece, "tsv in \(piece)s")
        }
    }

    /// Copies exactly at the largest distance (32768) and just beyond it, across the 1 MiB chunk boundary where the
    /// window slides, with matches running into the last bytes of the input.
    @Test func matchesAtTheWindowsEdge() throws {
        let chunk = 1 << 20, window = 32 * 1024
        for distance in [window - 1, window, window + 1] {
            var data = InflateFixture.random(distance, seed: UInt64(distance))
            while data.count < chunk + window + 70_000 { data.append(data[data.count - distance]) }
            try Self.roundTrip(data, "copies \(distance) back")
            try Self.roundTrip(data, piece: 100_003, "copies \(distance) back, in pieces")
        }
        // Long runs ending exactly at the input's end and at chunk ends.
        for size in [chunk + window - 1, chunk + window, chunk + window + 1, chunk + window + 300, 2 * chunk + 2 * window] {
            var data = InflateFixture.tsv(size - 1000, seed: UInt64(size))
            data += [UInt8](repeating: 0x20, count: 1000)
            try Self.roundTrip(data, "\(size) bytes ending in a run")
        }
    }

    @Test func incompressibleAndMixedInputs() throws {
        try Self.roundTrip(InflateFixture.random(3 << 20, seed: 3), piece: 999_999, "3 MiB of noise")
        var mixed = InflateFixture.random(200_000, seed: 4)
        mixed += InflateFixture.tsv(300_000, seed: 5)
        mixed += [UInt8](repeating: 0, count: 100_000)
        mixed += InflateFixture.random(100_000, seed: 6)
        try Self.roundTrip(mixed, piece: 65_537, "noise, text, zeros, noise")
    }
}
