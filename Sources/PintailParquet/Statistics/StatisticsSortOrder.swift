/// How a leaf's values are ordered for statistics, from its physical type and annotations (the spec's
/// "sort order" table). `unknown` columns (INT96, intervals, nested-only kinds) never give usable bounds.
enum StatisticsSortOrder {
    case signed, unsigned, unknown

    static func of(_ leaf: ParquetLeaf) -> StatisticsSortOrder {
        let e = leaf.element
        switch e.logicalType {
        case .integer(_, let isSigned)?: return isSigned ? .signed : .unsigned
        case .decimal?, .date?, .time?, .timestamp?, .float16?: return .signed
        case .string?, .enumeration?, .json?, .bson?, .uuid?: return .unsigned
        case .unrecognized?, .map?, .list?, .null?, .variant?, .geometry?, .geography?: return .unknown
        case nil: break
        }
        switch e.convertedType {
        case .uint8?, .uint16?, .uint32?, .uint64?: return .unsigned
        case .utf8?, .enumeration?, .json?, .bson?: return .unsigned
        case .interval?: return .unknown
        case .decimal?, .date?, .timeMillis?, .timeMicros?, .timestampMillis?, .timestampMicros?: return .signed
        case .int8?, .int16?, .int32?, .int64?: return .signed
        default: break
        }
        switch leaf.physicalType {
        case .boolean, .int32, .int64, .float, .double: return .signed
        case .byteArray, .fixedLenByteArray: return .unsigned
        case .int96: return .unknown
        }
    }
}
