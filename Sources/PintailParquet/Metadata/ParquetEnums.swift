import PintailCodecs

/// Parquet's physical storage types (Thrift enum `Type`).
public enum ParquetPhysicalType: Int32, Sendable, CustomStringConvertible {
    case boolean = 0, int32 = 1, int64 = 2, int96 = 3, float = 4, double = 5, byteArray = 6, fixedLenByteArray = 7

    public var description: String {
        switch self {
        case .boolean: return "BOOLEAN"
        case .int32: return "INT32"
        case .int64: return "INT64"
        case .int96: return "INT96"
        case .float: return "FLOAT"
        case .double: return "DOUBLE"
        case .byteArray: return "BYTE_ARRAY"
        case .fixedLenByteArray: return "FIXED_LEN_BYTE_ARRAY"
        }
    }
}

/// Field repetition (Thrift enum `FieldRepetitionType`).
public enum ParquetRepetition: Int32, Sendable {
    case required = 0, optional = 1, repeated = 2
}

/// Legacy type annotations (Thrift enum `ConvertedType`).
public enum ParquetConvertedType: Int32, Sendable {
    case utf8 = 0, map = 1, mapKeyValue = 2, list = 3, enumeration = 4, decimal = 5, date = 6
    case timeMillis = 7, timeMicros = 8, timestampMillis = 9, timestampMicros = 10
    case uint8 = 11, uint16 = 12, uint32 = 13, uint64 = 14, int8 = 15, int16 = 16, int32 = 17, int64 = 18
    case json = 19, bson = 20, interval = 21
}

/// Value encodings (Thrift enum `Encoding`); unknown values are kept so a reader can name them.
public struct ParquetEncoding: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let plain = ParquetEncoding(rawValue: 0)
    public static let plainDictionary = ParquetEncoding(rawValue: 2)
    public static let rle = ParquetEncoding(rawValue: 3)
    public static let bitPacked = ParquetEncoding(rawValue: 4)
    public static let deltaBinaryPacked = ParquetEncoding(rawValue: 5)
    public static let deltaLengthByteArray = ParquetEncoding(rawValue: 6)
    public static let deltaByteArray = ParquetEncoding(rawValue: 7)
    public static let rleDictionary = ParquetEncoding(rawValue: 8)
    public static let byteStreamSplit = ParquetEncoding(rawValue: 9)

    public var isDictionary: Bool { self == .plainDictionary || self == .rleDictionary }

    public var description: String {
        let names = ["PLAIN", "GROUP_VAR_INT", "PLAIN_DICTIONARY", "RLE", "BIT_PACKED", "DELTA_BINARY_PACKED",
                     "DELTA_LENGTH_BYTE_ARRAY", "DELTA_BYTE_ARRAY", "RLE_DICTIONARY", "BYTE_STREAM_SPLIT"]
        return rawValue >= 0 && Int(rawValue) < names.count ? names[Int(rawValue)] : "encoding \(rawValue)"
    }
}

/// Page kinds (Thrift enum `PageType`).
public enum ParquetPageType: Int32, Sendable {
    case dataPage = 0, indexPage = 1, dictionaryPage = 2, dataPageV2 = 3
}

/// Units of TIME and TIMESTAMP logical types.
public enum ParquetTimeUnit: Sendable, Hashable {
    case millis, micros, nanos
}

/// The `LogicalType` union. Kinds this reader does not know are kept as `unrecognized` and read as the physical type.
public enum ParquetLogicalType: Sendable, Hashable {
    case string, map, list, enumeration, date, json, bson, uuid, float16, null, variant, geometry, geography
    case decimal(precision: Int32, scale: Int32)
    case time(isAdjustedToUTC: Bool, unit: ParquetTimeUnit)
    case timestamp(isAdjustedToUTC: Bool, unit: ParquetTimeUnit)
    case integer(bitWidth: Int8, isSigned: Bool)
    case unrecognized(fieldId: Int16)
}

extension CompressionCodec {
    /// The Thrift `CompressionCodec` enum value.
    public init?(thriftValue: Int32) {
        switch thriftValue {
        case 0: self = .uncompressed
        case 1: self = .snappy
        case 2: self = .gzip
        case 3: self = .lzo
        case 4: self = .brotli
        case 5: self = .lz4
        case 6: self = .zstd
        case 7: self = .lz4Raw
        default: return nil
        }
    }

    public var thriftValue: Int32 {
        switch self {
        case .uncompressed: return 0
        case .snappy: return 1
        case .gzip: return 2
        case .lzo: return 3
        case .brotli: return 4
        case .lz4: return 5
        case .zstd: return 6
        case .lz4Raw: return 7
        }
    }
}
