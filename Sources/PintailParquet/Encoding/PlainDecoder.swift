import PintailCore

/// PLAIN-encoded values of one physical type into dense storage (INT96 and FIXED_LEN_BYTE_ARRAY as byte columns).
enum PlainDecoder {
    /// Decodes `count` values; returns the storage and the bytes consumed.
    static func decode(_ data: UnsafeRawBufferPointer, type: ParquetPhysicalType, typeLength: Int, count: Int)
        throws(ParquetDecodeError) -> (ColumnStorage, Int)
    {
        switch type {
        case .boolean:
            guard data.count * 8 >= count else { throw short(type, count) }
            var out = [UInt8](repeating: 0, count: count)
            out.withUnsafeMutableBufferPointer { dst in
                for i in 0..<count { dst[i] = (data[i >> 3] >> UInt8(i & 7)) & 1 }
            }
            return (.bool(out), (count + 7) / 8)
        case .int32: return (.int32(try fixed(data, count, Int32.self)), count * 4)
        case .int64: return (.int64(try fixed(data, count, Int64.self)), count * 8)
        case .float: return (.float32(try fixed(data, count, Float.self)), count * 4)
        case .double: return (.float64(try fixed(data, count, Double.self)), count * 8)
        case .int96: return (.bytes(try fixedBytes(data, count, width: 12)), count * 12)
        case .fixedLenByteArray:
            guard typeLength > 0 else { throw ParquetDecodeError("FIXED_LEN_BYTE_ARRAY without a positive type_length") }
            return (.bytes(try fixedBytes(data, count, width: typeLength)), count * typeLength)
        case .byteArray:
            let (column, used) = try byteArrays(data, count)
            return (.bytes(column), used)
        }
    }

    private static func short(_ type: ParquetPhysicalType, _ count: Int) -> ParquetDecodeError {
        ParquetDecodeError("PLAIN \(type) data too short for \(count) values")
    }

    static func fixed<T>(_ data: UnsafeRawBufferPointer, _ count: Int, _: T.Type) throws(ParquetDecodeError) -> [T] {
        let size = MemoryLayout<T>.size
        guard count >= 0, data.count / size >= count else {
            throw ParquetDecodeError("PLAIN data holds \(data.count / size) values of \(size) bytes, expected \(count)")
        }
        return [T](unsafeUninitializedCapacity: count) { dst, n in
            if count > 0 { UnsafeMutableRawPointer(dst.baseAddress!).copyMemory(from: data.baseAddress!, byteCount: count * size) }
            n = count
        }
    }

    static func fixedBytes(_ data: UnsafeRawBufferPointer, _ count: Int, width: Int) throws(ParquetDecodeError) -> ByteColumn {
        guard count >= 0, data.count / width >= count else {
            throw ParquetDecodeError("PLAIN data holds \(data.count / width) values of \(width) bytes, expected \(count)")
        }
        guard count * width <= Int(Int32.max) else { throw ParquetDecodeError("page values exceed 2 GiB") }
        let offsets = [Int32](unsafeUninitializedCapacity: count + 1) { dst, n in
            for i in 0...count { dst[i] = Int32(i * width) }
            n = count + 1
        }
        return ByteColumn(offsets: offsets, bytes: Array(UnsafeRawBufferPointer(rebasing: data[0..<count * width])))
    }

    /// Length-prefixed byte arrays, copied into one contiguous buffer.
    static func byteArrays(_ data: UnsafeRawBufferPointer, _ count: Int) throws(ParquetDecodeError) -> (ByteColumn, Int) {
        guard count >= 0, count <= data.count / 4 else {
            throw ParquetDecodeError("PLAIN BYTE_ARRAY data too short for \(count) values")
        }
        var offsets = [Int32](repeating: 0, count: count + 1)
        // First pass: validate lengths and compute offsets; second: copy the payloads.
        var pos = 0, total = 0
        try offsets.withUnsafeMutableBufferPointer { (off) throws(ParquetDecodeError) in
            for i in 0..<count {
                guard data.count - pos >= 4 else { throw ParquetDecodeError("BYTE_ARRAY value \(i) runs past the page") }
                let length = Int(UInt32(littleEndian: data.loadUnaligned(fromByteOffset: pos, as: UInt32.self)))
                guard length <= data.count - pos - 4 else {
                    throw ParquetDecodeError("BYTE_ARRAY value \(i) of \(length) bytes runs past the page")
                }
                pos += 4 + length
                total += length
                off[i + 1] = Int32(total)
            }
        }
        let bytes = [UInt8](unsafeUninitializedCapacity: total) { dst, n in
            var src = 0, at = 0
            for i in 0..<count {
                let length = Int(offsets[i + 1] - offsets[i])
                if length > 0 {
                    UnsafeMutableRawPointer(dst.baseAddress! + at).copyMemory(from: data.baseAddress! + src + 4, byteCount: length)
                }
                src += 4 + length
                at += length
            }
            n = total
        }
        return (ByteColumn(offsets: offsets, bytes: bytes), pos)
    }
}
