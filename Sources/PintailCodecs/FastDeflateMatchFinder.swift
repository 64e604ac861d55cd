/// Greedy LZ77 for the fast deflate encoder: a one-entry hash table of 8-byte sequences over a 32 KiB window (no
/// chains, no lazy matching). Each probe loads 8 bytes once: they give the hash, and XOR against the candidate's 8
/// bytes checks them all. Matches start at 8 bytes: with one candidate per slot, the latest 4-byte repeat is often
/// a short match that hides a longer one a byte later; on the generator's text 8-byte matches give 5% smaller
/// output than 4-byte ones. Between matches, positions are probed only at word and field starts (after a byte below
/// 0x21) and at the two positions after a match: text repeats whole words, so this finds nearly the same matches
/// with a fraction of the probes (generated TSV: about 14% less CPU for the whole generator than probing every
/// position, files 3.4% larger). A match cut at 258 bytes is first tried again at the same distance, which keeps
/// long runs and repeated blocks cheap.
/// Each literal and match goes to a sink (`FastDeflateSymbolSink`): the finder is generic over it, so the symbol
/// writer's code is inlined here.
struct FastDeflateMatchFinder {
    static let hashBits = 15
    /// Table entry for "no position": farther than any distance from every position.
    static let noPosition: Int32 = -(1 << 20)
    /// Bytes past a position that the fast loop may read: the longest match plus one 8-byte load.
    static let lookahead = 258 + 8

    let table: UnsafeMutablePointer<Int32>
    /// The distance of the last match if it was cut at the longest length (else 0): the next call, which starts
    /// where this one ended, tries it first.
    private let repeatDistance: UnsafeMutablePointer<Int>

    init() {
        table = .allocate(capacity: 1 << Self.hashBits)
        table.initialize(repeating: Self.noPosition, count: 1 << Self.hashBits)
        repeatDistance = .allocate(capacity: 1)
        repeatDistance.initialize(to: 0)
    }

    func deallocate() {
        table.deallocate()
        repeatDistance.deallocate()
    }

    /// Forgets every position (after a counting pass, whose positions lie ahead of the real pass).
    func reset() {
        table.update(repeating: Self.noPosition, count: 1 << Self.hashBits)
        repeatDistance.pointee = 0
    }

    /// After the window dropped its first `shift` bytes: moves the table's positions along with them. Positions that
    /// fell off the window's start become `noPosition`: a negative position would pass the distance check of a
    /// position less than 32 KiB into the window and read before the window's memory.
    func slide(by shift: Int) {
        let delta = Int32(shift)
        for i in 0..<(1 << Self.hashBits) {
            let moved = table[i] &- delta
            table[i] = moved < 0 ? Self.noPosition : moved
        }
    }

    @inline(__always)
    private static func slot(_ eightBytes: UInt64) -> Int {
        // One multiply: the product's top bits mix all 8 bytes.
        Int(truncatingIfNeeded: (eightBytes &* 0x9E37_79B9_7F4A_7C15) &>> UInt64(64 - hashBits))
    }

    /// Literals and matches for window[start...] up to at least `blockEnd` (the last match may run past it, never
    /// past `available`), sent to `sink`; window[..<start] is history and window[available..<available + 8] must be
    /// readable. Returns where the symbols end.
    func findMatches<Sink: FastDeflateSymbolSink>(window: UnsafeMutablePointer<UInt8>, start: Int, blockEnd: Int,
                                                  available: Int, sink outerSink: inout Sink) -> Int {
        // A local copy keeps the sink's state (the bit writer's accumulator, its table pointers) in registers.
        var sink = outerSink
        defer { outerSink = sink }
        let base = UnsafeRawPointer(window)
        let table = self.table
        var p = start
        // Literals are handed over in runs, when a match or the end ends them.
        var literalStart = p
        var afterMatch = true
        var repeatDistance = self.repeatDistance.pointee
        defer { self.repeatDistance.pointee = repeatDistance }
        let fastEnd = min(blockEnd, available - Self.lookahead)
        while p < fastEnd {
            var candidate = p &- repeatDistance
            // A match cut at the longest length usually goes on at the same distance (runs, repeated blocks).
            let repeats = repeatDistance != 0 && candidate >= 0
                && base.loadUnaligned(fromByteOffset: candidate, as: UInt64.self)
                    == base.loadUnaligned(fromByteOffset: p, as: UInt64.self)
            repeatDistance = 0
            if !repeats && !isMatch(at: p, &candidate) {
                // Right after a match, where a repeat may go on from any byte, also the next position; then only
                // word and field starts (the byte after one below 0x21), found eight bytes at a time.
                if afterMatch {
                    afterMatch = false
                    p &+= 1
                    continue
                }
                var j = p
                while true {
                    let low = lowBytes(base.loadUnaligned(fromByteOffset: j, as: UInt64.self))
                    if low != 0 {
                        j &+= low.littleEndian.trailingZeroBitCount &>> 3
                        break
                    }
                    j &+= 8
                    if j >= fastEnd { break }
                }
                p = min(j &+ 1, fastEnd)
                continue
            }
            var difference: UInt64 = 0
            // Eight bytes at a time: the first difference's trailing zero bits count the equal bytes before it.
            var length = 8
            while true {
                difference = base.loadUnaligned(fromByteOffset: p &+ length, as: UInt64.self)
                    ^ base.loadUnaligned(fromByteOffset: candidate &+ length, as: UInt64.self)
                if difference != 0 {
                    length &+= difference.littleEndian.trailingZeroBitCount &>> 3
                    break
                }
                length &+= 8
                if length >= 258 { break }
            }
            length = min(length, 258)
            if p != literalStart { sink.literals(base + literalStart, count: p &- literalStart) }
            sink.match(length: length, distance: p &- candidate)
            if length == 258 { repeatDistance = p &- candidate }
            let matchEnd = p &+ length
            p = matchEnd
            literalStart = p
            afterMatch = true
        }
        // Near `available`: byte by byte, matches bounded by the bytes there are.
        if p < blockEnd { repeatDistance = 0 }
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
                if p != literalStart { sink.literals(base + literalStart, count: p &- literalStart) }
                sink.match(length: length, distance: distance)
                p &+= length
                literalStart = p
            } else {
                p &+= 1
            }
        }
        if p != literalStart { sink.literals(base + literalStart, count: p &- literalStart) }
        return p

        /// The top bit of each byte below 0x21 (space, tab, newline, NUL), as loaded little-endian. The lowest flag is
        /// always exact; a flag above it may be false (a borrow runs upward), which only adds a table entry.
        @inline(__always)
        func lowBytes(_ word: UInt64) -> UInt64 {
            (word.littleEndian &- 0x2121_2121_2121_2121) & ~word.littleEndian & 0x8080_8080_8080_8080
        }

        /// Inserts position `q` and tells whether its candidate repeats its 8 bytes within the window.
        @inline(__always)
        func isMatch(at q: Int, _ candidate: inout Int) -> Bool {
            let value = base.loadUnaligned(fromByteOffset: q, as: UInt64.self)
            let slot = Self.slot(value)
            candidate = Int(truncatingIfNeeded: table[slot])
            table[slot] = Int32(truncatingIfNeeded: q)
            // Every position in the table lies before q, so one comparison checks the distance.
            return candidate >= q &- 32768 && base.loadUnaligned(fromByteOffset: candidate, as: UInt64.self) == value
        }
    }
}
