import PintailCodecs

/// What the footer records about a written column chunk.
struct WrittenColumnChunk {
    var fileOffset: Int64
    var chunk: FinishedColumnChunk
}

/// What the footer records about a written row group.
struct WrittenRowGroup {
    var fileOffset: Int64
    var rowCount: Int64
    var columns: [WrittenColumnChunk]
}

/// Encodes Parquet's FileMetaData (the footer) with the Thrift compact protocol.
enum FooterEncoder {
    static func encode(columns: [ParquetColumn], layouts: [WriterColumnLayout], rowGroups: [WrittenRowGroup],
                       codec: CompressionCodec, createdBy: String, keyValues: [(String, String)]) -> [UInt8] {
        var e = ThriftCompactEncoder()
        e.beginStruct()
        e.i32(1, 1)  // version
        e.listHeader(2, element: .structure, count: columns.count + 1)
        encodeRoot(&e, childCount: columns.count)
        for (column, layout) in zip(columns, layouts) { encodeSchemaElement(&e, column, layout) }
        e.i64(3, rowGroups.reduce(0) { $0 + $1.rowCount })
        e.listHeader(4, element: .structure, count: rowGroups.count)
        for (ordinal, group) in rowGroups.enumerated() {
            encodeRowGroup(&e, group, ordinal: ordinal, columns: columns, layouts: layouts, codec: codec)
        }
        if !keyValues.isEmpty {
            e.listHeader(5, element: .structure, count: keyValues.count)
            for (key, value) in keyValues {
                e.beginStruct()
                e.string(1, key)
                e.string(2, value)
                e.endStruct()
            }
        }
        e.string(6, createdBy)
        // column_orders: every column uses its type's defined order.
        e.listHeader(7, element: .structure, count: columns.count)
        for _ in columns {
            e.beginStruct()
            e.emptyStruct(1)
            e.endStruct()
        }
        e.endStruct()
        return e.bytes
    }

    private static func encodeRoot(_ e: inout ThriftCompactEncoder, childCount: Int) {
        e.beginStruct()
        e.string(4, "schema")
        e.i32(5, Int32(childCount))
        e.endStruct()
    }

    private static func encodeSchemaElement(_ e: inout ThriftCompactEncoder, _ column: ParquetColumn,
                                            _ layout: WriterColumnLayout) {
        e.beginStruct()
        e.i32(1, layout.physical.rawValue)
        if let length = layout.typeLength { e.i32(2, length) }
        e.i32(3, column.nullable ? 1 : 0)
        e.string(4, column.name)
        if let converted = layout.convertedType { e.i32(6, converted) }
        if let decimal = layout.decimal {
            e.i32(7, decimal.scale)
            e.i32(8, decimal.precision)
        }
        if let logical = layout.logical {
            e.beginStructField(10)
            switch logical {
            case .string: e.emptyStruct(1)
            case .decimal(let precision, let scale):
                e.beginStructField(5)
                e.i32(1, scale)
                e.i32(2, precision)
                e.endStruct()
            case .date: e.emptyStruct(6)
            case .timestampMicros(let adjusted):
                e.beginStructField(8)
                e.bool(1, adjusted)
                e.beginStructField(2)
                e.emptyStruct(2)  // MICROS
                e.endStruct()
                e.endStruct()
            case .integer(let bitWidth, let signed):
                e.beginStructField(10)
                e.byte(1, bitWidth)
                e.bool(2, signed)
                e.endStruct()
            }
            e.endStruct()
        }
        e.endStruct()
    }

    private static func encodeRowGroup(_ e: inout ThriftCompactEncoder, _ group: WrittenRowGroup, ordinal: Int,
                                       columns: [ParquetColumn], layouts: [WriterColumnLayout], codec: CompressionCodec) {
        e.beginStruct()
        e.listHeader(1, element: .structure, count: group.columns.count)
        var uncompressed: Int64 = 0
        var compressed: Int64 = 0
        for (index, written) in group.columns.enumerated() {
            let chunk = written.chunk
            uncompressed += chunk.uncompressedSize
            compressed += chunk.compressedSize
            e.beginStruct()
            e.i64(2, written.fileOffset)
            e.beginStructField(3)
            e.i32(1, layouts[index].physical.rawValue)
            e.listHeader(2, element: .i32, count: chunk.encodings.count)
            for encoding in chunk.encodings { e.i32Element(encoding.rawValue) }
            e.listHeader(3, element: .binary, count: 1)
            e.stringElement(columns[index].name)
            e.i32(4, thriftCodec(codec))
            e.i64(5, chunk.valueCount)
            e.i64(6, chunk.uncompressedSize)
            e.i64(7, chunk.compressedSize)
            e.i64(9, written.fileOffset + Int64(chunk.dictionaryPageLength))
            if chunk.dictionaryPageLength > 0 { e.i64(11, written.fileOffset) }
            encodeStatistics(&e, chunk.statistics)
            e.endStruct()
            e.endStruct()
        }
        e.i64(2, uncompressed)
        e.i64(3, group.rowCount)
        e.i64(5, group.fileOffset)
        e.i64(6, compressed)
        e.fieldHeader(7, .i16)
        e.varint(UInt64(ordinal) << 1)  // zigzag of a non-negative i16
        e.endStruct()
    }

    private static func encodeStatistics(_ e: inout ThriftCompactEncoder, _ stats: ColumnStatistics) {
        e.beginStructField(12)
        e.i64(3, stats.nullCount)
        if let max = stats.max { e.binary(5, max) }
        if let min = stats.min { e.binary(6, min) }
        if stats.max != nil { e.bool(7, stats.maxIsExact) }
        if stats.min != nil { e.bool(8, stats.minIsExact) }
        e.endStruct()
    }

    static func thriftCodec(_ codec: CompressionCodec) -> Int32 {
        switch codec {
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
