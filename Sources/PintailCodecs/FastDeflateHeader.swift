/// The Huffman codes of one dynamic deflate block and its header: the code lengths of both alphabets,
/// run-length coded with symbols 16/17/18 and themselves Huffman coded (RFC 1951 section 3.2.7).
struct FastDeflateHeader {
    let literalLengths: [UInt8]
    let literalCodes: [UInt32]
    let distanceLengths: [UInt8]
    let distanceCodes: [UInt32]
    private let literalCount: Int
    private let distanceCount: Int
    /// Code-length symbols (0...18) with their extra-bit values.
    private var runs: [(symbol: UInt8, extra: UInt8)] = []
    private let codeLengthLengths: [UInt8]
    private let codeLengthCodes: [UInt32]
    private let codeLengthCount: Int
    /// Header size in bits after BFINAL and BTYPE.
    private(set) var bitCount = 0

    init(literalFrequencies: [UInt32], distanceFrequencies: [UInt32]) {
        // Literal/length codes of at most 14 bits let the symbol writer buffer four literals per flush.
        literalLengths = FastDeflateHuffman.lengths(literalFrequencies, maxBits: 14)
        literalCodes = FastDeflateHuffman.reversedCodes(literalLengths)
        distanceLengths = FastDeflateHuffman.lengths(distanceFrequencies, maxBits: 15)
        distanceCodes = FastDeflateHuffman.reversedCodes(distanceLengths)
        var literals = 286
        while literals > 257 && literalLengths[literals - 1] == 0 { literals -= 1 }
        var distances = 30
        while distances > 1 && distanceLengths[distances - 1] == 0 { distances -= 1 }
        literalCount = literals
        distanceCount = distances

        // One sequence of lengths for both alphabets; runs may cross from one into the other.
        let sequence = Array(literalLengths[0..<literals]) + Array(distanceLengths[0..<distances])
        var i = 0
        while i < sequence.count {
            let value = sequence[i]
            var run = 1
            while i + run < sequence.count && sequence[i + run] == value { run += 1 }
            i += run
            if value == 0 {
                while run >= 11 { let n = min(run, 138); runs.append((18, UInt8(n - 11))); run -= n }
                if run >= 3 { runs.append((17, UInt8(run - 3))); run = 0 }
            } else {
                runs.append((value, 0))
                run -= 1
                while run >= 3 { let n = min(run, 6); runs.append((16, UInt8(n - 3))); run -= n }
            }
            for _ in 0..<run { runs.append((value, 0)) }
        }
        var frequencies = [UInt32](repeating: 0, count: 19)
        for run in runs { frequencies[Int(run.symbol)] += 1 }
        codeLengthLengths = FastDeflateHuffman.lengths(frequencies, maxBits: 7)
        codeLengthCodes = FastDeflateHuffman.reversedCodes(codeLengthLengths)
        var listed = 19
        while listed > 4 && codeLengthLengths[FastDeflateTables.codeLengthOrder[listed - 1]] == 0 { listed -= 1 }
        codeLengthCount = listed

        var total = 5 + 5 + 4 + 3 * listed
        for run in runs { total += Int(codeLengthLengths[Int(run.symbol)]) + Self.extraBits(run.symbol) }
        bitCount = total
    }

    private static func extraBits(_ symbol: UInt8) -> Int { symbol == 16 ? 2 : symbol == 17 ? 3 : symbol == 18 ? 7 : 0 }

    func write(to bits: inout FastDeflateBitWriter) {
        bits.put(UInt64(literalCount - 257), 5)
        bits.put(UInt64(distanceCount - 1), 5)
        bits.put(UInt64(codeLengthCount - 4), 4)
        for k in 0..<codeLengthCount {
            bits.put(UInt64(codeLengthLengths[FastDeflateTables.codeLengthOrder[k]]), 3)
        }
        for run in runs {
            let symbol = Int(run.symbol)
            bits.put(UInt64(codeLengthCodes[symbol]), Int(codeLengthLengths[symbol]))
            let extra = Self.extraBits(run.symbol)
            if extra > 0 { bits.put(UInt64(run.extra), extra) }
        }
    }
}
