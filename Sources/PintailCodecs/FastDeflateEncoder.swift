/// Raw deflate (RFC 1951) tuned for speed over ratio: greedy LZ77 with a one-entry hash table of 4-byte sequences
/// over a 32 KiB window (no chains, no lazy matching), one dynamic Huffman block per 64 KiB of input, or a stored
/// block when that is smaller. Input is buffered in 1 MiB chunks after 32 KiB of history; output goes to `sink`
/// in pieces of up to about 512 KiB. Memory is fixed (about 2.1 MiB) whatever the input size.
final class FastDeflateEncoder {
    typealias Sink = (UnsafeRawBufferPointer) throws -> Void

    static let windowBytes = 32 * 1024
    static let chunkBytes = 1024 * 1024
    static let blockBytes = 64 * 1024
    private static let hashBits = 15
    /// Table entry for "no position": farther than any distance from every position.
    private static let noPosition: Int32 = -(1 << 20)
    static let defaultOutputBytes = 512 * 1024
    /// Output handed to the sink once this much has built up (tests make it small to flush after every block).
    private let outputBytes: Int
    /// A block's worst case: 15-bit codes for every byte plus its header, with slack for the bit writer.
    private static let blockOutputBound = blockBytes * 2 + 4096

    private let window: UnsafeMutablePointer<UInt8>
    private var filled = 0
    private var compressed = 0
    private let table: UnsafeMutablePointer<Int32>
    /// One per literal (its byte) or match ((distance << 8) | (length - 3)), for the block being built.
    private let symbols: UnsafeMutablePointer<UInt32>
    let literalFrequencies: UnsafeMutablePointer<UInt32>
    let distanceFrequencies: UnsafeMutablePointer<UInt32>
    private let output: UnsafeMutablePointer<UInt8>
    private var bits: FastDeflateBitWriter
    private let sink: Sink
    private var finished = false

    init(sink: @escaping Sink, outputBytes: Int = FastDeflateEncoder.defaultOutputBytes) {
        self.sink = sink
        self.outputBytes = max(1, outputBytes)
        window = .allocate(capacity: Self.windowBytes + Self.chunkBytes + 8)
        table = .allocate(capacity: 1 << Self.hashBits)
        table.initialize(repeating: Self.noPosition, count: 1 << Self.hashBits)
        symbols = .allocate(capacity: Self.blockBytes + 1)
        literalFrequencies = .allocate(capacity: 288)
        literalFrequencies.initialize(repeating: 0, count: 288)
        distanceFrequencies = .allocate(capacity: 32)
        distanceFrequencies.initialize(repeating: 0, count: 32)
        output = .allocate(capacity: self.outputBytes + Self.blockOutputBound + 8)
        bits = FastDeflateBitWriter(out: output)
    }

    deinit {
        window.deallocate()
        table.deallocate()
        symbols.deallocate()
        literalFrequencies.deallocate()
        distanceFrequencies.deallocate()
        output.deallocate()
    }

    func write(_ input: UnsafeRawBufferPointer) throws {
        guard let source = input.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
        var offset = 0
        let capacity = Self.windowBytes + Self.chunkBytes
        while offset < input.count {
            let n = min(input.count - offset, capacity - filled)
            (window + filled).update(from: source + offset, count: n)
            filled += n
            offset += n
            if filled == capacity {
                try compressPending(final: false)
                slide()
            }
        }
    }

    /// Compresses what is left, ends the deflate stream and hands the rest of the output to the sink.
    func finish() throws {
        guard !finished else { return }
        finished = true
        if compressed == filled {
            bits.put(0b011, 3)  // an empty final block: fixed Huffman, then end-of-block (seven zero bits)
            bits.put(0, 7)
        } else {
            try compressPending(final: true)
        }
        bits.finish()
        try flushOutput()
    }

    private func compressPending(final: Bool) throws {
        var start = compressed
        while start < filled {
            let end = min(start + Self.blockBytes, filled)
            let count = findMatches(start: start, end: end)
            FastDeflateBlockWriter.write(symbols: symbols, count: count, input: window + start, inputCount: end - start,
                                         literalFrequencies: literalFrequencies,
                                         distanceFrequencies: distanceFrequencies,
                                         final: final && end == filled, to: &bits)
            start = end
            if bits.position >= outputBytes { try flushOutput() }
        }
        compressed = filled
    }

    private func flushOutput() throws {
        guard bits.position > 0 else { return }
        try sink(UnsafeRawBufferPointer(start: output, count: bits.position))
        bits.rewind()
    }

    /// Keeps the last 32 KiB as history and moves the hash table's positions along with it.
    private func slide() {
        let shift = filled - Self.windowBytes
        window.update(from: window + shift, count: Self.windowBytes)
        filled = Self.windowBytes
        compressed = Self.windowBytes
        let delta = Int32(shift)
        for i in 0..<(1 << Self.hashBits) {
            let moved = table[i] - delta
            table[i] = moved < Self.noPosition ? Self.noPosition : moved
        }
    }

    /// Greedy LZ77 over window[start..<end] (earlier bytes are history); records symbols and their frequencies and
    /// returns the number of symbols. Matches end at `end`.
    private func findMatches(start: Int, end: Int) -> Int {
        let base = window, table = self.table, symbols = self.symbols
        let literalFrequencies = self.literalFrequencies, distanceFrequencies = self.distanceFrequencies
        let tables = FastDeflateTables.shared
        let lengthSymbol = tables.lengthSymbol
        let shift = UInt32(32 - Self.hashBits)
        var count = 0
        var p = start
        while p + 4 <= end {
            let value = UnsafeRawPointer(base + p).loadUnaligned(as: UInt32.self)
            let slot = Int(truncatingIfNeeded: (value &* 0x9E37_79B1) &>> shift)
            let candidate = Int(truncatingIfNeeded: table[slot])
            table[slot] = Int32(truncatingIfNeeded: p)
            let distance = p &- candidate
            if UInt(bitPattern: distance &- 1) < UInt(Self.windowBytes)
                && UnsafeRawPointer(base + candidate).loadUnaligned(as: UInt32.self) == value {
                let limit = min(258, end - p)
                var length = 4
                extend: while length + 8 <= limit {
                    let a = UnsafeRawPointer(base + p + length).loadUnaligned(as: UInt64.self)
                    let b = UnsafeRawPointer(base + candidate + length).loadUnaligned(as: UInt64.self)
                    let difference = a ^ b
                    if difference != 0 {
                        length += difference.littleEndian.trailingZeroBitCount >> 3
                        break extend
                    }
                    length += 8
                }
                if length + 8 > limit {
                    while length < limit && base[p + length] == base[candidate + length] { length += 1 }
                }
                symbols[count] = UInt32(truncatingIfNeeded: distance << 8 | (length - 3))
                count += 1
                literalFrequencies[257 + Int(lengthSymbol[length - 3])] += 1
                distanceFrequencies[tables.distanceSymbol(of: distance)] += 1
                p += length
            } else {
                let byte = base[p]
                symbols[count] = UInt32(byte)
                count += 1
                literalFrequencies[Int(byte)] += 1
                p += 1
            }
        }
        while p < end {
            let byte = base[p]
            symbols[count] = UInt32(byte)
            count += 1
            literalFrequencies[Int(byte)] += 1
            p += 1
        }
        return count
    }
}
