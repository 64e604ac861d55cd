import PintailCore

/// What a column chunk's footer statistics say about its values, decoded to the column's SQL type and checked
/// against what the format says is reliable. Bounds are inclusive and compare with `StatisticsOrdering`.
public struct ColumnChunkStatistics: Sendable, Equatable {
    /// SQL type of the bounds (the leaf's type, as the reader produces it).
    public var type: DataType
    /// Every non-NULL value is >= this; nil when unknown.
    public var lowerBound: Value?
    /// Every non-NULL value is <= this; nil when unknown.
    public var upperBound: Value?
    /// True when `lowerBound` is the smallest value itself, not just a bound (truncated strings are not).
    public var lowerBoundIsExact: Bool
    public var upperBoundIsExact: Bool
    /// NULLs in the chunk; nil when the writer did not say.
    public var nullCount: Int64?
    /// Values in the chunk, NULLs included (the row count for a flat column).
    public var valueCount: Int64

    public init(type: DataType, lowerBound: Value? = nil, upperBound: Value? = nil, lowerBoundIsExact: Bool = false,
                upperBoundIsExact: Bool = false, nullCount: Int64? = nil, valueCount: Int64) {
        self.type = type
        self.lowerBound = lowerBound
        self.upperBound = upperBound
        self.lowerBoundIsExact = lowerBoundIsExact
        self.upperBoundIsExact = upperBoundIsExact
        self.nullCount = nullCount
        self.valueCount = valueCount
    }

    /// Decodes a chunk's raw footer statistics for `leaf`. `typeDefinedOrder` is the footer's column order for the
    /// leaf (nil when the footer has no `column_orders`); `createdBy` is the footer's writer.
    public static func decode(_ raw: Statistics?, leaf: ParquetLeaf, valueCount: Int64, typeDefinedOrder: Bool?,
                              createdBy: String?) -> ColumnChunkStatistics {
        StatisticsDecoder.decode(raw, leaf: leaf, valueCount: valueCount, typeDefinedOrder: typeDefinedOrder,
                                 writer: WriterVersion(createdBy: createdBy))
    }

    /// Nothing known beyond the value count.
    public static func unknown(type: DataType, valueCount: Int64) -> ColumnChunkStatistics {
        ColumnChunkStatistics(type: type, valueCount: valueCount)
    }
}

extension ParquetFile {
    /// The usable statistics of leaf column `leaf` in row group `rowGroup`; out-of-range indices give nil.
    public func columnStatistics(rowGroup: Int, leaf: Int) -> ColumnChunkStatistics? {
        guard metadata.rowGroups.indices.contains(rowGroup), schema.leaves.indices.contains(leaf),
              metadata.rowGroups[rowGroup].columns.indices.contains(leaf),
              let chunk = metadata.rowGroups[rowGroup].columns[leaf].metaData else { return nil }
        let order = metadata.columnOrders.map { orders in leaf < orders.count ? orders[leaf] : false }
        return StatisticsDecoder.decode(chunk.statistics, leaf: schema.leaves[leaf], valueCount: chunk.numValues,
                                        typeDefinedOrder: order, writer: WriterVersion(createdBy: metadata.createdBy))
    }
}
