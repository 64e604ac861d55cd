import PintailCore

/// How decoded physical values become the vector storage of the column's SQL type. Chosen once per column.
enum LeafConversion: Sendable, Equatable {
    /// Physical storage already is the SQL type's storage.
    case none
    /// INT32 to tinyint / smallint (signed), or UINT_8 to smallint.
    case int32ToInt8, int32ToInt16, uint8ToInt16
    /// INT32 (signed) to Int64, times a factor (decimal, TIME millis to micros).
    case int32ToInt64(multiplier: Int64)
    /// UINT_32 to bigint.
    case uint32ToInt64
    /// INT64 rescaled: millis to micros (x1000) or nanos to micros (floor /1000).
    case int64Multiply(Int64), int64FloorDivide(Int64)
    /// UINT_64 to decimal(20,0).
    case uint64ToInt128
    /// INT64 or INT32 decimal of precision > 18.
    case intToInt128
    /// INT96 (nanoseconds of day + Julian day) to microseconds since the epoch.
    case int96ToMicros
    /// IEEE half precision in FIXED_LEN_BYTE_ARRAY(2) to real.
    case float16ToFloat
    /// Big-endian two's complement (FLBA or BYTE_ARRAY) decimal to Int64 / Int128.
    case bigEndianToInt64, bigEndianToInt128
    /// 16-byte UUID to its canonical lowercase text.
    case uuidToText
}

/// The SQL type and conversion of a primitive column, from its physical type and annotations.
enum LeafTypeMapping {
    static func map(_ e: SchemaElement) throws(ParquetDecodeError) -> (DataType, LeafConversion) {
        guard let physical = e.type else { throw ParquetDecodeError("column \(e.name) has no physical type") }
        switch e.logicalType {
        case .decimal(let p, let s)?: return try decimal(physical, Int(p), Int(s), e)
        case .integer(let width, let signed)?: return try integer(physical, Int(width), signed, e)
        case .timestamp(_, let unit)?: return try timestamp(physical, unit, e)
        case .time(_, let unit)?: return try time(physical, unit, e)
        case .date?: return try require(physical, .int32, e, (.date, .none))
        case .string?, .enumeration?: return try require(physical, .byteArray, e, (.string, .none))
        case .json?: return try require(physical, .byteArray, e, (.json, .none))
        case .uuid?:
            guard physical == .fixedLenByteArray, e.typeLength == 16 else { throw mismatch(e, "UUID") }
            return (.string, .uuidToText)
        case .float16?:
            guard physical == .fixedLenByteArray, e.typeLength == 2 else { throw mismatch(e, "FLOAT16") }
            return (.real, .float16ToFloat)
        default: break
        }
        switch e.convertedType {
        case .utf8?, .enumeration?: return try require(physical, .byteArray, e, (.string, .none))
        case .json?: return try require(physical, .byteArray, e, (.json, .none))
        case .decimal?: return try decimal(physical, Int(e.precision ?? 0), Int(e.scale ?? 0), e)
        case .date?: return try require(physical, .int32, e, (.date, .none))
        case .timeMillis?: return try time(physical, .millis, e)
        case .timeMicros?: return try time(physical, .micros, e)
        case .timestampMillis?: return try timestamp(physical, .millis, e)
        case .timestampMicros?: return try timestamp(physical, .micros, e)
        case .int8?: return try integer(physical, 8, true, e)
        case .int16?: return try integer(physical, 16, true, e)
        case .int32?: return try integer(physical, 32, true, e)
        case .int64?: return try integer(physical, 64, true, e)
        case .uint8?: return try integer(physical, 8, false, e)
        case .uint16?: return try integer(physical, 16, false, e)
        case .uint32?: return try integer(physical, 32, false, e)
        case .uint64?: return try integer(physical, 64, false, e)
        default: break
        }
        switch physical {
        case .boolean: return (.boolean, .none)
        case .int32: return (.integer, .none)
        case .int64: return (.bigint, .none)
        case .int96: return (.timestamp(precision: 6), .int96ToMicros)
        case .float: return (.real, .none)
        case .double: return (.double, .none)
        case .byteArray, .fixedLenByteArray: return (.varbinary, .none)
        }
    }

    private static func mismatch(_ e: SchemaElement, _ what: String) -> ParquetDecodeError {
        ParquetDecodeError("column \(e.name): \(what) annotation on \(e.type.map { "\($0)" } ?? "a group")\(e.typeLength.map { "(\($0))" } ?? "")")
    }

    private static func require(_ physical: ParquetPhysicalType, _ wanted: ParquetPhysicalType, _ e: SchemaElement,
                                _ result: (DataType, LeafConversion)) throws(ParquetDecodeError) -> (DataType, LeafConversion) {
        guard physical == wanted else { throw mismatch(e, "\(result.0)") }
        return result
    }

    private static func decimal(_ physical: ParquetPhysicalType, _ p: Int, _ s: Int, _ e: SchemaElement)
        throws(ParquetDecodeError) -> (DataType, LeafConversion)
    {
        guard p >= 1, p <= 38, s >= 0, s <= p else {
            throw ParquetDecodeError("column \(e.name): decimal(\(p),\(s)) is outside what Presto supports (precision 1...38)")
        }
        let type = DataType.decimal(precision: p, scale: s)
        let wide = p > 18
        switch physical {
        case .int32: return (type, wide ? .intToInt128 : .int32ToInt64(multiplier: 1))
        case .int64: return (type, wide ? .intToInt128 : .none)
        case .fixedLenByteArray, .byteArray: return (type, wide ? .bigEndianToInt128 : .bigEndianToInt64)
        default: throw mismatch(e, "DECIMAL")
        }
    }

    private static func integer(_ physical: ParquetPhysicalType, _ width: Int, _ signed: Bool, _ e: SchemaElement)
        throws(ParquetDecodeError) -> (DataType, LeafConversion)
    {
        switch (physical, width, signed) {
        case (.int32, 8, true): return (.tinyint, .int32ToInt8)
        case (.int32, 16, true): return (.smallint, .int32ToInt16)
        case (.int32, 32, true): return (.integer, .none)
        case (.int32, 8, false): return (.smallint, .uint8ToInt16)
        case (.int32, 16, false): return (.integer, .none)
        case (.int32, 32, false): return (.bigint, .uint32ToInt64)
        case (.int64, 64, true): return (.bigint, .none)
        case (.int64, 64, false): return (.decimal(precision: 20, scale: 0), .uint64ToInt128)
        default: throw mismatch(e, "INT(\(width), \(signed ? "signed" : "unsigned"))")
        }
    }

    private static func timestamp(_ physical: ParquetPhysicalType, _ unit: ParquetTimeUnit, _ e: SchemaElement)
        throws(ParquetDecodeError) -> (DataType, LeafConversion)
    {
        guard physical == .int64 else { throw mismatch(e, "TIMESTAMP") }
        switch unit {
        case .millis: return (.timestamp(precision: 3), .int64Multiply(1000))
        case .micros: return (.timestamp(precision: 6), .none)
        case .nanos: return (.timestamp(precision: 6), .int64FloorDivide(1000))
        }
    }

    private static func time(_ physical: ParquetPhysicalType, _ unit: ParquetTimeUnit, _ e: SchemaElement)
        throws(ParquetDecodeError) -> (DataType, LeafConversion)
    {
        switch (physical, unit) {
        case (.int32, .millis): return (.time, .int32ToInt64(multiplier: 1000))
        case (.int64, .micros): return (.time, .none)
        case (.int64, .nanos): return (.time, .int64FloorDivide(1000))
        default: throw mismatch(e, "TIME")
        }
    }
}
