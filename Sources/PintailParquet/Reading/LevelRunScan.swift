extension LevelDecoding {
    /// Whether RLE/bit-packed levels in `data` are `count` copies of `maxLevel` stored as RLE runs: the usual
    /// shape of a column without NULLs, recognised from the run headers alone so no level array is expanded.
    /// Anything else (bit-packed runs, other values, short or malformed data) answers false and is left to the
    /// full decoder, which reports errors.
    static func allAtMaximum(_ data: UnsafeRawBufferPointer, maxLevel: Int, count: Int) -> Bool {
        let valueBytes = (bitWidth(maxLevel) + 7) / 8
        var position = 0, covered = 0
        while covered < count {
            var header: UInt64 = 0, shift: UInt64 = 0
            while true {
                guard position < data.count, shift < 64 else { return false }
                let b = data[position]
                position += 1
                header |= UInt64(b & 0x7F) << shift
                if b & 0x80 == 0 { break }
                shift += 7
            }
            let runLength = header >> 1
            guard header & 1 == 0, runLength > 0, runLength <= UInt64(Int32.max), data.count - position >= valueBytes else {
                return false
            }
            var value = 0
            for i in 0..<valueBytes { value |= Int(data[position + i]) << (8 * i) }
            guard value == maxLevel else { return false }
            position += valueBytes
            covered += Int(runLength)
        }
        return true
    }

    /// v1 form of `allAtMaximum` (levels behind a 4-byte length): the bytes the levels take, or nil.
    static func v1AllAtMaximum(_ data: UnsafeRawBufferPointer, maxLevel: Int, count: Int) -> Int? {
        guard data.count >= 4 else { return nil }
        let length = Int(UInt32(littleEndian: data.loadUnaligned(as: UInt32.self)))
        guard length <= data.count - 4,
              allAtMaximum(UnsafeRawBufferPointer(rebasing: data[4..<4 + length]), maxLevel: maxLevel, count: count)
        else { return nil }
        return 4 + length
    }
}
