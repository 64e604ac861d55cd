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

    /// The hot loop: one table look-up and one `put` per literal, a few per match (at most 48 bits).
    private static func writeSymbols(_ symbols: UnsafePointer<UInt32>, count: Int, header: FastDeflateHeader,
                                     to bits: inout FastDeflateBitWriter) {
        let tables = FastDeflateTables.shared
        // Per match length: its symbol's code with the extra bits after it, and the total bit count.
        var lengthCodes = [UInt32](repeating: 0, count: 256)
        var lengthBits = [UInt8](repeating: 0, count: 256)
        for length in 3...258 {
            let index = Int(tables.lengthSymbol[length - 3])
            let codeLength = Int(header.literalLengths[257 + index])
            let extra = UInt32(length - FastDeflateTables.lengthBase[index])
            lengthCodes[length - 3] = header.literalCodes[257 + index] | extra << codeLength
            lengthBits[length - 3] = UInt8(codeLength + FastDeflateTables.lengthExtra[index])
        }
        var distanceBits = [UInt8](repeating: 0, count: 30)
        for symbol in 0..<30 { distanceBits[symbol] = header.distanceLengths[symbol] }
        header.literalCodes.withUnsafeBufferPointer { literalCodes in
        header.literalLengths.withUnsafeBufferPointer { literalLengths in
        header.distanceCodes.withUnsafeBufferPointer { distanceCodes in
        lengthCodes.withUnsafeBufferPointer { lengthCodes in
        lengthBits.withUnsafeBufferPointer { lengthBits in
        distanceBits.withUnsafeBufferPointer { distanceBits in
            let distanceBase = tables.distanceBasePointer, distanceExtra = tables.distanceExtraPointer
            var writer = bits
            for i in 0..<count {
                let symbol = symbols[i]
                if symbol < 256 {
                    writer.put(UInt64(literalCodes[Int(symbol)]), Int(literalLengths[Int(symbol)]))
                } else {
                    let lengthIndex = Int(symbol & 0xFF)
                    let distance = Int(symbol >> 8)
                    let d = tables.distanceSymbol(of: distance)
                    let lengthCount = Int(lengthBits[lengthIndex])
                    let codeCount = Int(distanceBits[d])
                    let extra = UInt64(UInt32(distance) &- distanceBase[d])
                    let distancePart = UInt64(distanceCodes[d]) | extra &<< UInt64(codeCount)
                    writer.put(UInt64(lengthCodes[lengthIndex]) | distancePart &<< UInt64(lengthCount),
                               lengthCount + codeCount + Int(distanceExtra[d]))
                }
            }
            writer.put(UInt64(literalCodes[256]), Int(literalLengths[256]))
            bits = writer
        }}}}}}
    }
}
