/// Where the match finder sends each literal and match. The finder is generic over its sink, so each sink gets its
/// own specialized loop with the calls inlined.
protocol FastDeflateSymbolSink {
    mutating func literal(_ byte: UInt8)
    /// `length` 3...258; `distance` 1...32768.
    mutating func match(length: Int, distance: Int)
}

/// Only counts: the first block of a stream, which has no earlier block to take its codes from, is matched once
/// with this sink to learn its frequencies, then again with a `FastDeflateSymbolWriter`.
struct FastDeflateSymbolCounter: FastDeflateSymbolSink {
    let frequencies: FastDeflateFrequencies
    private let distanceSymbol = FastDeflateTables.shared.distanceSymbol

    init(frequencies: FastDeflateFrequencies) { self.frequencies = frequencies }

    @inline(__always)
    mutating func literal(_ byte: UInt8) { frequencies.literals[Int(byte)] &+= 1 }

    @inline(__always)
    mutating func match(length: Int, distance: Int) {
        frequencies.lengths[length &- 3] &+= 1
        let d = distance &- 1
        frequencies.distances[Int(distanceSymbol[d < 256 ? d : 256 &+ (d &>> 7)])] &+= 1
    }
}

/// Writes each symbol's Huffman code straight into the bit stream (codes chosen before the block from the previous
/// block's frequencies) and counts the frequencies for the next block.
struct FastDeflateSymbolWriter: FastDeflateSymbolSink {
    var bits: FastDeflateBitWriter
    let frequencies: FastDeflateFrequencies
    let codes: FastDeflateCodeTables
    private let distanceSymbol = FastDeflateTables.shared.distanceSymbol

    init(bits: FastDeflateBitWriter, frequencies: FastDeflateFrequencies, codes: FastDeflateCodeTables) {
        self.bits = bits
        self.frequencies = frequencies
        self.codes = codes
    }

    @inline(__always)
    mutating func literal(_ byte: UInt8) {
        frequencies.literals[Int(byte)] &+= 1
        let entry = codes.literals[Int(byte)]
        bits.put(UInt64(entry & 0xFFFF), Int(truncatingIfNeeded: entry &>> 16))
    }

    @inline(__always)
    mutating func match(length: Int, distance: Int) {
        frequencies.lengths[length &- 3] &+= 1
        let d = distance &- 1
        let symbol = Int(distanceSymbol[d < 256 ? d : 256 &+ (d &>> 7)])
        frequencies.distances[symbol] &+= 1
        let lengthEntry = codes.lengths[length &- 3]
        let distanceEntry = codes.distances[symbol]
        // Distance code, then its extra bits (distance - 1 under the symbol's mask), after the length's bits.
        let extra = UInt64(truncatingIfNeeded: d) & (distanceEntry &>> 32)
        let distancePart = (distanceEntry & 0xFFFF) | extra &<< ((distanceEntry &>> 16) & 0xFF)
        let lengthCount = lengthEntry &>> 32
        bits.put((lengthEntry & 0xFFFF_FFFF) | distancePart &<< lengthCount,
                 Int(truncatingIfNeeded: lengthCount &+ ((distanceEntry &>> 24) & 0xFF)))
    }
}
