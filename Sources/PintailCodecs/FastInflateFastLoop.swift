/// The inflater's hot loop. It runs only while at least `fastInputMargin` input bytes and `fastOutputMargin` bytes
/// of output room remain, so the refill's 8-byte loads, the literal stores and the over-long match copies need no
/// bounds checks; everything lives in locals (no class property traffic) until it exits.
extension FastGzipDecoder {
    /// Decodes until the margins run out (false) or the block ends (true).
    func fastLoop(_ dest: UnsafeMutablePointer<UInt8>, out: inout Int, end: Int, begin: Int) throws -> Bool {
        let literalTable = activeLiteralLength
        let distanceTable = activeDistance
        let literalBits: UInt64 = 11  // FastInflateEntry.literalLengthBits
        let literalMask: UInt64 = (1 << literalBits) - 1
        let distanceBits: UInt64 = 8  // FastInflateEntry.distanceBits
        let distanceMask: UInt64 = (1 << distanceBits) - 1
        // Flags as literals so that they stay immediate operands (see FastInflateEntry).
        let literalFlag: UInt32 = 0x8000_0000
        let subtableFlag: UInt32 = 0x4000
        let exceptionalFlag: UInt32 = 0x8000
        let endOfBlockFlag: UInt32 = 0x2000
        let inputBase = UnsafeRawPointer(input.base)
        var inPos = inputBase + input.position
        let inLimit = inputBase + (input.end - Self.fastInputMargin)
        var bitbuf = bitBuffer
        var bitcount = UInt64(bitCount)
        var o = dest + out
        let outLimit = dest + (end - Self.fastOutputMargin)
        let memberStart = dest + begin
        // Matches reaching before here are corrupt; between here and `memberStart` they read the history.
        let oldestSource = memberStart - historyCount
        var endOfBlock = false

        guard o <= outLimit, inPos <= inLimit else { return false }
        // Branch-free refill to 56-63 bits: bits above the count are the true next input bits or zero, so a refill
        // never changes the low bits and an entry looked up before it stays valid.
        bitbuf |= inPos.loadUnaligned(as: UInt64.self).littleEndian &<< bitcount
        inPos += Int(truncatingIfNeeded: 7 &- ((bitcount &>> 3) & 7))
        bitcount |= 56
        // The next primary-table entry, looked up as soon as at least 11 bits are known (the preload of libdeflate).
        var entry = literalTable[Int(truncatingIfNeeded: bitbuf & literalMask)]

        repeat {
            // Here the bit buffer holds at least 56 bits: every path below refills before it loops.
            if entry & subtableFlag != 0 {
                bitbuf &>>= literalBits
                bitcount &-= literalBits
                let subMask = (UInt64(1) &<< UInt64((entry &>> 8) & 0xF)) &- 1
                entry = literalTable[Int(truncatingIfNeeded: entry &>> 16) &+ Int(truncatingIfNeeded: bitbuf & subMask)]
            }
            if entry & literalFlag != 0 {
                bitbuf &>>= UInt64(entry)
                bitcount &-= UInt64(entry)
                o.pointee = UInt8(truncatingIfNeeded: entry &>> 16)
                o += 1
                // Two more literals while 15-bit codes certainly fit: 56 - 3 * 15 leaves 11 bits for the preload.
                entry = literalTable[Int(truncatingIfNeeded: bitbuf & literalMask)]
                if entry & literalFlag != 0 {
                    bitbuf &>>= UInt64(entry)
                    bitcount &-= UInt64(entry)
                    o.pointee = UInt8(truncatingIfNeeded: entry &>> 16)
                    o += 1
                    entry = literalTable[Int(truncatingIfNeeded: bitbuf & literalMask)]
                    if entry & literalFlag != 0 {
                        bitbuf &>>= UInt64(entry)
                        bitcount &-= UInt64(entry)
                        o.pointee = UInt8(truncatingIfNeeded: entry &>> 16)
                        o += 1
                        entry = literalTable[Int(truncatingIfNeeded: bitbuf & literalMask)]
                    }
                }
                bitbuf |= inPos.loadUnaligned(as: UInt64.self).littleEndian &<< bitcount
                inPos += Int(truncatingIfNeeded: 7 &- ((bitcount &>> 3) & 7))
                bitcount |= 56
                continue
            }
            if entry & exceptionalFlag != 0 {
                guard entry & endOfBlockFlag != 0 else { throw inflateError("invalid literal/length code") }
                bitbuf &>>= UInt64(entry)
                bitcount &-= UInt64(entry)
                endOfBlock = true
                break
            }
            // Length: base plus extra bits (at most 20 bits with the code), leaving at least 36 for the distance.
            var saved = bitbuf
            var total = UInt64(entry)
            bitbuf &>>= total
            bitcount &-= total
            let length = Int(truncatingIfNeeded: entry &>> 16)
                &+ Int(truncatingIfNeeded: (saved & ((1 &<< total) &- 1)) &>> UInt64(entry &>> 8))

            var code = distanceTable[Int(truncatingIfNeeded: bitbuf & distanceMask)]
            if code & subtableFlag != 0 {
                bitbuf &>>= distanceBits
                bitcount &-= distanceBits
                let subMask = (UInt64(1) &<< UInt64((code &>> 8) & 0xF)) &- 1
                code = distanceTable[Int(truncatingIfNeeded: code &>> 16) &+ Int(truncatingIfNeeded: bitbuf & subMask)]
            }
            guard code & exceptionalFlag == 0 else { throw inflateError("invalid distance code") }
            saved = bitbuf
            total = UInt64(code)
            bitbuf &>>= total
            bitcount &-= total
            let distance = Int(truncatingIfNeeded: code &>> 16)
                &+ Int(truncatingIfNeeded: (saved & ((1 &<< total) &- 1)) &>> UInt64(code &>> 8))

            // Refill and preload the next entry now, so that the lookup overlaps the copy.
            bitbuf |= inPos.loadUnaligned(as: UInt64.self).littleEndian &<< bitcount
            inPos += Int(truncatingIfNeeded: 7 &- ((bitcount &>> 3) & 7))
            bitcount |= 56
            entry = literalTable[Int(truncatingIfNeeded: bitbuf & literalMask)]

            if o - distance < memberStart {
                guard o - distance >= oldestSource else { throw inflateError("invalid distance: too far back") }
                copyMatchCarefully(dest, out: dest.distance(to: o), begin: begin, distance: distance, length: length)
                o += length
                continue
            }
            copyMatch(to: o, distance: distance, length: length)
            o += length
        } while o <= outLimit && inPos <= inLimit

        input.position = inputBase.distance(to: inPos)
        bitBuffer = bitbuf
        bitCount = Int(truncatingIfNeeded: bitcount & 0xFF)
        out = dest.distance(to: o)
        return endOfBlock
    }

    /// Copies a match inside the output: 40 bytes unconditionally (most matches are shorter, and a fixed copy has
    /// no branch to mispredict), then 8 bytes per step; may write up to 39 bytes past its end.
    @inline(__always)
    private func copyMatch(to destination: UnsafeMutablePointer<UInt8>, distance: Int, length: Int) {
        let target = UnsafeMutableRawPointer(destination)
        let source = UnsafeRawPointer(destination - distance)
        if distance >= 8 {
            // Each 8-byte load reads only bytes already written, even when the match overlaps itself.
            target.storeBytes(of: source.loadUnaligned(as: UInt64.self), as: UInt64.self)
            (target + 8).storeBytes(of: (source + 8).loadUnaligned(as: UInt64.self), as: UInt64.self)
            (target + 16).storeBytes(of: (source + 16).loadUnaligned(as: UInt64.self), as: UInt64.self)
            (target + 24).storeBytes(of: (source + 24).loadUnaligned(as: UInt64.self), as: UInt64.self)
            (target + 32).storeBytes(of: (source + 32).loadUnaligned(as: UInt64.self), as: UInt64.self)
            guard length > 40 else { return }
            var s = source + 40
            var d = target + 40
            let stop = target + length
            repeat {
                d.storeBytes(of: s.loadUnaligned(as: UInt64.self), as: UInt64.self)
                s += 8
                d += 8
            } while d < stop
        } else if distance == 1 {
            let word = UInt64(destination[-1]) &* 0x0101_0101_0101_0101
            var d = target
            let stop = target + length
            repeat {
                d.storeBytes(of: word, as: UInt64.self)
                (d + 8).storeBytes(of: word, as: UInt64.self)
                d += 16
            } while d < stop
        } else {
            for i in 0..<length { destination[i] = destination[i - distance] }
        }
    }
}
