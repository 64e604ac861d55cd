import CZlib

/// A gzip decompressor written for speed (the techniques of libdeflate's decompressor, made streaming): it pulls
/// compressed bytes from `source` into a buffer of its own and decodes straight into the caller's memory, keeping
/// only the last 32 KiB of output as history. Concatenated members (with zero padding between them) are decoded
/// one after another; every member's CRC-32 and length are checked. Corrupt or truncated input throws a
/// `DecompressError`. Use one decoder per stream, from one thread at a time.
public final class FastGzipDecoder {
    enum Phase: Equatable {
        case memberStart, blockStart, huffman, trailer, done
        case stored(remaining: Int)
        case match(length: Int, distance: Int)
    }

    let input: FastInflateInput
    // Bit reader state: bits are consumed from the low end; `phantomBits` zero bits past the end of the input sit
    // on top, and consuming one of them means the input was truncated.
    var bitBuffer: UInt64 = 0
    var bitCount = 0
    var phantomBits = 0

    var phase = Phase.memberStart
    var lastBlock = false
    private var failed = false

    let literalLengthTable: UnsafeMutablePointer<UInt32>
    let distanceTable: UnsafeMutablePointer<UInt32>
    let precodeTable: UnsafeMutablePointer<UInt32>
    let fixedLiteralLengthTable: UnsafeMutablePointer<UInt32>
    let fixedDistanceTable: UnsafeMutablePointer<UInt32>
    /// The tables of the current block: the dynamic ones or the fixed ones.
    var activeLiteralLength: UnsafeMutablePointer<UInt32>
    var activeDistance: UnsafeMutablePointer<UInt32>
    /// Code lengths of a dynamic block header (literal/length and distance codes together).
    let codeLengths: UnsafeMutablePointer<UInt8>

    /// The member's last output bytes before the current call, for matches that reach back past its start.
    static let historySize = 32 << 10
    let history: UnsafeMutablePointer<UInt8>
    /// Valid history is `history[historyEnd - historyCount ..< historyEnd]`.
    var historyEnd = 0
    var historyCount = 0

    private var memberCRC: UInt = 0
    private var memberSize = 0
    /// Decompressed bytes produced so far.
    public private(set) var bytesOut = 0
    /// gzip members started so far.
    public private(set) var members = 0
    /// Compressed bytes taken from the source so far.
    public var bytesIn: Int { input.bytesRead }

    /// - Parameters:
    ///   - inputCapacity: size of the compressed-input buffer.
    ///   - source: fills the buffer it is given and returns the byte count, 0 at the end of the input.
    public init(inputCapacity: Int = 1 << 20,
                source: @escaping (UnsafeMutableRawBufferPointer) throws -> Int) throws {
        input = FastInflateInput(capacity: inputCapacity, source: source)
        literalLengthTable = .allocate(capacity: FastInflateEntry.literalLengthCapacity)
        distanceTable = .allocate(capacity: FastInflateEntry.distanceCapacity)
        precodeTable = .allocate(capacity: FastInflateEntry.precodeCapacity)
        fixedLiteralLengthTable = .allocate(capacity: FastInflateEntry.literalLengthCapacity)
        fixedDistanceTable = .allocate(capacity: FastInflateEntry.distanceCapacity)
        codeLengths = .allocate(capacity: 320)
        history = .allocate(capacity: 2 * Self.historySize)
        activeLiteralLength = fixedLiteralLengthTable
        activeDistance = fixedDistanceTable
        try buildFixedTables()
    }

    deinit {
        literalLengthTable.deallocate()
        distanceTable.deallocate()
        precodeTable.deallocate()
        fixedLiteralLengthTable.deallocate()
        fixedDistanceTable.deallocate()
        codeLengths.deallocate()
        history.deallocate()
    }

    /// Decodes into `buffer` until it is full or the stream ends; returns the byte count, 0 only at the end.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard !failed else { throw inflateError("decoder already failed") }
        guard let raw = buffer.baseAddress, buffer.count > 0 else { return 0 }
        let dest = raw.bindMemory(to: UInt8.self, capacity: buffer.count)
        do {
            let produced = try decode(into: dest, end: buffer.count)
            bytesOut += produced
            return produced
        } catch {
            failed = true
            throw error
        }
    }

    /// Decompresses a whole gzip stream held in memory (convenience for tests and small inputs).
    public static func decompress(_ data: [UInt8], chunkSize: Int = 1 << 20) throws -> [UInt8] {
        var offset = 0
        let decoder = try FastGzipDecoder(inputCapacity: max(chunkSize, 64)) { buffer in
            let n = min(buffer.count, chunkSize, data.count - offset)
            data.withUnsafeBytes { src in
                if n > 0 { buffer.baseAddress?.copyMemory(from: src.baseAddress! + offset, byteCount: n) }
            }
            offset += n
            return n
        }
        var out: [UInt8] = []
        var piece = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = try piece.withUnsafeMutableBytes { try decoder.read(into: $0) }
            if n == 0 { break }
            out.append(contentsOf: piece[0..<n])
        }
        guard decoder.members > 0 else { throw inflateError("empty input: no gzip member") }
        return out
    }

    private func decode(into dest: UnsafeMutablePointer<UInt8>, end: Int) throws -> Int {
        var out = 0
        // Where the current member's bytes start in `dest` (for the CRC, the size and the history).
        var begin = 0
        loop: while out < end {
            switch phase {
            case .memberStart:
                guard try readMemberHeader() else {
                    phase = .done
                    break loop
                }
                members += 1
                historyCount = 0
                historyEnd = 0
                memberCRC = 0
                memberSize = 0
                begin = out
                phase = .blockStart
            case .blockStart:
                try readBlockHeader()
            case .stored(let remaining):
                let copied = try copyStored(into: dest + out, count: min(remaining, end - out))
                out += copied
                phase = copied < remaining ? .stored(remaining: remaining - copied) : nextBlockPhase
            case .huffman, .match:
                if try decodeHuffman(dest, out: &out, end: end, begin: begin) { phase = nextBlockPhase }
            case .trailer:
                addToChecksum(dest + begin, count: out - begin)
                begin = out
                try readTrailer()
                phase = .memberStart
            case .done:
                break loop
            }
        }
        switch phase {
        case .memberStart, .done: break
        default:
            addToChecksum(dest + begin, count: out - begin)
            appendHistory(dest + begin, count: out - begin)
        }
        return out
    }

    private var nextBlockPhase: Phase { lastBlock ? .trailer : .blockStart }

    private func addToChecksum(_ bytes: UnsafeMutablePointer<UInt8>, count: Int) {
        guard count > 0 else { return }
        memberCRC = crc32(memberCRC, bytes, UInt32(count))
        memberSize &+= count
    }

    /// Keeps the last 32 KiB of the member's output for matches in the next call. The buffer holds twice that, so
    /// small pieces are appended and the tail moved to the front only when it fills.
    private func appendHistory(_ bytes: UnsafeMutablePointer<UInt8>, count: Int) {
        let size = Self.historySize
        if count >= size {
            history.update(from: bytes + (count - size), count: size)
            historyEnd = size
            historyCount = size
            return
        }
        if historyEnd + count > 2 * size {
            let keep = min(historyCount, size)
            history.update(from: history + (historyEnd - keep), count: keep)
            historyEnd = keep
        }
        (history + historyEnd).update(from: bytes, count: count)
        historyEnd += count
        historyCount = min(historyCount + count, size)
    }

    /// Reads the 8-byte member trailer and checks the CRC-32 and the length (mod 2^32).
    private func readTrailer() throws {
        alignToByte()
        let crcLow = try bits(16)
        let storedCRC = try bits(16) << 16 | crcLow
        let sizeLow = try bits(16)
        let storedSize = try bits(16) << 16 | sizeLow
        guard UInt(storedCRC) == memberCRC & 0xFFFF_FFFF else {
            throw inflateError("CRC-32 mismatch in member \(members): the data is corrupt")
        }
        guard storedSize == memberSize & 0xFFFF_FFFF else {
            throw inflateError("length mismatch in member \(members): trailer says \(storedSize), decoded \(memberSize)")
        }
    }
}
