import PintailCore

/// Turns a chunk's raw `Statistics` into bounds of the leaf's SQL type, keeping only what the format says is
/// reliable:
/// - `min_value`/`max_value` when the footer's column order for the leaf is the type-defined order; without
///   `column_orders` their order is undefined, so they are kept only for signed numeric leaves (never binary);
/// - the deprecated `min`/`max` (always signed comparison) only for signed, non-binary leaves;
/// - nothing for INT96, for unknown sort orders, for NaN bounds, or for binary statistics from parquet-mr < 1.8.
/// A truncated byte-array maximum (`is_max_value_exact` false) is still an upper bound: writers round it up.
enum StatisticsDecoder {
    static func decode(_ raw: Statistics?, leaf: ParquetLeaf, valueCount: Int64, typeDefinedOrder: Bool?,
                       writer: WriterVersion) -> ColumnChunkStatistics {
        var result = ColumnChunkStatistics.unknown(type: leaf.type, valueCount: max(0, valueCount))
        guard let raw, leaf.typeError == nil, leaf.maxRepetitionLevel == 0 else { return result }
        if let n = raw.nullCount, n >= 0, n <= result.valueCount { result.nullCount = n }
        let order = StatisticsSortOrder.of(leaf)
        let isBinary = leaf.physicalType == .byteArray || leaf.physicalType == .fixedLenByteArray
        guard order != .unknown, leaf.physicalType != .int96 else { return result }
        if isBinary && !writer.hasReliableBinaryStatistics { return result }

        var lower: [UInt8]?, upper: [UInt8]?
        var lowerExact = true, upperExact = true
        if raw.minValue != nil || raw.maxValue != nil {
            let usable = typeDefinedOrder ?? (order == .signed && !isBinary)
            guard usable else { return result }
            lower = raw.minValue
            upper = raw.maxValue
            // Byte arrays may be truncated; without the flag we cannot know, so only fixed-width values are exact.
            lowerExact = raw.isMinValueExact ?? !isBinary
            upperExact = raw.isMaxValueExact ?? !isBinary
        } else if order == .signed && !isBinary {
            lower = raw.min
            upper = raw.max
        }
        result.lowerBound = lower.flatMap { StatisticsValueDecoder.value($0, leaf: leaf, order: order) }
        result.upperBound = upper.flatMap { StatisticsValueDecoder.value($0, leaf: leaf, order: order) }
        result.lowerBoundIsExact = result.lowerBound != nil && lowerExact
        result.upperBoundIsExact = result.upperBound != nil && upperExact
        // Bounds that contradict each other are corrupt: trust neither.
        if let l = result.lowerBound, let u = result.upperBound {
            if (StatisticsOrdering.compare(l, u) ?? 1) > 0 {
                result.lowerBound = nil
                result.upperBound = nil
                result.lowerBoundIsExact = false
                result.upperBoundIsExact = false
            }
        }
        return result
    }
}
