/// Writes one deflate block from LZ77 symbols: a dynamic Huffman block (RFC 1951 section 3.2.7) built from the
/// symbols' frequencies, or a stored block when that would be smaller (input that does not compress).
enum FastDeflateBlockWriter {
    static func write(symbols: UnsafePointer<UInt32>, count: Int, input: UnsafePointer<UInt8>, inputCount: Int,
                      literalFrequencies: UnsafeMutablePointer<UInt32>, distanceFrequencies: UnsafeMutablePointer<UInt32>,
                      final: Bool, to bits: inout FastDeflateBitWriter) {
        defer {
            literalFrequencies.update(repeating: 0, count: 288)
            distanceFrequencies.update(repeating: 0, count: 32)
        }
        literalFrequencies[256] = 1  // end of block
        let literalCounts = Array(UnsafeBufferPointer(start: literalFrequencies, count: 286))
        let distanceCounts = Array(UnsafeBufferPointer(start: distanceFrequencies, count: 30))
        let header = FastDeflateHeader(literalFrequencies: literalCounts, distanceFrequencies: distanceCounts)

        var dynamicBits = 3 + header.bitCount
        for (symbol, n) in literalCounts.enumerated() where n > 0 {
            let extra = symbol > 256 ? FastDeflateTables.lengthExtra[symbol - 257] : 0
            dynamicBits += Int(n) * (Int(header.literalLengths[symbol]) + extra)
        }
        for (symbol, n) in distanceCounts.enumerated() where n > 0 {
            dynamicBits += Int(n) * (Int(header.distanceLengths[symbol]) + FastDeflateTables.distanceExtra[symbol])
        }
        let storedPieces = max(1, (inputCount + 65_534) / 65_535)
        let storedBits = storedPieces * (3 + 7 + 32) + inputCount * 8
        if storedBits < dynamicBits {
            writeStored(input, count: inputCount, final: final, to: &bits)
            return
        }
        bits.put(final ? 0b101 : 0b100, 3)  // BFINAL, then BTYPE 2 (dynamic Huffman)
        header.write(to: &bits)
        writeSymbols(symbols, count: count, header: header, to: &bits)
    }

    private static func writeStored(_ input: UnsafePointer<UInt8>, count: Int, final: Bool,
                                    to bits: inout FastDeflateBitWriter) {
        var offset = 0
        repeat {
            let n = min(65_535, count - offset)
            let last = offset + n == count
            bits.put(final && last ? 1 : 0, 3)  // BTYPE 0
            bits.alignToByte()
            bits.put(UInt64(n) | UInt64(~n & 0xFFFF) << 16, 32)
            bits.putBytes(input + offset, count: n)
            offset += n
        } while offset < count
    }

    /// The hot loop: one table look-up and one `put` per literal, two look-ups and one `put` per match (at most
    /// 48 bits). Tables pack each code with its bit count so that a symbol costs one load.
    private static func writeSymbols(_ symbols: UnsafePointer<UInt32>, count: Int, header: FastDeflateHeader,
                                     to bits: inout FastDeflateBitWriter) {
        let tables = FastDeflateTables.shared
        // Literal (and end-of-block) code in the low 16 bits, its length above.
        var literalTable = [UInt32](repeating: 0, count: 286)
        for symbol in 0..<286 {
            literalTable[symbol] = header.literalCodes[symbol] | UInt32(header.literalLengths[symbol]) << 16
        }
        // Per match length: its symbol's code followed by the extra bits in the low 32 bits, total bit count above.
        var lengthTable = [UInt64](repeating: 0, count: 256)
        for length in 3...258 {
            let index = Int(tables.lengthSymbol[length - 3])
            let codeLength = Int(header.literalLengths[257 + index])
            let extra = UInt64(length - FastDeflateTables.lengthBase[index])
            lengthTable[length - 3] = (UInt64(header.literalCodes[257 + index]) | extra << codeLength)
                | UInt64(codeLength + FastDeflateTables.lengthExtra[index]) << 32
        }
        // Distance code in the low 16 bits, its length in the next 8, its length plus extra bit count in the top 8.
        var distanceTable = [UInt32](repeating: 0, count: 32)
        for symbol in 0..<30 {
            let codeLength = UInt32(header.distanceLengths[symbol])
            distanceTable[symbol] = header.distanceCodes[symbol] | codeLength << 16
                | (codeLength + UInt32(FastDeflateTables.distanceExtra[symbol])) << 24
        }
        literalTable.withUnsafeBufferPointer { literalTable in
        lengthTable.withUnsafeBufferPointer { lengthTable in
        distanceTable.withUnsafeBufferPointer { distanceTable in
            var writer = bits
            for i in 0..<count {
                let symbol = symbols[i]
                if symbol & FastDeflateMatchFinder.matchFlag == 0 {
                    let entry = literalTable[Int(symbol)]
                    writer.put(UInt64(entry & 0xFFFF), Int(entry &>> 16))
                } else {
                    let lengthEntry = lengthTable[Int(symbol & 0xFF)]
                    let distanceEntry = distanceTable[Int((symbol &>> 9) & 31)]
                    let distancePart = UInt64(distanceEntry & 0xFFFF)
                        | UInt64(symbol &>> 14) &<< UInt64((distanceEntry &>> 16) & 0xFF)
                    let lengthCount = lengthEntry &>> 32
                    writer.put((lengthEntry & 0xFFFF_FFFF) | distancePart &<< lengthCount,
                               Int(truncatingIfNeeded: lengthCount) &+ Int(distanceEntry &>> 24))
                }
            }
            let end = literalTable[256]
            writer.put(UInt64(end & 0xFFFF), Int(end >> 16))
            bits = writer
        }}}
    }
}
