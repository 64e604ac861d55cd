import PintailCodecs
import PintailCore

/// INT32 / INT64 / FLOAT / DOUBLE columns: RLE_DICTIONARY while the dictionary stays small, PLAIN after.
final class FixedWidthColumnWriter<T: FixedWidthValue>: ColumnWriter {
    private var values: FixedWidthChunkValues<T>
    private var fallBackAfterPage = false

    override init(column: ParquetColumn, layout: WriterColumnLayout, settings: ColumnWriterSettings,
                  compressor: BlockCompressor) {
        values = FixedWidthChunkValues(useDictionary: settings.dictionaryEnabled)
        super.init(column: column, layout: layout, settings: settings, compressor: compressor)
    }

    override func appendValues(_ vector: Vector, _ rows: Range<Int>) throws {
        try T.append(vector, rows, column: column.name, to: &values)
        if values.useDictionary && !fallBackAfterPage {
            let tooLarge = values.dictionary.count * MemoryLayout<T>.size > settings.dictionaryPageBytes
            let mostlyDistinct = values.chunkValues >= 4096 && values.dictionary.count * 10 > values.chunkValues * 9
            fallBackAfterPage = tooLarge || mostlyDistinct
        }
    }

    override func estimatedPageBytes() -> Int {
        if fallBackAfterPage { return Int.max }
        return values.useDictionary ? values.ids.count * 2 : values.plain.count * MemoryLayout<T>.size
    }

    override func encodePageValues(into body: WriterBuffer<UInt8>) throws -> WriterEncoding {
        if values.useDictionary && values.dictionary.count == 0 { return .plain }  // only NULLs so far
        if values.useDictionary {
            Self.encodeIndices(values.ids, dictionarySize: values.dictionary.count, into: body)
            values.ids.removeAll()
            if fallBackAfterPage {
                values.useDictionary = false
                fallBackAfterPage = false
            }
            return .rleDictionary
        }
        body.append(UnsafeRawBufferPointer(values.plain.buffer))
        values.plain.removeAll()
        return .plain
    }

    override func takeDictionaryPage() throws -> (values: [UInt8], count: Int)? {
        defer {
            values.dictionary.reset()
            values.chunkValues = 0
        }
        guard values.dictionary.count > 0 else { return nil }
        // useDictionary stays off for later row groups once a chunk fell back: the data is evidently high-cardinality.
        return (values.dictionaryPage(), values.dictionary.count)
    }

    override func takeStatistics(nullCount: Int64) -> ColumnStatistics {
        defer { values.minimum = nil; values.maximum = nil }
        var stats = ColumnStatistics(nullCount: nullCount)
        if let minimum = values.minimum, let maximum = values.maximum {
            stats.min = withUnsafeBytes(of: minimum.asMinimum) { Array($0) }
            stats.max = withUnsafeBytes(of: maximum.asMaximum) { Array($0) }
        }
        return stats
    }
}
