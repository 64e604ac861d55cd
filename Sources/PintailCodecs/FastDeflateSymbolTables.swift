/// Everything the symbol sinks read or count per symbol, in one allocation at fixed offsets so that the match loop
/// keeps a single base pointer in a register: one block's Huffman codes in the shapes the writer puts them (each
/// entry packs the bit-reversed code with its bit count, so a symbol costs one load), the symbol counts for the next
/// block's codes (by byte, by length - 3, by distance symbol: the cheapest keys), and the distance-symbol lookup.
struct FastDeflateSymbolTables {
    let base: UnsafeMutableRawPointer
    /// UInt32 by literal byte: code in the low 16 bits, its length above.
    static let literalCodes = 0
    /// UInt64 by length - 3: the length symbol's code followed by its extra bits in the low 32 bits, count above.
    static let lengthCodes = 1024
    /// UInt64 by distance symbol: the code minus the symbol's base distance - 1 shifted past the code, so that adding
    /// (distance - 1) << code length gives the code followed by its extra bits.
    static let distanceCodes = 3072
    /// UInt8 pairs by distance symbol: code length, then code length plus extra bits.
    static let distanceShapes = 5504
    /// UInt32 counts: literals by byte, matches by length - 3, distance symbols.
    static let literalCounts = 3328
    static let lengthCounts = 4352
    static let distanceCounts = 5376
    /// UInt8 distance symbol by distance - 1 up to 256, then at 256 + (distance - 1) >> 7.
    static let distanceSymbols = 5568
    private static let size = 6080
    private static let countsSize = distanceSymbols - literalCounts

    /// End of block: code in the low 16 bits, its length above.
    private(set) var endOfBlock: UInt32 = 0

    init() {
        base = .allocate(byteCount: Self.size, alignment: 8)
        base.initializeMemory(as: UInt8.self, repeating: 0, count: Self.size)
        let symbols = FastDeflateTables.shared.distanceSymbol
        (base + Self.distanceSymbols).copyMemory(from: symbols, byteCount: 512)
    }

    func deallocate() { base.deallocate() }

    func resetCounts() { (base + Self.literalCounts).initializeMemory(as: UInt8.self, repeating: 0, count: Self.countsSize) }

    @inline(__always)
    func count(_ offset: Int, _ index: Int) {
        (base + offset).assumingMemoryBound(to: UInt32.self)[index] &+= 1
    }

    @inline(__always)
    func distanceSymbol(_ d: Int) -> Int {
        Int(base.load(fromByteOffset: Self.distanceSymbols &+ (d < 256 ? d : 256 &+ (d &>> 7)), as: UInt8.self))
    }

    /// Literal/length (286, end of block included) and distance (30) symbol frequencies from the counts. Every
    /// symbol counts at least once, so that codes built from them can code any block.
    func symbolFrequencies() -> (literalLength: [UInt32], distance: [UInt32]) {
        let counts = (base + Self.literalCounts).assumingMemoryBound(to: UInt32.self)
        var literalLength = [UInt32](repeating: 1, count: 286)
        for byte in 0..<256 { literalLength[byte] &+= counts[byte] }
        let lengthSymbol = FastDeflateTables.shared.lengthSymbol
        for index in 0..<256 { literalLength[257 + Int(lengthSymbol[index])] &+= counts[256 + index] }
        var distance = [UInt32](repeating: 1, count: 30)
        for symbol in 0..<30 { distance[symbol] &+= counts[512 + symbol] }
        return (literalLength, distance)
    }

    mutating func fillCodes(from header: FastDeflateHeader) {
        let literals = (base + Self.literalCodes).assumingMemoryBound(to: UInt32.self)
        for byte in 0..<256 {
            literals[byte] = header.literalCodes[byte] | UInt32(header.literalLengths[byte]) << 16
        }
        endOfBlock = header.literalCodes[256] | UInt32(header.literalLengths[256]) << 16
        let lengths = (base + Self.lengthCodes).assumingMemoryBound(to: UInt64.self)
        let lengthSymbol = FastDeflateTables.shared.lengthSymbol
        for length in 3...258 {
            let index = Int(lengthSymbol[length - 3])
            let codeLength = Int(header.literalLengths[257 + index])
            let extra = UInt64(length - FastDeflateTables.lengthBase[index])
            lengths[length - 3] = (UInt64(header.literalCodes[257 + index]) | extra << codeLength)
                | UInt64(codeLength + FastDeflateTables.lengthExtra[index]) << 32
        }
        let distances = (base + Self.distanceCodes).assumingMemoryBound(to: UInt64.self)
        let shapes = (base + Self.distanceShapes).assumingMemoryBound(to: UInt8.self)
        for symbol in 0..<30 {
            let codeLength = Int(header.distanceLengths[symbol])
            let baseBits = UInt64(FastDeflateTables.distanceBase[symbol] - 1) << codeLength
            distances[symbol] = UInt64(header.distanceCodes[symbol]) &- baseBits
            shapes[2 * symbol] = UInt8(codeLength)
            shapes[2 * symbol + 1] = UInt8(codeLength + FastDeflateTables.distanceExtra[symbol])
        }
    }
}
