import PintailCore

/// Applies a `LeafConversion` to dense decoded physical values: one tight loop per conversion.
enum ValueConversion {
    static func apply(_ conversion: LeafConversion, to storage: ColumnStorage) throws(ParquetDecodeError) -> ColumnStorage {
        switch (conversion, storage) {
        case (.none, _): return storage
        case (.int32ToInt8, .int32(let a)): return .int8(a.map { Int8(truncatingIfNeeded: $0) })
        case (.int32ToInt16, .int32(let a)): return .int16(a.map { Int16(truncatingIfNeeded: $0) })
        case (.uint8ToInt16, .int32(let a)): return .int16(a.map { Int16(UInt8(truncatingIfNeeded: $0)) })
        case (.int32ToInt64(let m), .int32(let a)): return .int64(a.map { Int64($0) &* m })
        case (.uint32ToInt64, .int32(let a)): return .int64(a.map { Int64(UInt32(bitPattern: $0)) })
        case (.int64Multiply(let m), .int64(let a)): return .int64(a.map { $0 &* m })
        case (.int64FloorDivide(let d), .int64(let a)):
            return .int64(a.map { v in let q = v / d; return (v % d != 0 && v < 0) ? q - 1 : q })
        case (.uint64ToInt128, .int64(let a)): return .int128(a.map { Int128(UInt64(bitPattern: $0)) })
        case (.intToInt128, .int64(let a)): return .int128(a.map { Int128($0) })
        case (.intToInt128, .int32(let a)): return .int128(a.map { Int128($0) })
        case (.int96ToMicros, .bytes(let b)): return .int64(try int96(b))
        case (.float16ToFloat, .bytes(let b)): return .float32(try float16(b))
        case (.bigEndianToInt64, .bytes(let b)):
            return .int64(try bigEndian(b).map { Int64(truncatingIfNeeded: $0) })
        case (.bigEndianToInt128, .bytes(let b)): return .int128(try bigEndian(b))
        case (.uuidToText, .bytes(let b)): return .bytes(try uuid(b))
        default: throw ParquetDecodeError("values do not match the column's physical type")
        }
    }

    /// Spark's arithmetic: (julian day - 2440588) * 86400e6 + nanos / 1000, wrapping as Spark wrote it.
    private static func int96(_ b: ByteColumn) throws(ParquetDecodeError) -> [Int64] {
        guard b.bytes.count == b.count * 12 else { throw ParquetDecodeError("INT96 values are not 12 bytes") }
        return b.bytes.withUnsafeBytes { raw in
            [Int64](unsafeUninitializedCapacity: b.count) { dst, n in
                for i in 0..<b.count {
                    let nanos = Int64(littleEndian: raw.loadUnaligned(fromByteOffset: i * 12, as: Int64.self))
                    let day = Int64(Int32(littleEndian: raw.loadUnaligned(fromByteOffset: i * 12 + 8, as: Int32.self)))
                    dst[i] = (day &- 2_440_588) &* 86_400_000_000 &+ nanos / 1000
                }
                n = b.count
            }
        }
    }

    private static func float16(_ b: ByteColumn) throws(ParquetDecodeError) -> [Float] {
        guard b.bytes.count == b.count * 2 else { throw ParquetDecodeError("FLOAT16 values are not 2 bytes") }
        return b.bytes.withUnsafeBytes { raw in
            (0..<b.count).map { i in
                let bits = UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: i * 2, as: UInt16.self))
                return halfToFloat(bits)
            }
        }
    }

    static func halfToFloat(_ h: UInt16) -> Float {
        let sign: Float = h & 0x8000 != 0 ? -1 : 1
        let exponent = Int((h >> 10) & 0x1F)
        let mantissa = Float(h & 0x3FF)
        switch exponent {
        case 0: return sign * mantissa * Float(sign: .plus, exponent: -24, significand: 1)
        case 31: return mantissa == 0 ? sign * .infinity : .nan
        default: return sign * (1 + mantissa / 1024) * Float(sign: .plus, exponent: exponent - 15, significand: 1)
        }
    }

    /// Big-endian two's complement integers of up to 16 bytes (longer values must sign-extend).
    private static func bigEndian(_ b: ByteColumn) throws(ParquetDecodeError) -> [Int128] {
        var out = [Int128](repeating: 0, count: b.count)
        try b.bytes.withUnsafeBufferPointer { (bytes) throws(ParquetDecodeError) in
            for i in 0..<b.count {
                let s = Int(b.offsets[i]), e = Int(b.offsets[i + 1])
                if s == e { continue }
                guard e - s <= 16 else { throw ParquetDecodeError("decimal value of \(e - s) bytes exceeds 128 bits") }
                var v: Int128 = bytes[s] >= 0x80 ? -1 : 0
                for k in s..<e { v = (v << 8) | Int128(bytes[k]) }
                out[i] = v
            }
        }
        return out
    }

    private static func uuid(_ b: ByteColumn) throws(ParquetDecodeError) -> ByteColumn {
        guard b.bytes.count == b.count * 16 else { throw ParquetDecodeError("UUID values are not 16 bytes") }
        let hex = Array("0123456789abcdef".utf8)
        var out = ByteColumn()
        out.reserve(values: b.count, bytes: b.count * 36)
        for i in 0..<b.count {
            for k in 0..<16 {
                if k == 4 || k == 6 || k == 8 || k == 10 { out.bytes.append(UInt8(ascii: "-")) }
                let byte = b.bytes[i * 16 + k]
                out.bytes.append(hex[Int(byte >> 4)])
                out.bytes.append(hex[Int(byte & 15)])
            }
            out.offsets.append(Int32(out.bytes.count))
        }
        return out
    }
}
