/// Decoding of Huffman blocks: a fast loop that runs while plenty of input and output room remain (no bounds
/// checks inside, by construction), and a careful one-symbol-at-a-time path near the ends.
extension FastGzipDecoder {
    /// Output room the fast loop needs per iteration: a longest match (258) plus the overrun of its word copies (at
    /// most 272 bytes written in all).
    static let fastOutputMargin = 320
    /// Input the fast loop needs per iteration: two 8-byte refills, with room to spare.
    static let fastInputMargin = 32

    /// Decodes the current block into `dest[out..<end]`; true at its end-of-block code, false when `dest` is full.
    /// `begin` is where the member's bytes of this call start in `dest` (older bytes are in `history`).
    func decodeHuffman(_ dest: UnsafeMutablePointer<UInt8>, out: inout Int, end: Int, begin: Int) throws -> Bool {
        if case .match(let length, let distance) = phase {
            let n = min(length, end - out)
            copyMatchCarefully(dest, out: out, begin: begin, distance: distance, length: n)
            out += n
            if n < length {
                phase = .match(length: length - n, distance: distance)
                return false
            }
            phase = .huffman
        }
        while out < end {
            if input.available < Self.fastInputMargin, !input.atEnd { _ = try input.refill() }
            if end - out >= Self.fastOutputMargin, input.available >= Self.fastInputMargin {
                if try fastLoop(dest, out: &out, end: end, begin: begin) { return true }
                continue
            }
            if try slowSymbol(dest, out: &out, end: end, begin: begin) { return true }
        }
        return false
    }

    /// Copies a match whose source may start in `history`; the caller has checked the distance.
    @inline(never)
    func copyMatchCarefully(_ dest: UnsafeMutablePointer<UInt8>, out: Int, begin: Int, distance: Int, length: Int) {
        for i in 0..<length {
            let source = out + i - distance
            dest[out + i] = source >= begin ? dest[source] : history[historyEnd - (begin - source)]
        }
    }

    /// Decodes one symbol with every read checked; true at the end of the block. A match longer than the room
    /// left is copied in part and the rest kept in `phase`.
    private func slowSymbol(_ dest: UnsafeMutablePointer<UInt8>, out: inout Int, end: Int, begin: Int) throws -> Bool {
        if bitCount < 48 { try fillBits() }
        let literalMask = UInt64(1 << FastInflateEntry.literalLengthBits - 1)
        var entry = activeLiteralLength[Int(bitBuffer & literalMask)]
        if entry & FastInflateEntry.subtable != 0 {
            try consume(FastInflateEntry.literalLengthBits)
            let subMask = UInt64(1 << ((entry >> 8) & 0xF) - 1)
            entry = activeLiteralLength[Int(entry >> 16) + Int(bitBuffer & subMask)]
        }
        if entry & FastInflateEntry.literal != 0 {
            try consume(Int(entry & 0xFF))
            dest[out] = UInt8(truncatingIfNeeded: entry >> 16)
            out += 1
            return false
        }
        if entry & FastInflateEntry.exceptional != 0 {
            guard entry & FastInflateEntry.endOfBlock != 0 else { throw inflateError("invalid literal/length code") }
            try consume(Int(entry & 0xFF))
            return true
        }
        let length = try symbolValue(entry)
        let distanceMask = UInt64(1 << FastInflateEntry.distanceBits - 1)
        var code = activeDistance[Int(bitBuffer & distanceMask)]
        if code & FastInflateEntry.subtable != 0 {
            try consume(FastInflateEntry.distanceBits)
            let subMask = UInt64(1 << ((code >> 8) & 0xF) - 1)
            code = activeDistance[Int(code >> 16) + Int(bitBuffer & subMask)]
        }
        guard code & FastInflateEntry.exceptional == 0 else { throw inflateError("invalid distance code") }
        let distance = try symbolValue(code)
        guard distance <= out - begin + historyCount else { throw inflateError("invalid distance: too far back") }
        let n = min(length, end - out)
        copyMatchCarefully(dest, out: out, begin: begin, distance: distance, length: n)
        out += n
        if n < length { phase = .match(length: length - n, distance: distance) }
        return false
    }

    /// Base value plus extra bits of a length or distance entry, consuming its bits.
    @inline(__always)
    private func symbolValue(_ entry: UInt32) throws -> Int {
        let total = UInt64(entry & 0xFF)
        let extra = (bitBuffer & ((1 << total) - 1)) >> UInt64((entry >> 8) & 0xF)
        try consume(Int(total))
        return Int(entry >> 16) + Int(extra)
    }
}
