import Testing
@testable import PintailParquet

/// The RLE / bit-packed hybrid decoder at every bit width 0...32 against a bit-by-bit reference packer, read
/// whole and in odd-sized pieces (partial groups), with RLE runs between bit-packed ones.
@Suite struct BitUnpackingTests {
    /// A deterministic generator (SplitMix64), so failures reproduce.
    struct Mix {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func varint(_ v: Int, into out: inout [UInt8]) {
        var v = v
        while v >= 0x80 { out.append(UInt8(v & 0x7F | 0x80)); v >>= 7 }
        out.append(UInt8(v))
    }

    /// Reference: values packed least significant bit first, as a bit-packed run of whole groups of eight.
    static func bitPacked(_ values: [UInt32], width: Int, into out: inout [UInt8]) {
        let groups = (values.count + 7) / 8
        varint(groups << 1 | 1, into: &out)
        var bits = [Bool](repeating: false, count: groups * 8 * width)
        for (i, v) in values.enumerated() {
            for k in 0..<width { bits[i * width + k] = (v >> UInt32(k)) & 1 == 1 }
        }
        for byte in 0..<(bits.count + 7) / 8 {
            var b: UInt8 = 0
            for k in 0..<8 where byte * 8 + k < bits.count && bits[byte * 8 + k] { b |= 1 << UInt8(k) }
            out.append(b)
        }
    }

    static func rle(_ value: UInt32, count: Int, width: Int, into out: inout [UInt8]) {
        varint(count << 1, into: &out)
        for k in 0..<(width + 7) / 8 { out.append(UInt8((value >> UInt32(8 * k)) & 0xFF)) }
    }

    @Test func everyBitWidthMatchesTheReference() throws {
        var mix = Mix(state: 42)
        for width in 0...32 {
            let mask: UInt64 = width == 32 ? 0xFFFF_FFFF : (1 << UInt64(width)) - 1
            var expected: [UInt32] = []
            var data: [UInt8] = []
            // bit-packed (with a partial last group), RLE, bit-packed again (ends the data: short last group).
            let first = (0..<77).map { _ in UInt32(mix.next() & mask) }
            Self.bitPacked(first, width: width, into: &data)
            expected += first + [UInt32](repeating: 0, count: 80 - 77)  // padding values of the last group
            let repeated = UInt32(mix.next() & mask)
            Self.rle(repeated, count: 19, width: width, into: &data)
            expected += [UInt32](repeating: repeated, count: 19)
            let last = (0..<45).map { _ in UInt32(mix.next() & mask) }
            Self.bitPacked(last, width: width, into: &data)
            expected += last
            let all = expected.map { Int32(bitPattern: $0) }
            try data.withUnsafeBytes { raw in
                var whole = try RleBitPackedDecoder(raw, bitWidth: width)
                #expect(try whole.decode(count: all.count) == all, "width \(width)")
                var pieces = try RleBitPackedDecoder(raw, bitWidth: width)
                var got: [Int32] = []
                var step = 1
                while got.count < all.count {
                    got += try pieces.decode(count: min(step, all.count - got.count))
                    step = step % 13 + 2
                }
                #expect(got == all, "width \(width) in pieces")
                var tooMany = try RleBitPackedDecoder(raw, bitWidth: width)
                #expect(throws: ParquetDecodeError.self) { try tooMany.decode(count: all.count + 9) }
            }
        }
    }

    @Test func widthsAbove32AreRefused() {
        #expect(throws: ParquetDecodeError.self) { try [UInt8]().withUnsafeBytes { try RleBitPackedDecoder($0, bitWidth: 33) } }
    }
}
