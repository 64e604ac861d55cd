#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Compressed input of the fast inflater: one buffer refilled from a pull source, so that unread bytes are always
/// contiguous and the fast loop can load 8 bytes at a time from anywhere in it.
final class FastInflateInput {
    /// Fills the buffer it is given with up to `count` bytes and returns how many; 0 means the end of the input.
    typealias Source = (UnsafeMutableRawBufferPointer) throws -> Int

    let capacity: Int
    /// `capacity` bytes plus 8 bytes of zeros, so that an 8-byte load at any position inside the data is in bounds.
    let base: UnsafeMutablePointer<UInt8>
    var position = 0
    var end = 0
    private(set) var atEnd = false
    /// Compressed bytes taken from the source so far.
    private(set) var bytesRead = 0
    private let source: Source

    init(capacity: Int, source: @escaping Source) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity + 8)
        base.initialize(repeating: 0, count: self.capacity + 8)
        self.source = source
    }

    deinit { base.deallocate() }

    var available: Int { end - position }

    /// Moves the unread bytes to the front and reads once more from the source; false when the source has ended
    /// (or the buffer is already full of unread bytes).
    func refill() throws -> Bool {
        if atEnd { return false }
        if position > 0 {
            if end > position { memmove(base, base + position, end - position) }
            end -= position
            position = 0
        }
        guard end < capacity else { return false }
        let room = capacity - end
        let n = try source(UnsafeMutableRawBufferPointer(start: base + end, count: room))
        guard n >= 0, n <= room else { throw inflateError("input source returned \(n) bytes for a \(room)-byte buffer") }
        if n == 0 {
            atEnd = true
            return false
        }
        end += n
        bytesRead += n
        return true
    }
}
