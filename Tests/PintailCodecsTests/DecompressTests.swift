import CZlib
import Foundation
import Testing
@testable import PintailCodecs

@Suite struct DecompressTests {
    static let sample: [UInt8] = Array((0..<20_000).map { UInt8(truncatingIfNeeded: ($0 * 7) % 251 + ($0 / 1000)) })

    /// gzip members made with zlib directly so the test does not depend on the compression side.
    static func gzipMember(_ data: [UInt8]) -> [UInt8] {
        var stream = z_stream()
        deflateInit2_(&stream, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        var out = [UInt8](repeating: 0, count: data.count + 1024)
        var input = data
        let produced = input.withUnsafeMutableBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                stream.next_in = src.baseAddress
                stream.avail_in = UInt32(src.count)
                stream.next_out = dst.baseAddress
                stream.avail_out = UInt32(dst.count)
                deflate(&stream, Z_FINISH)
                return dst.count - Int(stream.avail_out)
            }
        }
        deflateEnd(&stream)
        return Array(out[0..<produced])
    }

    @Test func uncompressedCopiesAndChecksSize() throws {
        #expect(try BlockDecompressor.decompress(.uncompressed, [1, 2, 3], uncompressedSize: 3) == [1, 2, 3])
        #expect(throws: DecompressError.self) { try BlockDecompressor.decompress(.uncompressed, [1, 2, 3], uncompressedSize: 4) }
    }

    @Test func gzipConcatenatedMembers() throws {
        let a = Array(Self.sample[0..<8000]), b = Array(Self.sample[8000...])
        let joined = Self.gzipMember(a) + Self.gzipMember(b)
        #expect(try BlockDecompressor.decompress(.gzip, joined, uncompressedSize: Self.sample.count) == Self.sample)
        #expect(throws: DecompressError.self) {
            try BlockDecompressor.decompress(.gzip, Array(joined.dropLast(10)), uncompressedSize: Self.sample.count)
        }
    }

    @Test func corruptInputThrowsForEveryCodec() {
        let junk: [UInt8] = Array(repeating: 0xA5, count: 64)
        for codec in CompressionCodec.allCases where codec != .uncompressed {
            #expect(throws: DecompressError.self, "\(codec)") { try BlockDecompressor.decompress(codec, junk, uncompressedSize: 1000) }
        }
    }

    @Test func streamDecoderHandlesSmallChunksAndMembers() throws {
        let joined = Self.gzipMember(Array(Self.sample[0..<5000])) + Self.gzipMember(Array(Self.sample[5000...]))
        let decoder = try GzipStreamDecoder(outputChunkSize: 1024)
        var out: [UInt8] = []
        var largestPiece = 0
        var at = 0
        while at < joined.count {
            let end = min(at + 97, joined.count)
            try decoder.decode(Array(joined[at..<end])) { piece in
                largestPiece = max(largestPiece, piece.count)
                out.append(contentsOf: piece)
            }
            at = end
        }
        try decoder.finish()
        #expect(out == Self.sample)
        #expect(largestPiece <= 1024)
        #expect(decoder.bytesIn == joined.count)
    }

    @Test func streamDecoderReportsTruncationAndCorruption() throws {
        let member = Self.gzipMember(Self.sample)
        let truncated = try GzipStreamDecoder()
        try truncated.decode(Array(member.dropLast(20))) { _ in }
        #expect(throws: DecompressError.self) { try truncated.finish() }

        var corrupt = member
        corrupt[40] ^= 0xFF
        corrupt[41] ^= 0xFF
        let broken = try GzipStreamDecoder()
        #expect(throws: DecompressError.self) {
            try broken.decode(corrupt) { _ in }
            try broken.finish()
        }
        let notGzip = try GzipStreamDecoder()
        #expect(throws: DecompressError.self) { try notGzip.decode(Array("plain text".utf8)) { _ in } }
    }
}
