/// Where one data page of a column chunk lives and which rows it starts at (Thrift `PageLocation`).
public struct PageLocation: Sendable, Equatable {
    /// File offset of the page header.
    public var offset: Int64
    /// Bytes of the page, header included.
    public var compressedPageSize: Int32
    /// Row (within the row group) of the page's first row; pages start on record boundaries.
    public var firstRowIndex: Int64

    public init(offset: Int64, compressedPageSize: Int32, firstRowIndex: Int64) {
        self.offset = offset
        self.compressedPageSize = compressedPageSize
        self.firstRowIndex = firstRowIndex
    }
}

/// The data pages of one column chunk in file order (Thrift `OffsetIndex`), validated against the chunk by
/// `ParquetFile.offsetIndex(rowGroup:leaf:)`.
public struct OffsetIndex: Sendable, Equatable {
    public var pageLocations: [PageLocation]
    /// Rows of the row group, so that the last page's row range is known.
    public var rowGroupRows: Int

    public init(pageLocations: [PageLocation], rowGroupRows: Int) {
        self.pageLocations = pageLocations
        self.rowGroupRows = rowGroupRows
    }

    public var pageCount: Int { pageLocations.count }

    /// Rows of page `page`, relative to the row group.
    public func rows(ofPage page: Int) -> Range<Int> {
        let start = Int(pageLocations[page].firstRowIndex)
        let end = page + 1 < pageLocations.count ? Int(pageLocations[page + 1].firstRowIndex) : rowGroupRows
        return start..<end
    }
}

/// How a column index's page bounds are ordered (Thrift `BoundaryOrder`).
public enum BoundaryOrder: Int32, Sendable {
    case unordered = 0, ascending = 1, descending = 2
}

/// Per-page bounds and null facts of one column chunk (Thrift `ColumnIndex`); entry `i` is about
/// `OffsetIndex.pageLocations[i]`. Bounds are PLAIN-encoded like footer statistics; those of null pages are
/// meaningless.
public struct ColumnIndex: Sendable, Equatable {
    public var nullPages: [Bool]
    public var minValues: [[UInt8]]
    public var maxValues: [[UInt8]]
    /// nil when the writer stored a value this reader does not know.
    public var boundaryOrder: BoundaryOrder?
    public var nullCounts: [Int64]?

    public init(nullPages: [Bool], minValues: [[UInt8]], maxValues: [[UInt8]], boundaryOrder: BoundaryOrder?,
                nullCounts: [Int64]?) {
        self.nullPages = nullPages
        self.minValues = minValues
        self.maxValues = maxValues
        self.boundaryOrder = boundaryOrder
        self.nullCounts = nullCounts
    }
}

extension OffsetIndex {
    /// Decodes the Thrift struct; the caller checks the locations against the chunk.
    static func decode(_ d: inout ThriftCompactDecoder, rowGroupRows: Int) throws(ThriftError) -> OffsetIndex {
        var locations: [PageLocation]?
        try d.beginStruct()
        while let f = try d.nextField() {
            switch (f.id, f.type) {
            case (1, .list):
                locations = try d.readList { (d, type) throws(ThriftError) -> PageLocation in
                    guard type == .structure else { throw ThriftError("page location of Thrift type \(type), not a struct") }
                    return try PageLocation.decode(&d)
                }
            default: try d.skip(f.type)
            }
        }
        d.endStruct()
        guard let locations else { throw ThriftError("offset index without page_locations") }
        return OffsetIndex(pageLocations: locations, rowGroupRows: rowGroupRows)
    }
}

extension PageLocation {
    static func decode(_ d: inout ThriftCompactDecoder) throws(ThriftError) -> PageLocation {
        var offset: Int64?, size: Int32?, first: Int64?
        try d.beginStruct()
        while let f = try d.nextField() {
            switch (f.id, f.type) {
            case (1, .i64): offset = try d.readI64()
            case (2, .i32): size = try d.readI32()
            case (3, .i64): first = try d.readI64()
            default: try d.skip(f.type)
            }
        }
        d.endStruct()
        guard let offset, let size, let first else { throw ThriftError("page location lacks a required field") }
        return PageLocation(offset: offset, compressedPageSize: size, firstRowIndex: first)
    }
}

extension ColumnIndex {
    static func decode(_ d: inout ThriftCompactDecoder) throws(ThriftError) -> ColumnIndex {
        var nullPages: [Bool]?, mins: [[UInt8]]?, maxs: [[UInt8]]?, order: Int32?, nullCounts: [Int64]?
        try d.beginStruct()
        while let f = try d.nextField() {
            switch (f.id, f.type) {
            case (1, .list):
                // Boolean list elements are one byte each (1 true, 2 or 0 false), whatever the header's element type.
                nullPages = try d.readList { (d, _) throws(ThriftError) in try d.readByte() == 1 }
            case (2, .list): mins = try d.readList { (d, type) throws(ThriftError) in try Self.binary(&d, type) }
            case (3, .list): maxs = try d.readList { (d, type) throws(ThriftError) in try Self.binary(&d, type) }
            case (4, .i32): order = try d.readI32()
            case (5, .list):
                nullCounts = try d.readList { (d, type) throws(ThriftError) -> Int64 in
                    guard type == .i64 else { throw ThriftError("null count of Thrift type \(type), not i64") }
                    return try d.readI64()
                }
            default: try d.skip(f.type)
            }
        }
        d.endStruct()
        guard let nullPages, let mins, let maxs, let order else { throw ThriftError("column index lacks a required field") }
        return ColumnIndex(nullPages: nullPages, minValues: mins, maxValues: maxs, boundaryOrder: BoundaryOrder(rawValue: order),
                           nullCounts: nullCounts)
    }

    private static func binary(_ d: inout ThriftCompactDecoder, _ type: ThriftType) throws(ThriftError) -> [UInt8] {
        guard type == .binary else { throw ThriftError("page bound of Thrift type \(type), not binary") }
        return try d.readBinary()
    }
}
