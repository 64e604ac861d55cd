/// Writes deflate's bit stream (least significant bit first) into a caller-owned buffer. Every `put` stores the
/// whole 64-bit accumulator and advances by its complete bytes, so there is no branch per call; the buffer needs
/// 8 bytes of room past `position` at all times, and one `put` takes at most 56 bits.
struct FastDeflateBitWriter {
    let out: UnsafeMutablePointer<UInt8>
    /// Where the next complete byte goes (a pointer rather than an index: one register fewer in the hot loops).
    private var cursor: UnsafeMutablePointer<UInt8>
    private var pending: UInt64 = 0
    /// Bits in `pending` not yet counted in `position` (0...7 after a `put` or `flush`).
    private(set) var pendingCount = 0

    init(out: UnsafeMutablePointer<UInt8>) {
        self.out = out
        cursor = out
    }

    /// Complete bytes written.
    var position: Int { cursor - out }

    @inline(__always)
    mutating func put(_ bits: UInt64, _ count: Int) {
        pending |= bits &<< UInt64(truncatingIfNeeded: pendingCount)
        pendingCount &+= count
        UnsafeMutableRawPointer(cursor).storeBytes(of: pending.littleEndian, as: UInt64.self)
        cursor += pendingCount &>> 3
        pending = pending &>> UInt64(truncatingIfNeeded: pendingCount & ~7)
        pendingCount &= 7
    }

    /// Adds bits without storing them: at most 56 bits in all may be added before the next `flush` or `put`.
    @inline(__always)
    mutating func add(_ bits: UInt64, _ count: Int) {
        pending |= bits &<< UInt64(truncatingIfNeeded: pendingCount)
        pendingCount &+= count
    }

    @inline(__always)
    mutating func flush() { put(0, 0) }

    /// Pads with zero bits to a byte boundary.
    mutating func alignToByte() { put(0, (8 - pendingCount) & 7) }

    /// Copies raw bytes (after `alignToByte`).
    mutating func putBytes(_ source: UnsafePointer<UInt8>, count: Int) {
        cursor.update(from: source, count: count)
        cursor += count
    }

    /// Ends the stream: the last partial byte becomes part of the output. It is stored again here because a
    /// `rewind` since the last `put` left it at the old position.
    mutating func finish() {
        UnsafeMutableRawPointer(cursor).storeBytes(of: pending.littleEndian, as: UInt64.self)
        cursor += (pendingCount + 7) >> 3
        pending = 0
        pendingCount = 0
    }

    /// After the caller consumed `position` bytes: keeps the partial byte's bits, which the next `put` stores at 0.
    mutating func rewind() { cursor = out }
}
