/// Raw deflate (RFC 1951) tuned for speed over ratio: greedy LZ77 (`FastDeflateMatchFinder`), one dynamic Huffman
/// block per 512 KiB of input written in the same pass (`FastDeflateBlockWriter`), or a stored block when that is
/// smaller. Large blocks: building a block's codes costs about as much as coding 10 KiB of text. Input is buffered
/// in 1 MiB chunks after 32 KiB of history; output goes to `sink` in pieces of about 512 KiB or more (a whole block
/// is kept until it is known not to need storing raw). Memory is fixed (about 2.8 MiB) whatever the input size.
final class FastDeflateEncoder {
    typealias Sink = (UnsafeRawBufferPointer) throws -> Void

    static let windowBytes = 32 * 1024
    static let chunkBytes = 1024 * 1024
    static let blockBytes = 512 * 1024
    static let defaultOutputBytes = 512 * 1024
    /// Output handed to the sink once this much has built up (tests make it small to flush after every block).
    private let outputBytes: Int
    /// A block's worst case: 15-bit codes for every byte plus its header, with slack for the bit writer. A block
    /// covers at most `blockBytes` plus one match.
    private static let blockOutputBound = (blockBytes + 258) * 2 + 4096

    /// History, then buffered input, then 8 readable bytes past the end for the match finder's loads.
    private let window: UnsafeMutablePointer<UInt8>
    private var filled = 0
    /// Input before this has been turned into blocks.
    private var compressed = 0
    private let finder = FastDeflateMatchFinder()
    private var blockWriter = FastDeflateBlockWriter()
    private let output: UnsafeMutablePointer<UInt8>
    private var bits: FastDeflateBitWriter
    private let sink: Sink
    private var finished = false

    init(sink: @escaping Sink, outputBytes: Int = FastDeflateEncoder.defaultOutputBytes) {
        self.sink = sink
        self.outputBytes = max(1, outputBytes)
        let windowCapacity = Self.windowBytes + Self.chunkBytes + 8
        window = .allocate(capacity: windowCapacity)
        window.initialize(repeating: 0, count: 8)
        output = .allocate(capacity: self.outputBytes + Self.blockOutputBound + 8)
        bits = FastDeflateBitWriter(out: output)
    }

    deinit {
        window.deallocate()
        finder.deallocate()
        blockWriter.deallocate()
        output.deallocate()
    }

    /// Buffers `input` and compresses every full chunk; returns `crc` updated with `input` (CRC-32 computed while
    /// copying, so the input is read once).
    func write(_ input: UnsafeRawBufferPointer, crc: UInt32) throws -> UInt32 {
        guard let source = input.baseAddress else { return crc }
        var crc = crc
        var offset = 0
        let capacity = Self.windowBytes + Self.chunkBytes
        while offset < input.count {
            let n = min(input.count - offset, capacity - filled)
            crc = CRC32.copy(UnsafeRawBufferPointer(start: source + offset, count: n), to: window + filled, crc: crc)
            filled += n
            offset += n
            // The bytes past the input are read (never used) by the match finder's 8-byte loads: define them.
            UnsafeMutableRawPointer(window + filled).storeBytes(of: 0, as: UInt64.self)
            if filled == capacity {
                try compressPending(final: false)
                slide()
            }
        }
        return crc
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

    /// Turns buffered input into blocks: all of it when `final`, else all but the last `lookahead` bytes, which
    /// stay for the next chunk so that the match finder's fast loop never runs out of bytes to read.
    private func compressPending(final: Bool) throws {
        let stop = final ? filled : filled - FastDeflateMatchFinder.lookahead
        var start = compressed
        while start < stop {
            start = blockWriter.write(window: window, start: start, blockEnd: min(start + Self.blockBytes, stop),
                                      available: filled, final: final, finder: finder, to: &bits)
            if bits.position >= outputBytes { try flushOutput() }
        }
        compressed = start
    }

    private func flushOutput() throws {
        guard bits.position > 0 else { return }
        try sink(UnsafeRawBufferPointer(start: output, count: bits.position))
        bits.rewind()
    }

    /// Keeps the last 32 KiB as history (the input not yet compressed is part of it) and moves the hash table's
    /// positions along with it.
    private func slide() {
        let shift = filled - Self.windowBytes
        window.update(from: window + shift, count: Self.windowBytes)
        filled = Self.windowBytes
        compressed -= shift
        finder.slide(by: shift)
    }
}
