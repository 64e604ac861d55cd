/// Decoding the footer structs from the Thrift compact protocol. Unknown fields are skipped.
extension FileMetaData {
    package static func decode(_ d: inout ThriftCompactDecoder) throws(ThriftError) -> FileMetaData {
        var m = FileMetaData()
        try d.beginStruct()
        while let f = try d.nextField() {
            switch (f.id, f.type) {
            case (1, .i32): m.version = try d.readI32()
            case (2, .list): m.schema = try d.readList { (d, _) throws(ThriftError) in try SchemaElement.decode(&d) }
            case (3, .i64): m.numRows = try d.readI64()
            case (4, .list): m.rowGroups = try d.readList { (d, _) throws(ThriftError) in try RowGroupMetaData.decode(&d) }
            case (5, .list): m.keyValueMetadata = try d.readList { (d, _) throws(ThriftError) in try KeyValue.decode(&d) }
            case (6, .binary): m.createdBy = try d.readString()
            case (7, .list):
                m.columnOrders = try d.readList { (d, _) throws(ThriftError) -> Bool in
                    var typeOrder = false
                    try d.beginStruct()
                    while let u = try d.nextField() {
                        if u.id == 1 { typeOrder = true }
                        try d.skip(u.type)
                    }
                    d.endStruct()
                    return typeOrder
                }
            case (8, _): m.hasEncryptionAlgorithm = true; try d.skip(f.type)
            default: try d.skip(f.type)
            }
        }
        d.endStruct()
        return m
    }
}

extension SchemaElement {
    static func decode(_ d: inout ThriftCompactDecoder) throws(ThriftError) -> SchemaElement {
        var e = SchemaElement()
        try d.beginStruct()
        while let f = try d.nextField() {
            switch (f.id, f.type) {
            case (1, .i32):
                let raw = try d.readI32()
                guard let t = ParquetPhysicalType(rawValue: raw) else { throw ThriftError("invalid physical type \(raw)") }
                e.type = t
            case (2, .i32): e.typeLength = try d.readI32()
            case (3, .i32):
                let raw = try d.readI32()
                guard let r = ParquetRepetition(rawValue: raw) else { throw ThriftError("invalid repetition \(raw)") }
                e.repetition = r
            case (4, .binary): e.name = try d.readString()
            case (5, .i32): e.numChildren = try d.readI32()
            case (6, .i32): e.convertedType = ParquetConvertedType(rawValue: try d.readI32())
            case (7, .i32): e.scale = try d.readI32()
            case (8, .i32): e.precision = try d.readI32()
            case (9, .i32): e.fieldId = try d.readI32()
            case (10, .structure): e.logicalType = try decodeLogicalType(&d)
            default: try d.skip(f.type)
            }
        }
        d.endStruct()
        return e
    }

    private static func decodeLogicalType(_ d: inout ThriftCompactDecoder) throws(ThriftError) -> ParquetLogicalType? {
        var result: ParquetLogicalType?
        try d.beginStruct()
        while let f = try d.nextField() {
            guard f.type == .structure else { try d.skip(f.type); continue }
            switch f.id {
            case 1: result = .string
            case 2: result = .map
            case 3: result = .list
            case 4: result = .enumeration
            case 5:
                var scale: Int32 = 0, precision: Int32 = 0
                try d.beginStruct()
                while let g = try d.nextField() {
                    switch (g.id, g.type) {
                    case (1, .i32): scale = try d.readI32()
                    case (2, .i32): precision = try d.readI32()
                    default: try d.skip(g.type)
                    }
                }
                d.endStruct()
                result = .decimal(precision: precision, scale: scale)
                continue
            case 6: result = .date
            case 7, 8:
                var utc = false
                var unit = ParquetTimeUnit.millis
                try d.beginStruct()
                while let g = try d.nextField() {
                    switch (g.id, g.type) {
                    case (1, .boolTrue), (1, .boolFalse): utc = try d.readBool(g.type)
                    case (2, .structure):
                        try d.beginStruct()
                        while let u = try d.nextField() {
                            if u.id == 2 { unit = .micros } else if u.id == 3 { unit = .nanos }
                            try d.skip(u.type)
                        }
                        d.endStruct()
                    default: try d.skip(g.type)
                    }
                }
                d.endStruct()
                result = f.id == 7 ? .time(isAdjustedToUTC: utc, unit: unit) : .timestamp(isAdjustedToUTC: utc, unit: unit)
                continue
            case 10:
                var width: Int8 = 0, signed = true
                try d.beginStruct()
                while let g = try d.nextField() {
                    switch (g.id, g.type) {
                    case (1, .byte): width = Int8(bitPattern: try d.readByte())
                    case (2, .boolTrue), (2, .boolFalse): signed = try d.readBool(g.type)
                    default: try d.skip(g.type)
                    }
                }
                d.endStruct()
                result = .integer(bitWidth: width, isSigned: signed)
                continue
            case 11: result = .null
            case 12: result = .json
            case 13: result = .bson
            case 14: result = .uuid
            case 15: result = .float16
            case 16: result = .variant
            case 17: result = .geometry
            case 18: result = .geography
            default: result = .unrecognized(fieldId: f.id)
            }
            try d.skip(f.type)
        }
        d.endStruct()
        return result
    }
}

extension KeyValue {
    static func decode(_ d: inout ThriftCompactDecoder) throws(ThriftError) -> KeyValue {
        var kv = KeyValue(key: "", value: nil)
        try d.beginStruct()
        while let f = try d.nextField() {
            switch (f.id, f.type) {
            case (1, .binary): kv.key = try d.readString()
            case (2, .binary): kv.value = try d.readString()
            default: try d.skip(f.type)
            }
        }
        d.endStruct()
        return kv
    }
}

extension RowGroupMetaData {
    static func decode(_ d: inout ThriftCompactDecoder) throws(ThriftError) -> RowGroupMetaData {
        var g = RowGroupMetaData()
        try d.beginStruct()
        while let f = try d.nextField() {
            switch (f.id, f.type) {
            case (1, .list): g.columns = try d.readList { (d, _) throws(ThriftError) in try ColumnChunkMetaData.decode(&d) }
            case (2, .i64): g.totalByteSize = try d.readI64()
            case (3, .i64): g.numRows = try d.readI64()
            case (4, .list):
                g.sortingColumns = try d.readList { (d, _) throws(ThriftError) -> SortingColumn in
                    var s = SortingColumn(columnIndex: 0, descending: false, nullsFirst: false)
                    try d.beginStruct()
                    while let c = try d.nextField() {
                        switch (c.id, c.type) {
                        case (1, .i32): s.columnIndex = try d.readI32()
                        case (2, .boolTrue), (2, .boolFalse): s.descending = try d.readBool(c.type)
                        case (3, .boolTrue), (3, .boolFalse): s.nullsFirst = try d.readBool(c.type)
                        default: try d.skip(c.type)
                        }
                    }
                    d.endStruct()
                    return s
                }
            case (5, .i64): g.fileOffset = try d.readI64()
            case (6, .i64): g.totalCompressedSize = try d.readI64()
            case (7, .i16): g.ordinal = try d.readI16()
            default: try d.skip(f.type)
            }
        }
        d.endStruct()
        return g
    }
}

extension ColumnChunkMetaData {
    static func decode(_ d: inout ThriftCompactDecoder) throws(ThriftError) -> ColumnChunkMetaData {
        var c = ColumnChunkMetaData()
        try d.beginStruct()
        while let f = try d.nextField() {
            switch (f.id, f.type) {
            case (1, .binary): c.filePath = try d.readString()
            case (2, .i64): c.fileOffset = try d.readI64()
            case (3, .structure): c.metaData = try ColumnMetaData.decode(&d)
            case (4, .i64): c.offsetIndexOffset = try d.readI64()
            case (5, .i32): c.offsetIndexLength = try d.readI32()
            case (6, .i64): c.columnIndexOffset = try d.readI64()
            case (7, .i32): c.columnIndexLength = try d.readI32()
            case (8, _), (9, _): c.isEncrypted = true; try d.skip(f.type)
            default: try d.skip(f.type)
            }
        }
        d.endStruct()
        return c
    }
}
