/// The careful bit reader of the fast inflater, used outside the fast loop: headers, trailers, stored blocks and
/// the symbols near the ends of the input or output. Every read is checked against the real input.
extension FastGzipDecoder {
    /// Tops the bit buffer up to at least 56 bits, byte by byte; past the end of the input it adds zero bytes
    /// counted as phantom, which `consume` refuses to hand out.
    func fillBits() throws {
        while bitCount < 56 {
            if input.position < input.end {
                bitBuffer |= UInt64(input.base[input.position]) << UInt64(bitCount)
                input.position += 1
                bitCount += 8
            } else if try !input.refill() {
                bitCount += 8
                phantomBits += 8
            }
        }
    }

    /// Drops `count` bits (already in the buffer); throws when that reaches past the real input.
    @inline(__always)
    func consume(_ count: Int) throws {
        bitBuffer >>= UInt64(count)
        bitCount -= count
        guard bitCount >= phantomBits else { throw inflateError("truncated input: the stream ends inside a gzip member") }
    }

    /// The next `count` bits (at most 32), least significant first.
    func bits(_ count: Int) throws -> Int {
        if bitCount < count { try fillBits() }
        let value = Int(truncatingIfNeeded: bitBuffer & ((1 << UInt64(count)) - 1))
        try consume(count)
        return value
    }

    /// Skips to the next byte boundary (phantom bits are whole bytes, so only real bits are dropped).
    func alignToByte() {
        let drop = bitCount & 7
        bitBuffer >>= UInt64(drop)
        bitCount -= drop
    }

    /// True when at least one more real byte follows (the reader is at a byte boundary).
    func hasMoreInput() throws -> Bool {
        if bitCount - phantomBits >= 8 || input.available > 0 { return true }
        return try input.refill()
    }

    /// Copies up to `count` bytes of a stored block: first the whole bytes already in the bit buffer, then straight
    /// from the input buffer. Returns the number copied (at least 1 when `count` > 0).
    func copyStored(into dest: UnsafeMutablePointer<UInt8>, count: Int) throws -> Int {
        var copied = 0
        while copied < count, bitCount >= 8 {
            dest[copied] = UInt8(truncatingIfNeeded: try bits(8))
            copied += 1
        }
        // Bits above the count may hold copies of input bytes about to be taken directly: forget them.
        bitBuffer &= (1 << UInt64(bitCount)) &- 1
        while copied < count {
            if input.available == 0, try !input.refill() {
                throw inflateError("truncated input: the stream ends inside a stored block")
            }
            let n = min(count - copied, input.available)
            (dest + copied).update(from: input.base + input.position, count: n)
            input.position += n
            copied += n
        }
        return copied
    }
}
