import PintailCore

/// DELTA_BINARY_PACKED: blocks of miniblocks of bit-packed deltas from a running value (wrapping arithmetic).
struct DeltaBinaryPackedDecoder {
    private let data: UnsafeRawBufferPointer
    private(set) var position = 0

    init(_ data: UnsafeRawBufferPointer) { self.data = data }

    private mutating func varint() throws(ParquetDecodeError) -> UInt64 {
        var result: UInt64 = 0, shift: UInt64 = 0
        while true {
            guard position < data.count else { throw ParquetDecodeError("DELTA_BINARY_PACKED header truncated") }
            let b = data[position]
            position += 1
            result |= UInt64(b & 0x7F) << shift
            if b & 0x80 == 0 { return result }
            shift += 7
            guard shift < 64 else { throw ParquetDecodeError("DELTA_BINARY_PACKED varint too long") }
        }
    }

    private mutating func zigzag() throws(ParquetDecodeError) -> Int64 {
        let n = try varint()
        return Int64(bitPattern: (n >> 1) ^ (0 &- (n & 1)))
    }

    /// Decodes all values of the stream (its header says how many), expecting `expected` of them when given.
    mutating func decode(expected: Int?) throws(ParquetDecodeError) -> [Int64] {
        let blockSize = Int(try varint())
        let miniblocks = Int(try varint())
        let total = try varint()
        var last = try zigzag()
        guard blockSize > 0, blockSize % 128 == 0, miniblocks > 0, blockSize % miniblocks == 0,
              (blockSize / miniblocks) % 32 == 0, blockSize <= 1 << 20
        else { throw ParquetDecodeError("invalid DELTA_BINARY_PACKED block header") }
        if let expected, total != UInt64(expected) {
            throw ParquetDecodeError("DELTA_BINARY_PACKED holds \(total) values, expected \(expected)")
        }
        // Each value past the first needs at least one bit of a block somewhere; bound the allocation by the data.
        guard total <= UInt64(data.count) * 8 + UInt64(blockSize) else {
            throw ParquetDecodeError("DELTA_BINARY_PACKED claims \(total) values in \(data.count) bytes")
        }
        let count = Int(total)
        var out = [Int64](repeating: 0, count: count)
        if count == 0 { return out }
        let perMini = blockSize / miniblocks
        try out.withUnsafeMutableBufferPointer { (dst) throws(ParquetDecodeError) in
            dst[0] = last
            var done = 1
            while done < count {
                let minDelta = try zigzag()
                guard data.count - position >= miniblocks else { throw ParquetDecodeError("DELTA_BINARY_PACKED block truncated") }
                let widthsAt = position
                position += miniblocks
                for m in 0..<miniblocks where done < count {
                    let width = Int(data[widthsAt + m])
                    guard width <= 64 else { throw ParquetDecodeError("DELTA_BINARY_PACKED bit width \(width)") }
                    let n = min(perMini, count - done)
                    let bytes = perMini * width / 8
                    let available = min(bytes, data.count - position)
                    guard available >= (n * width + 7) / 8 else { throw ParquetDecodeError("DELTA_BINARY_PACKED miniblock truncated") }
                    let base = data.baseAddress.map { $0 + position }
                    for i in 0..<n {
                        var delta: UInt64 = 0
                        if width > 0, let base {
                            let bit = i * width
                            delta = Self.bits(base, available, bit, width)
                        }
                        last = last &+ minDelta &+ Int64(bitPattern: delta)
                        dst[done + i] = last
                    }
                    done += n
                    position += available
                }
            }
        }
        return out
    }

    @inline(__always)
    private static func bits(_ base: UnsafeRawPointer, _ available: Int, _ bit: Int, _ width: Int) -> UInt64 {
        let byte = bit >> 3, shift = bit & 7
        if byte + 16 <= available {
            let lo = UInt64(littleEndian: (base + byte).loadUnaligned(as: UInt64.self))
            var v = lo >> UInt64(shift)
            if shift + width > 64 {
                let hi = UInt64(littleEndian: (base + byte + 8).loadUnaligned(as: UInt64.self))
                v |= hi << UInt64(64 - shift)
            }
            return width == 64 ? v : v & ((1 << UInt64(width)) - 1)
        }
        var v: UInt64 = 0
        for k in 0..<width {
            let b = bit + k
            if (b >> 3) < available, (base.load(fromByteOffset: b >> 3, as: UInt8.self) >> UInt8(b & 7)) & 1 == 1 {
                v |= 1 << UInt64(k)
            }
        }
        return v
    }
}

enum DeltaByteArrayDecoding {
    /// DELTA_LENGTH_BYTE_ARRAY: all lengths (delta-packed) then all bytes back to back.
    static func deltaLength(_ data: UnsafeRawBufferPointer, count: Int) throws(ParquetDecodeError) -> (ByteColumn, Int) {
        var lengths = DeltaBinaryPackedDecoder(data)
        let values = try lengths.decode(expected: count)
        var offsets = [Int32](repeating: 0, count: count + 1)
        var total = 0
        for i in 0..<count {
            let l = values[i]
            guard l >= 0, l <= Int64(data.count) else { throw ParquetDecodeError("DELTA_LENGTH_BYTE_ARRAY length \(l)") }
            total += Int(l)
            guard total <= data.count - lengths.position else {
                throw ParquetDecodeError("DELTA_LENGTH_BYTE_ARRAY values run past the page")
            }
            offsets[i + 1] = Int32(total)
        }
        let start = lengths.position
        let bytes = Array(UnsafeRawBufferPointer(rebasing: data[start..<start + total]))
        return (ByteColumn(offsets: offsets, bytes: bytes), start + total)
    }

    /// DELTA_BYTE_ARRAY: prefix lengths, then suffixes as DELTA_LENGTH_BYTE_ARRAY; each value reuses the previous one's prefix.
    static func deltaByteArray(_ data: UnsafeRawBufferPointer, count: Int) throws(ParquetDecodeError) -> (ByteColumn, Int) {
        var prefixDecoder = DeltaBinaryPackedDecoder(data)
        let prefixes = try prefixDecoder.decode(expected: count)
        let rest = UnsafeRawBufferPointer(rebasing: data[prefixDecoder.position...])
        let (suffixes, used) = try deltaLength(rest, count: count)
        var out = ByteColumn()
        out.reserve(values: count, bytes: suffixes.bytes.count)
        var previousStart = 0, previousLength = 0
        for i in 0..<count {
            let prefix = prefixes[i]
            guard prefix >= 0, prefix <= Int64(previousLength) else {
                throw ParquetDecodeError("DELTA_BYTE_ARRAY prefix \(prefix) longer than the previous value")
            }
            let start = out.bytes.count
            if prefix > 0 { out.bytes.append(contentsOf: out.bytes[previousStart..<previousStart + Int(prefix)]) }
            out.bytes.append(contentsOf: suffixes.bytes[Int(suffixes.offsets[i])..<Int(suffixes.offsets[i + 1])])
            guard out.bytes.count <= Int(Int32.max) else { throw ParquetDecodeError("page values exceed 2 GiB") }
            out.offsets.append(Int32(out.bytes.count))
            previousStart = start
            previousLength = out.bytes.count - start
        }
        return (out, prefixDecoder.position + used)
    }
}

enum ByteStreamSplitDecoding {
    /// BYTE_STREAM_SPLIT: byte k of every value is stored in stream k; reassembled into `width`-byte values.
    static func decode(_ data: UnsafeRawBufferPointer, count: Int, width: Int) throws(ParquetDecodeError) -> [UInt8] {
        guard width > 0, count >= 0, data.count / width >= count else {
            throw ParquetDecodeError("BYTE_STREAM_SPLIT data too short for \(count) values of \(width) bytes")
        }
        // Streams are as long as the page's value count (which may exceed `count` when values were padded).
        let stream = data.count / width
        return [UInt8](unsafeUninitializedCapacity: count * width) { dst, n in
            for k in 0..<width {
                let src = data.baseAddress! + k * stream
                for i in 0..<count { dst[i * width + k] = src.load(fromByteOffset: i, as: UInt8.self) }
            }
            n = count * width
        }
    }
}
