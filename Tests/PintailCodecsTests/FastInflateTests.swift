import CZlib
import Testing
@testable import PintailCodecs

/// `FastGzipDecoder` against zlib: round trips over every level and strategy, odd input and output chunk sizes,
/// members with every header field, and corrupt or truncated streams (which must throw, never crash or hang).
@Suite struct FastInflateTests {
    typealias F = InflateFixture

    static let inputs: [(String, [UInt8])] = [
        ("empty", []), ("one byte", [0x41]), ("random 1000", F.random(1000, seed: 1)),
        ("incompressible 70000", F.random(70_000, seed: 2)), ("letters 50000", F.random(50_000, seed: 3, alphabet: 4)),
        ("periodic 60000", F.periodic(60_000, seed: 4)), ("zeros 100000", [UInt8](repeating: 0, count: 100_000)),
        ("tsv 150000", F.tsv(150_000, seed: 5)), ("tsv 333", F.tsv(333, seed: 6)),
    ]

    @Test func roundTripsEveryZlibLevel() throws {
        for (label, input) in Self.inputs {
            for level in Int32(0)...9 {
                let gzip = F.zlibGzip(input, level: level)
                let same = try F.fastInflate(gzip) == input  // a Bool, so that a failure does not print the bytes
                #expect(same, "\(label) at level \(level)")
            }
        }
    }

    @Test func roundTripsZlibStrategies() throws {
        for (label, input) in Self.inputs {
            for strategy in [Z_HUFFMAN_ONLY, Z_RLE, Z_FIXED, Z_FILTERED] {
                let gzip = F.zlibGzip(input, level: 6, strategy: strategy)
                let same = try F.fastInflate(gzip) == input  // a Bool, so that a failure does not print the bytes
                #expect(same, "\(label) with strategy \(strategy)")
            }
        }
    }

    @Test func roundTripsFastGzipWriter() throws {
        for (label, input) in Self.inputs {
            let gzip = try FastGzipWriter.compress(input)
            let same = try F.fastInflate(gzip) == input  // a Bool, so that a failure does not print the bytes
            #expect(same, "\(label)")
        }
        let big = F.tsv(600_000, seed: 7)
        let bigSame = try F.fastInflate(try FastGzipWriter.compress(big), outputPiece: 100_000) == big
        #expect(bigSame)
    }

    /// Chunk ends fall inside headers, block headers and matches; output pieces end inside matches and blocks.
    @Test func oddInputChunksAndOutputPieces() throws {
        let text = F.tsv(40_000, seed: 8) + F.periodic(5_000, seed: 9)
        let streams = [F.zlibGzip(text, level: 6), F.zlibGzip(text, level: 1, strategy: Z_FIXED),
                       F.zlibGzip(text, level: 0), try FastGzipWriter.compress(text)]
        for (index, gzip) in streams.enumerated() {
            for inputChunk in [1, 7, 100, 1 << 16] {
                for outputPiece in [1, 7, 300, 1 << 16] where inputChunk * outputPiece >= 7 {
                    let out = try F.fastInflate(gzip, inputChunk: inputChunk, outputPiece: outputPiece, inputCapacity: 64)
                    let same = out == text
                    #expect(same, "stream \(index), input chunks \(inputChunk), output pieces \(outputPiece)")
                }
            }
        }
    }

    /// Matches reach back across many `read` calls into the 32 KiB history.
    @Test func matchesReachIntoHistoryAcrossReads() throws {
        let base = F.random(20_000, seed: 10)
        let input = base + F.random(5_000, seed: 11) + base + base.reversed() + base
        let gzip = F.zlibGzip(input, level: 9)
        for piece in [333, 4096, 30_000, 40_000] {
            let same = try F.fastInflate(gzip, outputPiece: piece) == input  // a Bool, so that a failure does not print the bytes
            #expect(same, "pieces of \(piece)")
        }
    }

    @Test func concatenatedMembersWithPaddingAndHeaderFields() throws {
        let a = F.tsv(30_000, seed: 12), b = F.random(3_000, seed: 13), c = F.tsv(50_000, seed: 14)
        let joined = F.zlibGzip(a, level: 6) + [0, 0, 0] + F.memberWithAllHeaderFields(b) + F.zlibGzip([], level: 6)
            + F.zlibGzip(c, level: 1) + [0, 0]
        let zlibSame = F.zlibInflate(joined) == a + b + c
        #expect(zlibSame)
        for inputChunk in [7, 1 << 16] {
            for outputPiece in [1000, 1 << 16] {
                let same = try F.fastInflate(joined, inputChunk: inputChunk, outputPiece: outputPiece) == a + b + c
                #expect(same, "input chunks \(inputChunk), output pieces \(outputPiece)")
            }
        }
    }

    /// A member's matches may not reach into the previous member's output (zlib rejects this too).
    @Test func matchesDoNotReachIntoThePreviousMember() throws {
        let first = F.tsv(10_000, seed: 16)
        let second = Array(first[2_000..<6_000])
        let sharing = F.memberWithAllHeaderFields(second, dictionary: first)
        let joined = F.zlibGzip(first, level: 6) + sharing
        #expect(F.zlibInflate(joined) == nil)
        let separateMembers = F.zlibInflate(F.zlibGzip(first, level: 6) + F.memberWithAllHeaderFields(second))
        #expect(separateMembers?.count == first.count + second.count)
        for outputPiece in [100, 1 << 16] {
            #expect(throws: DecompressError.self) { try F.fastInflate(joined, outputPiece: outputPiece) }
        }
    }

    @Test func emptyAndZeroOnlyInputsAreEmpty() throws {
        let decoder = try FastGzipDecoder { _ in 0 }
        var buffer = [UInt8](repeating: 0, count: 16)
        #expect(try buffer.withUnsafeMutableBytes { try decoder.read(into: $0) } == 0)
        #expect(decoder.members == 0)
        #expect(throws: DecompressError.self) { try FastGzipDecoder.decompress([]) }
    }

    @Test func reportsWhatIsWrong() throws {
        let member = F.zlibGzip(F.tsv(5_000, seed: 15), level: 6)
        func message(_ bytes: [UInt8]) -> String {
            do {
                _ = try F.fastInflate(bytes)
                return "no error"
            } catch { return "\(error)" }
        }
        var badCRC = member
        badCRC[badCRC.count - 6] ^= 0x01
        #expect(message(badCRC).contains("CRC-32 mismatch"))
        var badLength = member
        badLength[badLength.count - 2] ^= 0x01
        #expect(message(badLength).contains("length mismatch"))
        #expect(message(Array(member.dropLast(3))).contains("truncated"))
        #expect(message(Array(member[0..<40])).contains("truncated"))
        #expect(message(member + [0x1F]).contains("truncated"))
        #expect(message(Array("plain text".utf8)).contains("bad magic"))
        var badMethod = member
        badMethod[2] = 7
        #expect(message(badMethod).contains("compression method"))
        // Block type 3 right after a 10-byte header.
        #expect(message(Array(member[0..<10]) + [0x07, 0, 0, 0]).contains("invalid block type"))
        // A stored block whose length and its complement disagree.
        #expect(message(Array(member[0..<10]) + [0x01, 5, 0, 5, 0]).contains("stored block lengths"))
        // A fixed block whose first symbol is a match of distance 1 with no output yet.
        #expect(message(Array(member[0..<10]) + [0x03, 0x02, 0, 0, 0, 0, 0, 0, 0, 0]).contains("too far back"))
    }
}
