import PintailCodecs

/// The Parquet footer (Thrift `FileMetaData`), the subset Pintail reads and writes.
public struct FileMetaData: Sendable {
    public var version: Int32 = 1
    /// The schema tree flattened depth-first; element 0 is the root.
    public var schema: [SchemaElement] = []
    public var numRows: Int64 = 0
    public var rowGroups: [RowGroupMetaData] = []
    public var keyValueMetadata: [KeyValue] = []
    public var createdBy: String?
    /// One entry per leaf column; `true` when the leaf uses the type-defined (min/max) ordering.
    public var columnOrders: [Bool]?
    /// Set when the footer names an encryption algorithm (a plaintext footer of an encrypted file).
    public var hasEncryptionAlgorithm = false
    public init() {}
}

/// One node of the schema tree (Thrift `SchemaElement`).
public struct SchemaElement: Sendable {
    public var type: ParquetPhysicalType?
    public var typeLength: Int32?
    public var repetition: ParquetRepetition?
    public var name: String = ""
    public var numChildren: Int32?
    public var convertedType: ParquetConvertedType?
    public var scale: Int32?
    public var precision: Int32?
    public var fieldId: Int32?
    public var logicalType: ParquetLogicalType?
    public init() {}
}

public struct KeyValue: Sendable, Hashable {
    public var key: String
    public var value: String?
    public init(key: String, value: String?) {
        self.key = key
        self.value = value
    }
}

public struct SortingColumn: Sendable, Hashable {
    public var columnIndex: Int32
    public var descending: Bool
    public var nullsFirst: Bool
    public init(columnIndex: Int32, descending: Bool, nullsFirst: Bool) {
        self.columnIndex = columnIndex
        self.descending = descending
        self.nullsFirst = nullsFirst
    }
}

/// Thrift `RowGroup`.
public struct RowGroupMetaData: Sendable {
    public var columns: [ColumnChunkMetaData] = []
    public var totalByteSize: Int64 = 0
    public var numRows: Int64 = 0
    public var sortingColumns: [SortingColumn]?
    public var fileOffset: Int64?
    public var totalCompressedSize: Int64?
    public var ordinal: Int16?
    public init() {}
}

/// Thrift `ColumnChunk` with its `ColumnMetaData` inlined.
public struct ColumnChunkMetaData: Sendable {
    /// Set when the chunk lives in another file (not supported by the reader).
    public var filePath: String?
    public var fileOffset: Int64 = 0
    public var metaData: ColumnMetaData?
    public var offsetIndexOffset: Int64?
    public var offsetIndexLength: Int32?
    public var columnIndexOffset: Int64?
    public var columnIndexLength: Int32?
    /// True when the column's metadata is encrypted (`crypto_metadata` or `encrypted_column_metadata` set).
    public var isEncrypted = false
    public init() {}
}

/// Thrift `ColumnMetaData`.
public struct ColumnMetaData: Sendable {
    public var type: ParquetPhysicalType = .int32
    public var encodings: [ParquetEncoding] = []
    public var pathInSchema: [String] = []
    /// Thrift `CompressionCodec` value; see `codec`.
    public var codecID: Int32 = 0
    public var numValues: Int64 = 0
    public var totalUncompressedSize: Int64 = 0
    public var totalCompressedSize: Int64 = 0
    public var keyValueMetadata: [KeyValue] = []
    public var dataPageOffset: Int64 = 0
    public var indexPageOffset: Int64?
    public var dictionaryPageOffset: Int64?
    public var statistics: Statistics?
    public var encodingStats: [PageEncodingStats]?
    public var bloomFilterOffset: Int64?
    public var bloomFilterLength: Int32?
    public init() {}

    public var codec: CompressionCodec? { CompressionCodec(thriftValue: codecID) }
}

public struct PageEncodingStats: Sendable, Hashable {
    public var pageType: Int32
    public var encoding: ParquetEncoding
    public var count: Int32
    public init(pageType: Int32, encoding: ParquetEncoding, count: Int32) {
        self.pageType = pageType
        self.encoding = encoding
        self.count = count
    }
}

/// Thrift `Statistics`: values are PLAIN-encoded physical values (byte arrays without a length prefix).
public struct Statistics: Sendable {
    /// Deprecated fields, written with signed comparison by old writers.
    public var max: [UInt8]?
    public var min: [UInt8]?
    public var nullCount: Int64?
    public var distinctCount: Int64?
    public var maxValue: [UInt8]?
    public var minValue: [UInt8]?
    public var isMaxValueExact: Bool?
    public var isMinValueExact: Bool?
    public init() {}
}
