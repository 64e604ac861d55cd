import PintailCore

/// A column to write: its name, SQL type and whether it may hold NULLs.
public struct ParquetColumn: Sendable, Equatable {
    public var name: String
    public var type: DataType
    public var nullable: Bool

    public init(name: String, type: DataType, nullable: Bool = true) {
        self.name = name
        self.type = type
        self.nullable = nullable
    }
}

/// Parquet's physical types (Thrift enum `Type`).
enum WriterPhysicalType: Int32 {
    case boolean = 0, int32 = 1, int64 = 2, float = 4, double = 5, byteArray = 6, fixedLenByteArray = 7
}

/// Parquet's encodings (Thrift enum `Encoding`) that the writer uses.
enum WriterEncoding: Int32 {
    case plain = 0, rle = 3, rleDictionary = 8
}

/// How one SQL type is stored: physical type, annotations and, for fixed-length byte arrays, the width.
struct WriterColumnLayout {
    var physical: WriterPhysicalType
    var typeLength: Int32?
    /// Thrift enum `ConvertedType`, for readers that predate logical types.
    var convertedType: Int32?
    var decimal: (precision: Int32, scale: Int32)?
    var logical: Logical?

    enum Logical {
        case string, date, decimal(precision: Int32, scale: Int32)
        case integer(bitWidth: Int8, signed: Bool)
        case timestampMicros(adjustedToUTC: Bool)
    }

    init(physical: WriterPhysicalType, typeLength: Int32? = nil, convertedType: Int32? = nil,
         decimal: (precision: Int32, scale: Int32)? = nil, logical: Logical? = nil) {
        self.physical = physical
        self.typeLength = typeLength
        self.convertedType = convertedType
        self.decimal = decimal
        self.logical = logical
    }

    /// The layout for `type`, or an error for types the writer does not store.
    static func of(_ type: DataType, column: String) throws -> WriterColumnLayout {
        switch type {
        case .boolean: return WriterColumnLayout(physical: .boolean)
        case .tinyint: return WriterColumnLayout(physical: .int32, convertedType: 15, logical: .integer(bitWidth: 8, signed: true))
        case .smallint: return WriterColumnLayout(physical: .int32, convertedType: 16, logical: .integer(bitWidth: 16, signed: true))
        case .integer: return WriterColumnLayout(physical: .int32)
        case .bigint: return WriterColumnLayout(physical: .int64)
        case .real: return WriterColumnLayout(physical: .float)
        case .double: return WriterColumnLayout(physical: .double)
        case .decimal(let p, let s):
            guard p >= 1, p <= 38, s >= 0, s <= p else {
                throw ParquetWriteError.unsupportedType(column: column, type: type)
            }
            let annotation = (precision: Int32(p), scale: Int32(s))
            let logical = Logical.decimal(precision: Int32(p), scale: Int32(s))
            if p <= 9 { return WriterColumnLayout(physical: .int32, convertedType: 5, decimal: annotation, logical: logical) }
            if p <= 18 { return WriterColumnLayout(physical: .int64, convertedType: 5, decimal: annotation, logical: logical) }
            return WriterColumnLayout(physical: .fixedLenByteArray, typeLength: Int32(decimalByteWidth(precision: p)),
                                      convertedType: 5, decimal: annotation, logical: logical)
        case .varchar, .char, .json: return WriterColumnLayout(physical: .byteArray, convertedType: 0, logical: .string)
        case .varbinary: return WriterColumnLayout(physical: .byteArray)
        case .date: return WriterColumnLayout(physical: .int32, convertedType: 6, logical: .date)
        case .timestamp:
            // TIMESTAMP_MICROS (converted type 10) implies UTC-adjusted, so only the logical type is written.
            return WriterColumnLayout(physical: .int64, logical: .timestampMicros(adjustedToUTC: false))
        default:
            throw ParquetWriteError.unsupportedType(column: column, type: type)
        }
    }

    /// The fewest bytes whose signed range holds every unscaled value of `precision` digits.
    static func decimalByteWidth(precision: Int) -> Int {
        var largest: Int128 = 1
        for _ in 0..<precision { largest *= 10 }
        largest -= 1
        var bytes = 1
        while bytes < 16 && largest >= (Int128(1) << (8 * bytes - 1)) { bytes += 1 }
        return bytes
    }
}
