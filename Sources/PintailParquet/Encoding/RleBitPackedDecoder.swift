/// Decodes Parquet's RLE / bit-packed hybrid encoding (levels, dictionary indices, booleans) into Int32s.
/// Bit-packed groups are unpacked eight values at a time from unaligned 64-bit loads.
struct RleBitPackedDecoder {
    private let data: UnsafeRawBufferPointer
    private var position: Int
    private let bitWidth: Int
    private let mask: UInt64
    /// Values left in the current run (RLE or bit-packed).
    private var runLeft = 0
    private var runIsRLE = false
    private var runValue: Int32 = 0
    /// Values of a partly consumed bit-packed group.
    private var staged: (Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32) = (0, 0, 0, 0, 0, 0, 0, 0)
    private var stagedLeft = 0

    init(_ data: UnsafeRawBufferPointer, bitWidth: Int) throws(ParquetDecodeError) {
        guard bitWidth >= 0 && bitWidth <= 32 else {
            throw ParquetDecodeError("invalid RLE bit width \(bitWidth) (at most 32)")
        }
        self.data = data
        self.position = 0
        self.bitWidth = bitWidth
        self.mask = bitWidth == 0 ? 0 : (UInt64(1) << UInt64(bitWidth)) - 1
    }

    /// Bytes consumed so far (meaningful once every value was read).
    var bytesConsumed: Int { position }

    private mutating func readVarint() throws(ParquetDecodeError) -> UInt64 {
        var result: UInt64 = 0, shift: UInt64 = 0
        while true {
            guard position < data.count else { throw ParquetDecodeError("RLE data ends inside a run header") }
            let b = data[position]
            position += 1
            result |= UInt64(b & 0x7F) << shift
            if b & 0x80 == 0 { return result }
            shift += 7
            guard shift < 64 else { throw ParquetDecodeError("RLE run header longer than 10 bytes") }
        }
    }

    private mutating func nextRun() throws(ParquetDecodeError) {
        let header = try readVarint()
        if header & 1 == 0 {
            let count = header >> 1
            guard count > 0, count <= UInt64(Int32.max) else { throw ParquetDecodeError("RLE run of \(count) values") }
            let bytes = (bitWidth + 7) / 8
            guard data.count - position >= bytes else { throw ParquetDecodeError("RLE data ends inside a run value") }
            var v: UInt32 = 0
            for i in 0..<bytes { v |= UInt32(data[position + i]) << UInt32(8 * i) }
            position += bytes
            runIsRLE = true
            runValue = Int32(bitPattern: v)
            runLeft = Int(count)
        } else {
            let groups = header >> 1
            guard groups > 0, groups <= UInt64(Int32.max / 8) else { throw ParquetDecodeError("bit-packed run of \(groups) groups") }
            runIsRLE = false
            runLeft = Int(groups) * 8
        }
    }

    /// Unpacks one group of eight values at `position` (zero-padded when the data ends early).
    @inline(__always)
    private mutating func unpackGroup(_ out: UnsafeMutablePointer<Int32>) throws(ParquetDecodeError) {
        let w = bitWidth
        if w == 0 {
            out.update(repeating: 0, count: 8)
            return
        }
        let left = data.count - position
        guard left > 0 else { throw ParquetDecodeError("bit-packed run extends past the end of its data") }
        if left >= w + 8 {
            let base = data.baseAddress! + position
            for i in 0..<8 {
                let bit = i * w
                let word = UInt64(littleEndian: (base + (bit >> 3)).loadUnaligned(as: UInt64.self))
                out[i] = Int32(truncatingIfNeeded: (word >> UInt64(bit & 7)) & mask)
            }
        } else {
            // Near the end: copy into a padded buffer (the last group may be stored short).
            var padded = (UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0))
            withUnsafeMutableBytes(of: &padded) { buf in
                buf.copyMemory(from: UnsafeRawBufferPointer(rebasing: data[position..<position + min(left, w)]))
                for i in 0..<8 {
                    let bit = i * w
                    let word = buf.loadUnaligned(fromByteOffset: bit >> 3, as: UInt64.self)
                    out[i] = Int32(truncatingIfNeeded: (word >> UInt64(bit & 7)) & mask)
                }
            }
        }
        position += min(left, w)
    }

    /// How many of `wanted` whole groups can be unpacked with unaligned 8-byte loads that stay inside the data.
    @inline(__always)
    private func bulkGroups(_ wanted: Int) -> Int {
        guard bitWidth > 0 else { return wanted }
        // A group takes `bitWidth` bytes; its last load starts at most bitWidth - 1 bytes in and reads 8.
        let room = data.count - position - 8
        return room < 0 ? 0 : min(wanted, room / bitWidth)
    }

    /// Unpacks `groups` whole groups of eight values with no per-group bounds checks (`bulkGroups` did them once).
    private mutating func unpackBulk(groups: Int, into out: UnsafeMutablePointer<Int32>) {
        let w = bitWidth
        if w == 0 {
            out.update(repeating: 0, count: groups * 8)
            return
        }
        guard let base = data.baseAddress.map({ UnsafeRawPointer($0 + position) }) else { return }
        // One loop per width, so that each group's eight shifts and load offsets are constants (unrolled).
        switch w {
        case 1: Self.unpack(width: 1, groups, base, out)
        case 2: Self.unpack(width: 2, groups, base, out)
        case 3: Self.unpack(width: 3, groups, base, out)
        case 4: Self.unpack(width: 4, groups, base, out)
        case 5: Self.unpack(width: 5, groups, base, out)
        case 6: Self.unpack(width: 6, groups, base, out)
        case 7: Self.unpack(width: 7, groups, base, out)
        case 8: Self.unpack(width: 8, groups, base, out)
        case 9: Self.unpack(width: 9, groups, base, out)
        case 10: Self.unpack(width: 10, groups, base, out)
        case 11: Self.unpack(width: 11, groups, base, out)
        case 12: Self.unpack(width: 12, groups, base, out)
        case 13: Self.unpack(width: 13, groups, base, out)
        case 14: Self.unpack(width: 14, groups, base, out)
        case 15: Self.unpack(width: 15, groups, base, out)
        case 16: Self.unpack(width: 16, groups, base, out)
        default: Self.unpack(width: w, groups, base, out)
        }
        position += groups * w
    }

    @inline(__always)
    private static func unpack(width w: Int, _ groups: Int, _ base: UnsafeRawPointer, _ out: UnsafeMutablePointer<Int32>) {
        let mask = (UInt64(1) << UInt64(w)) &- 1
        var src = base, dst = out
        for _ in 0..<groups {
            for i in 0..<8 {
                let bit = i &* w
                let word = UInt64(littleEndian: (src + (bit &>> 3)).loadUnaligned(as: UInt64.self))
                dst[i] = Int32(truncatingIfNeeded: (word &>> UInt64(bit & 7)) & mask)
            }
            src += w
            dst += 8
        }
    }

    /// Decodes exactly `count` values into `out`; throws when the data runs out first.
    /// Unpacks the next group of eight bit-packed values into `staged`, for a caller that wants fewer than eight.
    private mutating func stageGroup() throws(ParquetDecodeError) {
        var group: (Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32) = (0, 0, 0, 0, 0, 0, 0, 0)
        try withUnsafeMutableBytes(of: &group) { (raw) throws(ParquetDecodeError) in
            try unpackGroup(raw.baseAddress!.assumingMemoryBound(to: Int32.self))
        }
        staged = group
        runLeft -= 8
        stagedLeft = 8
    }

    mutating func decode(into out: UnsafeMutablePointer<Int32>, count: Int) throws(ParquetDecodeError) {
        var done = 0
        while done < count {
            if stagedLeft > 0 {
                let n = min(stagedLeft, count - done)
                withUnsafeBytes(of: &staged) { raw in
                    let src = raw.bindMemory(to: Int32.self)
                    for i in 0..<n { out[done + i] = src[8 - stagedLeft + i] }
                }
                stagedLeft -= n
                done += n
                continue
            }
            if runLeft == 0 { try nextRun() }
            if runIsRLE {
                let n = min(runLeft, count - done)
                (out + done).update(repeating: runValue, count: n)
                runLeft -= n
                done += n
            } else {
                let bulk = bulkGroups(min(runLeft, count - done) / 8)
                if bulk > 0 {
                    unpackBulk(groups: bulk, into: out + done)
                    runLeft -= bulk * 8
                    done += bulk * 8
                }
                while runLeft >= 8 && count - done >= 8 {
                    try unpackGroup(out + done)
                    runLeft -= 8
                    done += 8
                }
                if runLeft > 0 && done < count { try stageGroup() }
            }
        }
    }

    /// Passes over the next `count` values without writing them: RLE runs and whole bit-packed groups move the
    /// position only (skipped stretches of a filtered scan cost no unpacking). Fails where decoding would.
    mutating func skip(_ count: Int) throws(ParquetDecodeError) {
        var left = count
        while left > 0 {
            if stagedLeft > 0 {
                let n = min(stagedLeft, left)
                stagedLeft -= n
                left -= n
                continue
            }
            if runLeft == 0 { try nextRun() }
            if runIsRLE {
                let n = min(runLeft, left)
                runLeft -= n
                left -= n
                continue
            }
            let groups = min(runLeft, left) / 8
            if groups > 0 {
                if bitWidth > 0 {
                    // Decoding needs at least one byte left at the start of every group.
                    guard data.count - position > (groups - 1) * bitWidth else {
                        throw ParquetDecodeError("bit-packed run extends past the end of its data")
                    }
                    position = min(data.count, position + groups * bitWidth)
                }
                runLeft -= groups * 8
                left -= groups * 8
                continue
            }
            // Fewer than eight values wanted from a group: unpack it and keep the rest staged, as decoding does.
            try stageGroup()
        }
    }

    /// Decodes `count` values into a new array.
    mutating func decode(count: Int) throws(ParquetDecodeError) -> [Int32] {
        guard count > 0 else { return [] }
        // `decode(into:)` writes all `count` values or throws, so the array is not zero-filled first.
        var failure: ParquetDecodeError?
        let result = [Int32](unsafeUninitializedCapacity: count) { buf, initialized in
            do throws(ParquetDecodeError) {
                try decode(into: buf.baseAddress!, count: count)
                initialized = count
            } catch {
                failure = error
                initialized = 0
            }
        }
        if let failure { throw failure }
        return result
    }
}
