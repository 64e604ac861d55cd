/// Thrift `PageHeader` with the header kinds the reader uses.
public struct PageHeader: Sendable {
    public var type: Int32 = 0
    public var uncompressedPageSize: Int32 = 0
    public var compressedPageSize: Int32 = 0
    public var crc: Int32?
    public var dataPage: DataPageHeader?
    public var dictionaryPage: DictionaryPageHeader?
    public var dataPageV2: DataPageHeaderV2?
    public init() {}

    public var pageType: ParquetPageType? { ParquetPageType(rawValue: type) }
}

public struct DataPageHeader: Sendable {
    public var numValues: Int32 = 0
    public var encoding = ParquetEncoding.plain
    public var definitionLevelEncoding = ParquetEncoding.rle
    public var repetitionLevelEncoding = ParquetEncoding.rle
    public var statistics: Statistics?
    public init() {}
}

public struct DictionaryPageHeader: Sendable {
    public var numValues: Int32 = 0
    public var encoding = ParquetEncoding.plain
    public var isSorted: Bool?
    public init() {}
}

public struct DataPageHeaderV2: Sendable {
    public var numValues: Int32 = 0
    public var numNulls: Int32 = 0
    public var numRows: Int32 = 0
    public var encoding = ParquetEncoding.plain
    public var definitionLevelsByteLength: Int32 = 0
    public var repetitionLevelsByteLength: Int32 = 0
    public var isCompressed = true
    public var statistics: Statistics?
    public init() {}
}

extension PageHeader {
    package static func decode(_ d: inout ThriftCompactDecoder) throws(ThriftError) -> PageHeader {
        var h = PageHeader()
        try d.beginStruct()
        while let f = try d.nextField() {
            switch (f.id, f.type) {
            case (1, .i32): h.type = try d.readI32()
            case (2, .i32): h.uncompressedPageSize = try d.readI32()
            case (3, .i32): h.compressedPageSize = try d.readI32()
            case (4, .i32): h.crc = try d.readI32()
            case (5, .structure): h.dataPage = try decodeV1(&d)
            case (7, .structure): h.dictionaryPage = try decodeDictionary(&d)
            case (8, .structure): h.dataPageV2 = try decodeV2(&d)
            default: try d.skip(f.type)
            }
        }
        d.endStruct()
        return h
    }

    private static func decodeV1(_ d: inout ThriftCompactDecoder) throws(ThriftError) -> DataPageHeader {
        var p = DataPageHeader()
        try d.beginStruct()
        while let f = try d.nextField() {
            switch (f.id, f.type) {
            case (1, .i32): p.numValues = try d.readI32()
            case (2, .i32): p.encoding = ParquetEncoding(rawValue: try d.readI32())
            case (3, .i32): p.definitionLevelEncoding = ParquetEncoding(rawValue: try d.readI32())
            case (4, .i32): p.repetitionLevelEncoding = ParquetEncoding(rawValue: try d.readI32())
            case (5, .structure): p.statistics = try Statistics.decode(&d)
            default: try d.skip(f.type)
            }
        }
        d.endStruct()
        return p
    }

    private static func decodeDictionary(_ d: inout ThriftCompactDecoder) throws(ThriftError) -> DictionaryPageHeader {
        var p = DictionaryPageHeader()
        try d.beginStruct()
        while let f = try d.nextField() {
            switch (f.id, f.type) {
            case (1, .i32): p.numValues = try d.readI32()
            case (2, .i32): p.encoding = ParquetEncoding(rawValue: try d.readI32())
            case (3, .boolTrue), (3, .boolFalse): p.isSorted = try d.readBool(f.type)
            default: try d.skip(f.type)
            }
        }
        d.endStruct()
        return p
    }

    private static func decodeV2(_ d: inout ThriftCompactDecoder) throws(ThriftError) -> DataPageHeaderV2 {
        var p = DataPageHeaderV2()
        try d.beginStruct()
        while let f = try d.nextField() {
            switch (f.id, f.type) {
            case (1, .i32): p.numValues = try d.readI32()
            case (2, .i32): p.numNulls = try d.readI32()
            case (3, .i32): p.numRows = try d.readI32()
            case (4, .i32): p.encoding = ParquetEncoding(rawValue: try d.readI32())
            case (5, .i32): p.definitionLevelsByteLength = try d.readI32()
            case (6, .i32): p.repetitionLevelsByteLength = try d.readI32()
            case (7, .boolTrue), (7, .boolFalse): p.isCompressed = try d.readBool(f.type)
            case (8, .structure): p.statistics = try Statistics.decode(&d)
            default: try d.skip(f.type)
            }
        }
        d.endStruct()
        return p
    }
}
