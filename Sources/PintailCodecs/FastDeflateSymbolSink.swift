/// Where the match finder sends literals and matches. The finder is generic over its sink, so each sink gets its
/// own specialized loop with the calls inlined.
protocol FastDeflateSymbolSink {
    /// `count` (at least 1) bytes at `bytes` that found no match.
    mutating func literals(_ bytes: UnsafeRawPointer, count: Int)
    /// `length` 3...258; `distance` 1...32768.
    mutating func match(length: Int, distance: Int)
}

/// Only counts: the first block of a stream, which has no earlier block to take its codes from, counts a sample of
/// its symbols with this sink before a `FastDeflateSymbolWriter` writes it.
struct FastDeflateSymbolCounter: FastDeflateSymbolSink {
    let tables: FastDeflateSymbolTables

    @inline(__always)
    mutating func literals(_ bytes: UnsafeRawPointer, count: Int) {
        for i in 0..<count {
            tables.count(FastDeflateSymbolTables.literalCounts, Int(bytes.load(fromByteOffset: i, as: UInt8.self)))
        }
    }

    @inline(__always)
    mutating func match(length: Int, distance: Int) {
        tables.count(FastDeflateSymbolTables.lengthCounts, length &- 3)
        tables.count(FastDeflateSymbolTables.distanceCounts, tables.distanceSymbol(distance &- 1))
    }
}

/// Whether a `FastDeflateSymbolWriter` counts its symbols: a type parameter, so that each choice gets its own loop.
protocol FastDeflateCounting { static var counts: Bool { get } }
enum FastDeflateCounted: FastDeflateCounting { static var counts: Bool { true } }
enum FastDeflateUncounted: FastDeflateCounting { static var counts: Bool { false } }

/// Writes each symbol's Huffman code straight into the bit stream (codes chosen before the block from the previous
/// block's counts) and, when `Counting` says so, counts the symbols for the next block's codes.
struct FastDeflateSymbolWriter<Counting: FastDeflateCounting>: FastDeflateSymbolSink {
    var bits: FastDeflateBitWriter
    let tables: FastDeflateSymbolTables

    @inline(__always)
    private mutating func addLiteral(_ bytes: UnsafeRawPointer, _ i: Int) {
        let byte = Int(bytes.load(fromByteOffset: i, as: UInt8.self))
        if Counting.counts { tables.count(FastDeflateSymbolTables.literalCounts, byte) }
        let entry = tables.base.load(fromByteOffset: FastDeflateSymbolTables.literalCodes &+ byte &<< 2, as: UInt32.self)
        bits.add(UInt64(entry & 0xFFFF), Int(truncatingIfNeeded: entry &>> 16))
    }

    /// Four literal codes of at most 14 bits fit the accumulator (with 7 bits left over) before one flush.
    @inline(__always)
    mutating func literals(_ bytes: UnsafeRawPointer, count: Int) {
        var i = 0
        while count &- i >= 4 {
            addLiteral(bytes, i)
            addLiteral(bytes, i &+ 1)
            addLiteral(bytes, i &+ 2)
            addLiteral(bytes, i &+ 3)
            bits.flush()
            i &+= 4
        }
        if i < count {
            addLiteral(bytes, i)
            if i &+ 1 < count {
                addLiteral(bytes, i &+ 1)
                if i &+ 2 < count { addLiteral(bytes, i &+ 2) }
            }
            bits.flush()
        }
    }

    @inline(__always)
    mutating func match(length: Int, distance: Int) {
        let d = distance &- 1
        let symbol = tables.distanceSymbol(d)
        if Counting.counts {
            tables.count(FastDeflateSymbolTables.lengthCounts, length &- 3)
            tables.count(FastDeflateSymbolTables.distanceCounts, symbol)
        }
        let lengthEntry = tables.base.load(fromByteOffset: FastDeflateSymbolTables.lengthCodes &+ (length &- 3) &<< 3,
                                           as: UInt64.self)
        let codeLength = tables.base.load(fromByteOffset: FastDeflateSymbolTables.distanceShapes &+ symbol &<< 1,
                                          as: UInt8.self)
        let bitCount = tables.base.load(fromByteOffset: FastDeflateSymbolTables.distanceShapes &+ symbol &<< 1 &+ 1,
                                        as: UInt8.self)
        // The distance code followed by its extra bits (distance - 1 - base), after the length's code and extra bits.
        let distancePart = tables.base.load(fromByteOffset: FastDeflateSymbolTables.distanceCodes &+ symbol &<< 3,
                                            as: UInt64.self) &+ UInt64(truncatingIfNeeded: d) &<< UInt64(codeLength)
        let lengthCount = lengthEntry &>> 32
        bits.put((lengthEntry & 0xFFFF_FFFF) | distancePart &<< lengthCount,
                 Int(truncatingIfNeeded: lengthCount) &+ Int(bitCount))
    }
}
