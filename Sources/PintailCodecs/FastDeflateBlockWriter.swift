/// Writes deflate blocks in one pass over the input: the codes of a dynamic Huffman block (RFC 1951 section 3.2.7)
/// come from the symbol counts of the previous block's first 64 KiB, so the match finder's symbols go straight into
/// the bit stream with no symbol buffer in between. The first block of a stream starts with counting the symbols of
/// its first 32 KiB. A block that came out larger than its bytes stored raw is replaced by a stored block (input that
/// does not compress).
struct FastDeflateBlockWriter {
    private var tables = FastDeflateSymbolTables()
    private var counted = false
    /// How much of a stream's first block is matched once just to count its symbols.
    private static let sampleBytes = 32 * 1024
    /// How much of each block is counted for the next block's codes.
    private static let countedBytes = 64 * 1024

    func deallocate() {
        tables.deallocate()
    }

    /// Encodes window[start...] up to at least `blockEnd` (see `FastDeflateMatchFinder.findMatches`) as one block
    /// and returns where it ends. `final`: the input ends at `available`, so a block reaching it ends the stream.
    mutating func write(window: UnsafeMutablePointer<UInt8>, start: Int, blockEnd: Int, available: Int, final: Bool,
                        finder: FastDeflateMatchFinder, to bits: inout FastDeflateBitWriter) -> Int {
        if !counted {
            var counter = FastDeflateSymbolCounter(tables: tables)
            // A sample of the block is enough to choose its codes.
            _ = finder.findMatches(window: window, start: start, blockEnd: min(blockEnd, start + Self.sampleBytes),
                                   available: available, sink: &counter)
            finder.reset()  // the writing pass must not see the counting pass's positions ahead of it
            counted = true
        }
        // Every symbol gets a code, since this block may use symbols the previous one did not.
        let counts = tables.symbolFrequencies()
        tables.resetCounts()
        let header = FastDeflateHeader(literalFrequencies: counts.literalLength, distanceFrequencies: counts.distance)
        tables.fillCodes(from: header)

        let before = bits
        let surelyLast = final && blockEnd == available
        bits.put(surelyLast ? 0b101 : 0b100, 3)  // BFINAL, then BTYPE 2 (dynamic Huffman)
        header.write(to: &bits)
        // Only the block's first `countedBytes` are counted for the next block's codes: a sample is enough.
        var counting = FastDeflateSymbolWriter<FastDeflateCounted>(bits: bits, tables: tables)
        var end = finder.findMatches(window: window, start: start, blockEnd: min(blockEnd, start + Self.countedBytes),
                                     available: available, sink: &counting)
        var rest = FastDeflateSymbolWriter<FastDeflateUncounted>(bits: counting.bits, tables: tables)
        if end < blockEnd {
            end = finder.findMatches(window: window, start: end, blockEnd: blockEnd, available: available, sink: &rest)
        }
        bits = rest.bits
        bits.put(UInt64(tables.endOfBlock & 0xFFFF), Int(tables.endOfBlock >> 16))

        let last = final && end == available
        let written = (bits.position - before.position) * 8 + bits.pendingCount - before.pendingCount
        if Self.storedBitCount(end - start) < written {
            bits = before
            Self.writeStored(window + start, count: end - start, final: last, to: &bits)
        } else if last && !surelyLast {
            // The last match ran to the end of the input: an empty final block (fixed Huffman, end-of-block).
            bits.put(0b011, 3)
            bits.put(0, 7)
        }
        return end
    }

    /// An upper bound of `count` bytes' size as stored blocks (header bits and padding included).
    private static func storedBitCount(_ count: Int) -> Int {
        max(1, (count + 65_534) / 65_535) * (3 + 7 + 32) + count * 8
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
}
