import CZlib

/// gzip member headers (RFC 1952) and deflate block headers (RFC 1951) for the fast inflater.
extension FastGzipDecoder {
    /// Reads the next member's header, skipping zero padding before it; false at the end of the input.
    func readMemberHeader() throws -> Bool {
        var first = 0
        repeat {
            guard try hasMoreInput() else { return false }
            first = try bits(8)
        } while first == 0
        var headerCRC: UInt = 0
        func byte() throws -> Int {
            let value = try bits(8)
            var b = UInt8(value)
            headerCRC = crc32(headerCRC, &b, 1)
            return value
        }
        var magic = UInt8(first)
        headerCRC = crc32(headerCRC, &magic, 1)
        guard first == 0x1F, try byte() == 0x8B else { throw inflateError("not gzip data (bad magic bytes)") }
        let method = try byte()
        guard method == 8 else { throw inflateError("unknown compression method \(method) in gzip header") }
        let flags = try byte()
        guard flags & 0xE0 == 0 else { throw inflateError("reserved gzip header flags set (0x\(String(flags, radix: 16)))") }
        for _ in 0..<6 { _ = try byte() }  // modification time, extra flags, operating system
        if flags & 0x04 != 0 {  // FEXTRA
            let length = try byte() | (try byte()) << 8
            for _ in 0..<length { _ = try byte() }
        }
        if flags & 0x08 != 0 { while try byte() != 0 {} }  // FNAME
        if flags & 0x10 != 0 { while try byte() != 0 {} }  // FCOMMENT
        if flags & 0x02 != 0 {  // FHCRC: the low 16 bits of the header's CRC-32
            let expected = Int(headerCRC & 0xFFFF)
            let stored = try bits(16)
            guard stored == expected else { throw inflateError("gzip header CRC mismatch") }
        }
        return true
    }

    /// Reads a block header and gets ready to decode the block.
    func readBlockHeader() throws {
        lastBlock = try bits(1) == 1
        switch try bits(2) {
        case 0:
            alignToByte()
            let length = try bits(16)
            let complement = try bits(16)
            guard length == complement ^ 0xFFFF else { throw inflateError("invalid stored block lengths") }
            phase = .stored(remaining: length)
        case 1:
            activeLiteralLength = fixedLiteralLengthTable
            activeDistance = fixedDistanceTable
            phase = .huffman
        case 2:
            try readDynamicTables()
            activeLiteralLength = literalLengthTable
            activeDistance = distanceTable
            phase = .huffman
        default:
            throw inflateError("invalid block type 3")
        }
    }

    private static let precodeOrder: [Int] = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    /// Reads the code lengths of a dynamic block and builds its two decode tables.
    private func readDynamicTables() throws {
        let literalCount = try bits(5) + 257
        let distanceCount = try bits(5) + 1
        let precodeCount = try bits(4) + 4
        guard literalCount <= 286, distanceCount <= 30 else {
            throw inflateError("too many length or distance symbols (\(literalCount), \(distanceCount))")
        }
        var precodeLengths = [UInt8](repeating: 0, count: 19)
        for i in 0..<precodeCount { precodeLengths[Self.precodeOrder[i]] = UInt8(try bits(3)) }
        try precodeLengths.withUnsafeBufferPointer {
            try FastInflateTableBuilder.build(
                lengths: $0, symbolEntries: FastInflateEntry.precodeSymbols, kind: .precode,
                tableBits: FastInflateEntry.precodeBits, table: precodeTable, capacity: FastInflateEntry.precodeCapacity)
        }
        let total = literalCount + distanceCount
        let mask = UInt64(1 << FastInflateEntry.precodeBits - 1)
        var i = 0
        while i < total {
            if bitCount < 14 { try fillBits() }
            let entry = precodeTable[Int(bitBuffer & mask)]
            try consume(Int(entry & 0xFF))
            let symbol = Int(entry >> 16)
            if symbol < 16 {
                codeLengths[i] = UInt8(symbol)
                i += 1
                continue
            }
            var value: UInt8 = 0
            var repeatCount: Int
            switch symbol {
            case 16:
                guard i > 0 else { throw inflateError("code length repeat with no previous length") }
                value = codeLengths[i - 1]
                repeatCount = 3 + (try bits(2))
            case 17: repeatCount = 3 + (try bits(3))
            default: repeatCount = 11 + (try bits(7))
            }
            guard i + repeatCount <= total else { throw inflateError("code length repeat past the last symbol") }
            (codeLengths + i).update(repeating: value, count: repeatCount)
            i += repeatCount
        }
        guard codeLengths[256] != 0 else { throw inflateError("missing end-of-block code") }
        var literalLengths = [UInt8](repeating: 0, count: 288)
        var distanceLengths = [UInt8](repeating: 0, count: 32)
        for s in 0..<literalCount { literalLengths[s] = codeLengths[s] }
        for s in 0..<distanceCount { distanceLengths[s] = codeLengths[literalCount + s] }
        try buildTables(literalLengths, distanceLengths, literal: literalLengthTable, distance: distanceTable)
    }

    /// Builds the fixed code of RFC 1951 section 3.2.6 once per decoder.
    func buildFixedTables() throws {
        var literalLengths = [UInt8](repeating: 8, count: 288)
        for s in 144..<256 { literalLengths[s] = 9 }
        for s in 256..<280 { literalLengths[s] = 7 }
        let distanceLengths = [UInt8](repeating: 5, count: 32)
        try buildTables(literalLengths, distanceLengths, literal: fixedLiteralLengthTable, distance: fixedDistanceTable)
    }

    private func buildTables(_ literalLengths: [UInt8], _ distanceLengths: [UInt8],
                             literal: UnsafeMutablePointer<UInt32>, distance: UnsafeMutablePointer<UInt32>) throws {
        try literalLengths.withUnsafeBufferPointer {
            try FastInflateTableBuilder.build(
                lengths: $0, symbolEntries: FastInflateEntry.literalLengthSymbols, kind: .literalLength,
                tableBits: FastInflateEntry.literalLengthBits, table: literal,
                capacity: FastInflateEntry.literalLengthCapacity)
        }
        try distanceLengths.withUnsafeBufferPointer {
            try FastInflateTableBuilder.build(
                lengths: $0, symbolEntries: FastInflateEntry.distanceSymbols, kind: .distance,
                tableBits: FastInflateEntry.distanceBits, table: distance, capacity: FastInflateEntry.distanceCapacity)
        }
    }
}
