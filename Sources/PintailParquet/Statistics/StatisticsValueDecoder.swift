import PintailCore

/// One PLAIN-encoded statistics bound (no length prefix for byte arrays) as a `Value` of the leaf's SQL type,
/// converted the way the reader converts the column's values. nil when the bytes do not make a valid value of the
/// type, or when the conversion could not keep the order (out-of-range narrowing, overflow, invalid UTF-8).
enum StatisticsValueDecoder {
    static func value(_ bytes: [UInt8], leaf: ParquetLeaf, order: StatisticsSortOrder) -> Value? {
        switch leaf.physicalType {
        case .boolean:
            guard bytes.count == 1, bytes[0] <= 1 else { return nil }
            return .boolean(bytes[0] == 1)
        case .int32:
            guard bytes.count == 4 else { return nil }
            let raw = Int32(bitPattern: UInt32(truncatingIfNeeded: littleEndian(bytes)))
            return int32(raw, leaf: leaf, unsigned: order == .unsigned)
        case .int64:
            guard bytes.count == 8 else { return nil }
            return int64(Int64(bitPattern: littleEndian(bytes)), leaf: leaf, unsigned: order == .unsigned)
        case .int96:
            return nil
        case .float:
            guard bytes.count == 4 else { return nil }
            let f = Float(bitPattern: UInt32(truncatingIfNeeded: littleEndian(bytes)))
            return f.isNaN ? nil : .double(Double(f))
        case .double:
            guard bytes.count == 8 else { return nil }
            let d = Double(bitPattern: littleEndian(bytes))
            return d.isNaN ? nil : .double(d)
        case .byteArray, .fixedLenByteArray:
            return byteArray(bytes, leaf: leaf)
        }
    }

    private static func littleEndian(_ bytes: [UInt8]) -> UInt64 {
        var v: UInt64 = 0
        for (i, b) in bytes.enumerated() { v |= UInt64(b) << (8 * UInt64(i)) }
        return v
    }

    private static func int32(_ raw: Int32, leaf: ParquetLeaf, unsigned: Bool) -> Value? {
        let wide = unsigned ? Int64(UInt32(bitPattern: raw)) : Int64(raw)
        switch leaf.conversion {
        case .none:
            if case .decimal = leaf.type { return .decimal(Int128(wide)) }
            return fits(wide, leaf.type) ? .int(wide) : nil
        case .int32ToInt8, .int32ToInt16, .uint8ToInt16:
            // The reader truncates; a bound outside the SQL type's range says nothing about the truncated values.
            return fits(wide, leaf.type) ? .int(wide) : nil
        case .int32ToInt64(let m):
            let (v, overflow) = wide.multipliedReportingOverflow(by: m)
            if overflow { return nil }
            if case .decimal = leaf.type { return .decimal(Int128(v)) }
            return .int(v)
        case .uint32ToInt64: return .int(Int64(UInt32(bitPattern: raw)))
        case .intToInt128: return .decimal(Int128(wide))
        default: return nil
        }
    }

    private static func int64(_ raw: Int64, leaf: ParquetLeaf, unsigned: Bool) -> Value? {
        switch leaf.conversion {
        case .none:
            if unsigned { return raw < 0 ? nil : .int(raw) }
            if case .decimal = leaf.type { return .decimal(Int128(raw)) }
            return .int(raw)
        case .int64Multiply(let m):
            let (v, overflow) = raw.multipliedReportingOverflow(by: m)
            return overflow ? nil : .int(v)
        case .int64FloorDivide(let d):
            guard d > 0 else { return nil }
            let q = raw / d
            return .int(raw % d != 0 && raw < 0 ? q - 1 : q)
        case .uint64ToInt128: return .decimal(Int128(UInt64(bitPattern: raw)))
        case .intToInt128: return .decimal(Int128(raw))
        default: return nil
        }
    }

    private static func fits(_ v: Int64, _ type: DataType) -> Bool {
        switch type {
        case .tinyint: return v >= Int64(Int8.min) && v <= Int64(Int8.max)
        case .smallint: return v >= Int64(Int16.min) && v <= Int64(Int16.max)
        case .integer, .date: return v >= Int64(Int32.min) && v <= Int64(Int32.max)
        default: return true
        }
    }

    private static func byteArray(_ bytes: [UInt8], leaf: ParquetLeaf) -> Value? {
        if leaf.physicalType == .fixedLenByteArray && bytes.count != leaf.typeLength { return nil }
        switch leaf.conversion {
        case .none:
            switch leaf.type {
            case .varbinary: return .bytes(bytes)
            case .varchar, .char:
                // A bound cut inside a multi-byte character is not a string; unsure, so no bound.
                return String(validating: bytes, as: UTF8.self).map { .string($0) }
            default: return nil  // json and others do not order by their bytes in SQL
            }
        case .bigEndianToInt64, .bigEndianToInt128:
            guard !bytes.isEmpty, bytes.count <= 16 else { return nil }
            var v: Int128 = bytes[0] >= 0x80 ? -1 : 0
            for b in bytes { v = (v << 8) | Int128(b) }
            return .decimal(v)
        case .uuidToText:
            // Lowercase hex text sorts exactly as the unsigned bytes do.
            let hex = Array("0123456789abcdef".utf8)
            var text: [UInt8] = []
            for (k, b) in bytes.enumerated() {
                if k == 4 || k == 6 || k == 8 || k == 10 { text.append(UInt8(ascii: "-")) }
                text.append(hex[Int(b >> 4)])
                text.append(hex[Int(b & 15)])
            }
            return .string(String(decoding: text, as: UTF8.self))
        case .float16ToFloat:
            guard bytes.count == 2 else { return nil }
            let f = ValueConversion.halfToFloat(UInt16(bytes[0]) | UInt16(bytes[1]) << 8)
            return f.isNaN ? nil : .double(Double(f))
        default: return nil
        }
    }
}
