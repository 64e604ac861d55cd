import PintailCodecs
import PintailCore

/// INT32 / INT64 / FLOAT / DOUBLE columns: RLE_DICTIONARY while the dictionary stays small, PLAIN after.
final class FixedWidthColumnWriter<T: FixedWidthValue>: ColumnWriter {
    private var dictionary = FixedWidthDictionary()
    private var ids: [UInt32] = []
    private var plain: [T] = []
    private var useDictionary: Bool
    private var fallBackAfterPage = false
    private var chunkValues = 0
    private var minimum: T?
    private var maximum: T?

    override init(column: ParquetColumn, layout: WriterColumnLayout, settings: ColumnWriterSettings,
                  compressor: BlockCompressor) {
        useDictionary = settings.dictionaryEnabled
        super.init(column: column, layout: layout, settings: settings, compressor: compressor)
    }

    override func appendValues(_ vector: Vector, _ rows: Range<Int>) throws {
        let validity = vector.validity
        try T.withValues(of: vector, column: column.name) { values in
            // Non-optional bounds in the loop (optionals cost a generic call per value here).
            var hasBounds = minimum != nil
            var lo = minimum ?? values[rows.lowerBound], hi = maximum ?? values[rows.lowerBound]
            for i in rows {
                if let validity, !validity[i] { continue }
                let v = values[i]
                if !v.isNaNValue {
                    if !hasBounds {
                        lo = v
                        hi = v
                        hasBounds = true
                    }
                    if v < lo { lo = v }
                    if v > hi { hi = v }
                }
                if useDictionary {
                    ids.append(UInt32(bitPattern: dictionary.id(for: v.bitPattern64)))
                } else {
                    plain.append(v)
                }
                chunkValues += 1
            }
            if hasBounds {
                minimum = lo
                maximum = hi
            }
        }
        if useDictionary && !fallBackAfterPage {
            let tooLarge = dictionary.count * MemoryLayout<T>.size > settings.dictionaryPageBytes
            let mostlyDistinct = chunkValues >= 4096 && dictionary.count * 10 > chunkValues * 9
            fallBackAfterPage = tooLarge || mostlyDistinct
        }
    }

    override func estimatedPageBytes() -> Int {
        if fallBackAfterPage { return Int.max }
        return useDictionary ? ids.count * 2 : plain.count * MemoryLayout<T>.size
    }

    override func takePageValues() throws -> ([UInt8], WriterEncoding) {
        if useDictionary && dictionary.count == 0 { return ([], .plain) }  // only NULLs so far
        if useDictionary {
            let encoded = Self.encodeIndices(ids, dictionarySize: dictionary.count)
            ids.removeAll(keepingCapacity: true)
            if fallBackAfterPage {
                useDictionary = false
                fallBackAfterPage = false
            }
            return (encoded, .rleDictionary)
        }
        let bytes = plain.withUnsafeBytes { Array($0) }
        plain.removeAll(keepingCapacity: true)
        return (bytes, .plain)
    }

    override func takeDictionaryPage() throws -> (values: [UInt8], count: Int)? {
        defer {
            dictionary.reset()
            chunkValues = 0
        }
        guard dictionary.count > 0 else { return nil }
        // useDictionary stays off for later row groups once a chunk fell back: the data is evidently high-cardinality.
        let values = dictionary.values.map { T(bitPattern64: $0) }
        return (values.withUnsafeBytes { Array($0) }, values.count)
    }

    override func takeStatistics(nullCount: Int64) -> ColumnStatistics {
        defer { minimum = nil; maximum = nil }
        var stats = ColumnStatistics(nullCount: nullCount)
        if let minimum, let maximum {
            stats.min = withUnsafeBytes(of: minimum.asMinimum) { Array($0) }
            stats.max = withUnsafeBytes(of: maximum.asMaximum) { Array($0) }
        }
        return stats
    }
}
