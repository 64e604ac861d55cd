/// One block's Huffman codes in the shapes the symbol writer puts them: each entry packs the bit-reversed code with
/// its bit count (and for lengths the extra bits, for distances the extra-bit mask), so a symbol costs one load.
struct FastDeflateCodeTables {
    /// By literal byte: code in the low 16 bits, its length above.
    let literals: UnsafeMutablePointer<UInt32>
    /// By match length - 3: the length symbol's code followed by the extra bits in the low 32 bits, total count above.
    let lengths: UnsafeMutablePointer<UInt64>
    /// By distance symbol: code in bits 0-15, code length in 16-23, code length plus extra bits in 24-31, extra-bit
    /// mask in 32-47.
    let distances: UnsafeMutablePointer<UInt64>
    /// End of block: code in the low 16 bits, its length above.
    private(set) var endOfBlock: UInt32 = 0

    init() {
        literals = .allocate(capacity: 256)
        lengths = .allocate(capacity: 256)
        distances = .allocate(capacity: 32)
        distances.initialize(repeating: 0, count: 32)
    }

    func deallocate() {
        literals.deallocate()
        lengths.deallocate()
        distances.deallocate()
    }

    mutating func fill(from header: FastDeflateHeader) {
        for byte in 0..<256 {
            literals[byte] = header.literalCodes[byte] | UInt32(header.literalLengths[byte]) << 16
        }
        endOfBlock = header.literalCodes[256] | UInt32(header.literalLengths[256]) << 16
        let tables = FastDeflateTables.shared
        for length in 3...258 {
            let index = Int(tables.lengthSymbol[length - 3])
            let codeLength = Int(header.literalLengths[257 + index])
            let extra = UInt64(length - FastDeflateTables.lengthBase[index])
            lengths[length - 3] = (UInt64(header.literalCodes[257 + index]) | extra << codeLength)
                | UInt64(codeLength + FastDeflateTables.lengthExtra[index]) << 32
        }
        for symbol in 0..<30 {
            let codeLength = UInt64(header.distanceLengths[symbol])
            let extraBits = UInt64(FastDeflateTables.distanceExtra[symbol])
            distances[symbol] = UInt64(header.distanceCodes[symbol]) | codeLength << 16 | (codeLength + extraBits) << 24
                | ((1 << extraBits) - 1) << 32
        }
    }
}
