/// Greedy LZ77 for the fast deflate encoder: a one-entry hash table of 4-byte sequences over a 32 KiB window (no
/// chains, no lazy matching). Each step loads 8 bytes once: they give the hash, and XOR against the candidate's 8
/// bytes both checks the 4-byte minimum and measures the first 8 bytes of the match. The finder writes one 32-bit
/// symbol per literal or match and counts the block's symbol frequencies for its Huffman codes.
///
/// Symbol layout: a literal is its byte (bit 8 clear). A match has bit 8 set, length - 3 in bits 0-7, the distance
/// symbol in bits 9-13 and the distance's extra-bit value in bits 14-26, so the block writer needs no search.
struct FastDeflateMatchFinder {
    static let hashBits = 15
    /// Table entry for "no position": farther than any distance from every position.
    static let noPosition: Int32 = -(1 << 20)
    /// Bytes past a position that the fast loop may read: the longest match plus one 8-byte load.
    static let lookahead = 258 + 8
    static let matchFlag: UInt32 = 1 << 8

    let table: UnsafeMutablePointer<Int32>
    let symbols: UnsafeMutablePointer<UInt32>
    let literalFrequencies: UnsafeMutablePointer<UInt32>
    let distanceFrequencies: UnsafeMutablePointer<UInt32>

    init(maxSymbols: Int) {
        table = .allocate(capacity: 1 << Self.hashBits)
        table.initialize(repeating: Self.noPosition, count: 1 << Self.hashBits)
        symbols = .allocate(capacity: maxSymbols)
        literalFrequencies = .allocate(capacity: 288)
        literalFrequencies.initialize(repeating: 0, count: 288)
        distanceFrequencies = .allocate(capacity: 32)
        distanceFrequencies.initialize(repeating: 0, count: 32)
    }

    func deallocate() {
        table.deallocate()
        symbols.deallocate()
        literalFrequencies.deallocate()
        distanceFrequencies.deallocate()
    }

    /// After the window dropped its first `shift` bytes: moves the table's positions along with them.
    func slide(by shift: Int) {
        let delta = Int32(shift)
        for i in 0..<(1 << Self.hashBits) {
            let moved = table[i] &- delta
            table[i] = moved < Self.noPosition ? Self.noPosition : moved
        }
    }

    @inline(__always)
    private static func slot(_ eightBytes: UInt64) -> Int {
        // The low 4 bytes, by one multiply: the product's top bits mix all of them.
        Int(truncatingIfNeeded: ((eightBytes &<< 32) &* 0x9E37_79B9_7F4A_7C15) &>> UInt64(64 - hashBits))
    }

    /// Symbols for window[start...] up to at least `blockEnd` (the last match may run past it, never past
    /// `available`); window[..<start] is history and window[available..<available + 8] must be readable. Returns the
    /// number of symbols and where they end. At most `blockEnd - start` symbols.
    func findMatches(window: UnsafeMutablePointer<UInt8>, start: Int, blockEnd: Int, available: Int) -> (count: Int, end: Int) {
        let base = UnsafeRawPointer(window)
        let table = self.table, symbols = self.symbols
        let literalFrequencies = self.literalFrequencies, distanceFrequencies = self.distanceFrequencies
        let tables = FastDeflateTables.shared
        let lengthSymbol = tables.lengthSymbol, distanceSymbol = tables.distanceSymbol
        let distanceMask = tables.distanceExtraMask
        var count = 0
        var p = start
        let fastEnd = min(blockEnd, available - Self.lookahead)
        while p < fastEnd {
            let value = base.loadUnaligned(fromByteOffset: p, as: UInt64.self)
            let slot = Self.slot(value)
            let candidate = Int(truncatingIfNeeded: table[slot])
            table[slot] = Int32(truncatingIfNeeded: p)
            let distance = p &- candidate
            var difference: UInt64 = 1
            if UInt(bitPattern: distance &- 1) < 32768 {
                difference = value ^ base.loadUnaligned(fromByteOffset: candidate, as: UInt64.self)
            }
            if difference & 0xFFFF_FFFF != 0 {
                let byte = UInt32(truncatingIfNeeded: value & 0xFF)
                symbols[count] = byte
                count &+= 1
                literalFrequencies[Int(byte)] &+= 1
                p &+= 1
                continue
            }
            var length = 0
            // Eight bytes at a time: the first difference's trailing zero bits count the equal bytes before it.
            while difference == 0 && length < 256 {
                length &+= 8
                difference = base.loadUnaligned(fromByteOffset: p &+ length, as: UInt64.self)
                    ^ base.loadUnaligned(fromByteOffset: candidate &+ length, as: UInt64.self)
            }
            length = min(length &+ (difference.littleEndian.trailingZeroBitCount &>> 3), 258)
            count = record(length: length, distance: distance, at: count)
            p &+= length
        }
        // Near `available`: byte by byte, matches bounded by the bytes there are.
        while p < blockEnd {
            let limit = min(258, available &- p)
            let value = base.loadUnaligned(fromByteOffset: p, as: UInt64.self)
            let slot = Self.slot(value)
            let candidate = Int(truncatingIfNeeded: table[slot])
            table[slot] = Int32(truncatingIfNeeded: p)
            let distance = p &- candidate
            var length = 0
            if UInt(bitPattern: distance &- 1) < 32768 {
                while length < limit && window[p &+ length] == window[candidate &+ length] { length &+= 1 }
            }
            if length >= 4 {
                count = record(length: length, distance: distance, at: count)
                p &+= length
            } else {
                let byte = window[p]
                symbols[count] = UInt32(byte)
                count &+= 1
                literalFrequencies[Int(byte)] &+= 1
                p &+= 1
            }
        }
        return (count, p)

        @inline(__always)
        func record(length: Int, distance: Int, at count: Int) -> Int {
            let d = distance &- 1
            let dSymbol = Int(distanceSymbol[d < 256 ? d : 256 &+ (d &>> 7)])
            let extra = UInt32(truncatingIfNeeded: d) & distanceMask[dSymbol]
            symbols[count] = extra << 14 | UInt32(truncatingIfNeeded: dSymbol) << 9 | Self.matchFlag
                | UInt32(truncatingIfNeeded: length &- 3)
            literalFrequencies[257 &+ Int(lengthSymbol[length &- 3])] &+= 1
            distanceFrequencies[dSymbol] &+= 1
            return count &+ 1
        }
    }
}
