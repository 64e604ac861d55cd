extension ColumnMetaData {
    static func decode(_ d: inout ThriftCompactDecoder) throws(ThriftError) -> ColumnMetaData {
        var m = ColumnMetaData()
        try d.beginStruct()
        while let f = try d.nextField() {
            switch (f.id, f.type) {
            case (1, .i32):
                let raw = try d.readI32()
                guard let t = ParquetPhysicalType(rawValue: raw) else { throw ThriftError("invalid physical type \(raw)") }
                m.type = t
            case (2, .list):
                m.encodings = try d.readList { (d, _) throws(ThriftError) in ParquetEncoding(rawValue: try d.readI32()) }
            case (3, .list): m.pathInSchema = try d.readList { (d, _) throws(ThriftError) in try d.readString() }
            case (4, .i32): m.codecID = try d.readI32()
            case (5, .i64): m.numValues = try d.readI64()
            case (6, .i64): m.totalUncompressedSize = try d.readI64()
            case (7, .i64): m.totalCompressedSize = try d.readI64()
            case (8, .list): m.keyValueMetadata = try d.readList { (d, _) throws(ThriftError) in try KeyValue.decode(&d) }
            case (9, .i64): m.dataPageOffset = try d.readI64()
            case (10, .i64): m.indexPageOffset = try d.readI64()
            case (11, .i64): m.dictionaryPageOffset = try d.readI64()
            case (12, .structure): m.statistics = try Statistics.decode(&d)
            case (13, .list):
                m.encodingStats = try d.readList { (d, _) throws(ThriftError) -> PageEncodingStats in
                    var s = PageEncodingStats(pageType: 0, encoding: .plain, count: 0)
                    try d.beginStruct()
                    while let g = try d.nextField() {
                        switch (g.id, g.type) {
                        case (1, .i32): s.pageType = try d.readI32()
                        case (2, .i32): s.encoding = ParquetEncoding(rawValue: try d.readI32())
                        case (3, .i32): s.count = try d.readI32()
                        default: try d.skip(g.type)
                        }
                    }
                    d.endStruct()
                    return s
                }
            case (14, .i64): m.bloomFilterOffset = try d.readI64()
            case (15, .i32): m.bloomFilterLength = try d.readI32()
            default: try d.skip(f.type)
            }
        }
        d.endStruct()
        return m
    }
}

extension Statistics {
    static func decode(_ d: inout ThriftCompactDecoder) throws(ThriftError) -> Statistics {
        var s = Statistics()
        try d.beginStruct()
        while let f = try d.nextField() {
            switch (f.id, f.type) {
            case (1, .binary): s.max = try d.readBinary()
            case (2, .binary): s.min = try d.readBinary()
            case (3, .i64): s.nullCount = try d.readI64()
            case (4, .i64): s.distinctCount = try d.readI64()
            case (5, .binary): s.maxValue = try d.readBinary()
            case (6, .binary): s.minValue = try d.readBinary()
            case (7, .boolTrue), (7, .boolFalse): s.isMaxValueExact = try d.readBool(f.type)
            case (8, .boolTrue), (8, .boolFalse): s.isMinValueExact = try d.readBool(f.type)
            default: try d.skip(f.type)
            }
        }
        d.endStruct()
        return s
    }
}
