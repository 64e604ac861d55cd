import CZlib
import Foundation
@testable import PintailCodecs

/// Inputs, zlib's deflate and inflate, and a chunked driver of `FastGzipDecoder` for the fast inflate tests.
enum InflateFixture {
    /// zlib's gzip output for `input` at `level` (0-9) with `strategy` (Z_DEFAULT_STRATEGY, Z_HUFFMAN_ONLY, ...).
    static func zlibGzip(_ input: [UInt8], level: Int32, strategy: Int32 = Z_DEFAULT_STRATEGY,
                         windowBits: Int32 = 31, dictionary: [UInt8] = []) -> [UInt8] {
        var stream = z_stream()
        let status = deflateInit2_(&stream, level, Z_DEFLATED, windowBits, 8, strategy, zlibVersion(),
                                   Int32(MemoryLayout<z_stream>.size))
        precondition(status == Z_OK, "deflateInit2 failed")
        defer { deflateEnd(&stream) }
        if !dictionary.isEmpty {
            // Raw deflate only: matches may then reach into bytes the stream never contained.
            let set = dictionary.withUnsafeBufferPointer { deflateSetDictionary(&stream, $0.baseAddress, UInt32($0.count)) }
            precondition(set == Z_OK, "deflateSetDictionary failed")
        }
        var out = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(input.count))) + 64)
        var input = input
        let produced = input.withUnsafeMutableBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst -> Int in
                stream.next_in = src.baseAddress
                stream.avail_in = UInt32(src.count)
                stream.next_out = dst.baseAddress
                stream.avail_out = UInt32(dst.count)
                let result = deflate(&stream, Z_FINISH)
                precondition(result == Z_STREAM_END, "deflate did not finish")
                return dst.count - Int(stream.avail_out)
            }
        }
        return Array(out[0..<produced])
    }

    /// zlib's inflate through `GzipStreamDecoder`: the output, or nil when zlib rejects the stream.
    static func zlibInflate(_ gzip: [UInt8]) -> [UInt8]? {
        guard let decoder = try? GzipStreamDecoder() else { return nil }
        var out: [UInt8] = []
        do {
            try decoder.decode(gzip) { out.append(contentsOf: $0) }
            try decoder.finish()
        } catch { return nil }
        return out
    }

    /// Our inflate, fed `inputChunk` bytes per source call and reading `outputPiece` bytes per `read`.
    static func fastInflate(_ gzip: [UInt8], inputChunk: Int = 1 << 16, outputPiece: Int = 1 << 16,
                            inputCapacity: Int = 1 << 20) throws -> [UInt8] {
        var offset = 0
        let decoder = try FastGzipDecoder(inputCapacity: inputCapacity) { buffer in
            let n = min(buffer.count, inputChunk, gzip.count - offset)
            for i in 0..<n { buffer[i] = gzip[offset + i] }
            offset += n
            return n
        }
        var out: [UInt8] = []
        var piece = [UInt8](repeating: 0, count: outputPiece)
        var calls = 0
        while true {
            let n = try piece.withUnsafeMutableBytes { try decoder.read(into: $0) }
            if n == 0 { break }
            out.append(contentsOf: piece[0..<n])
            calls += 1
            precondition(calls < 100_000_000, "decoder does not finish")
        }
        if decoder.members == 0 { throw DecompressError(codec: .gzip, message: "empty input") }
        return out
    }

    static func random(_ count: Int, seed: UInt64, alphabet: Int = 256) -> [UInt8] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: Int(state >> 33) % alphabet)
        }
    }

    /// Short runs repeating with periods 1...8 (overlapping matches), mixed with random bytes.
    static func periodic(_ count: Int, seed: UInt64) -> [UInt8] {
        var state = seed
        var out: [UInt8] = []
        while out.count < count {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let period = Int(state >> 60) % 8 + 1
            let run = Int(state >> 40) % 300 + 1
            let pattern = random(period, seed: state)
            for i in 0..<run { out.append(pattern[i % period]) }
            out.append(UInt8(truncatingIfNeeded: state >> 20))
        }
        return Array(out[0..<count])
    }

    /// Review-like tab-separated lines: ids, dates, star ratings and text from a small vocabulary.
    static func tsv(_ count: Int, seed: UInt64) -> [UInt8] {
        let words = ["the", "product", "arrived", "broken", "great", "value", "would", "buy", "again", "five",
                     "stars", "terrible", "quality", "love", "it", "my", "kids", "book", "read", "recommend"]
        var state = seed
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        var out: [UInt8] = []
        var line = 0
        while out.count < count {
            line += 1
            var text = "US\t\(10_000 + next() % 90_000)\tR\(next() % 1_000_000)\t\(next() % 5 + 1)\t2015-0\(next() % 9 + 1)-1\(next() % 10)\t"
            for _ in 0..<(next() % 40 + 3) { text += words[next() % words.count] + " " }
            out.append(contentsOf: (text + "\n").utf8)
        }
        return Array(out[0..<count])
    }

    /// A gzip member with every optional header field (FEXTRA, FNAME, FCOMMENT, FHCRC) around zlib's raw deflate.
    static func memberWithAllHeaderFields(_ input: [UInt8], dictionary: [UInt8] = []) -> [UInt8] {
        var header: [UInt8] = [0x1F, 0x8B, 8, 0x04 | 0x08 | 0x10 | 0x02, 1, 2, 3, 4, 0, 3]
        header += [5, 0, 0x41, 0x42, 2, 0, 0x43]  // XLEN 5: one subfield "AB" of 2 bytes... plus a spare byte
        header += Array("name.tsv".utf8) + [0]
        header += Array("a comment".utf8) + [0]
        let headerCRC = header.withUnsafeBufferPointer { crc32(0, $0.baseAddress, UInt32($0.count)) }
        header += [UInt8(headerCRC & 0xFF), UInt8((headerCRC >> 8) & 0xFF)]
        let raw = zlibGzip(input, level: 6, windowBits: -15, dictionary: dictionary)
        let crc = input.withUnsafeBufferPointer { crc32(0, $0.baseAddress, UInt32($0.count)) }
        var trailer: [UInt8] = []
        for shift in stride(from: 0, to: 32, by: 8) { trailer.append(UInt8((crc >> UInt(shift)) & 0xFF)) }
        for shift in stride(from: 0, to: 32, by: 8) { trailer.append(UInt8((input.count >> shift) & 0xFF)) }
        return header + raw + trailer
    }
}
