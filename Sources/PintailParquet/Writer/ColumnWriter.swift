import PintailCodecs
import PintailCore

/// Settings every column writer of a file shares.
struct ColumnWriterSettings {
    var pageBytes: Int
    var dictionaryPageBytes: Int
    var dictionaryEnabled: Bool
}

/// Writes one column's values into column chunks: definition levels and paging here, value encoding in subclasses.
class ColumnWriter {
    let column: ParquetColumn
    let layout: WriterColumnLayout
    let settings: ColumnWriterSettings
    let compressor: BlockCompressor
    private var chunk = ColumnChunkBuilder()
    private var definitionLevels: [UInt32] = []
    private var pageRows = 0
    private(set) var nullCount: Int64 = 0

    /// Rows handled between checks of the page size.
    private static let stride = 1024

    init(column: ParquetColumn, layout: WriterColumnLayout, settings: ColumnWriterSettings, compressor: BlockCompressor) {
        self.column = column
        self.layout = layout
        self.settings = settings
        self.compressor = compressor
    }

    /// Appends rows `rows` of `vector` to the current chunk.
    final func append(_ vector: Vector, rows: Range<Int>) throws {
        var flat = vector
        var range = rows
        if !vector.isFlat {
            // Constant and dictionary shapes: materialize just the rows asked for.
            flat = vector.sliced(rows.map { Int32($0) }).flattened()
            range = 0..<rows.count
        }
        guard flat.storage.count >= range.upperBound else {
            throw ParquetWriteError.schemaMismatch("column '\(column.name)' holds fewer values than the batch has rows")
        }
        var start = range.lowerBound
        while start < range.upperBound {
            let end = min(start + Self.stride, range.upperBound)
            try appendLevels(flat.validity, start..<end)
            try appendValues(flat, start..<end)
            pageRows += end - start
            if estimatedPageBytes() >= settings.pageBytes { try flushPage() }
            start = end
        }
    }

    /// Writes out the chunk of the current row group and starts a new one.
    final func finishChunk() throws -> FinishedColumnChunk {
        if pageRows > 0 || !chunk.hasPages { try flushPage() }
        let dictionary = try takeDictionaryPage()  // before the statistics: bounds may come from the dictionary
        let result = try chunk.finish(dictionary: dictionary, statistics: takeStatistics(nullCount: nullCount),
                                      compressor: compressor)
        nullCount = 0
        return result
    }

    private func appendLevels(_ validity: Bitmap?, _ range: Range<Int>) throws {
        guard column.nullable else {
            if let validity, (range.contains { !validity[$0] }) {
                throw ParquetWriteError.nullInRequiredColumn(column: column.name)
            }
            return
        }
        if let validity {
            for i in range {
                let valid = validity[i]
                definitionLevels.append(valid ? 1 : 0)
                if !valid { nullCount += 1 }
            }
        } else {
            definitionLevels.append(contentsOf: repeatElement(1, count: range.count))
        }
    }

    private func flushPage() throws {
        var levels: [UInt8] = []
        if column.nullable {
            var encoded: [UInt8] = []
            definitionLevels.withUnsafeBufferPointer { RleHybridEncoder.encode($0, bitWidth: 1, into: &encoded) }
            let length = UInt32(encoded.count)
            levels = [UInt8(truncatingIfNeeded: length), UInt8(truncatingIfNeeded: length >> 8),
                      UInt8(truncatingIfNeeded: length >> 16), UInt8(truncatingIfNeeded: length >> 24)]
            levels.append(contentsOf: encoded)
        }
        let (values, encoding) = try takePageValues()
        try chunk.addDataPage(levels: levels, values: values, encoding: encoding, valueCount: pageRows,
                              compressor: compressor)
        definitionLevels.removeAll(keepingCapacity: true)
        pageRows = 0
    }

    // MARK: - For subclasses

    /// Encodes and records the non-NULL values among `rows` of the flat `vector`.
    func appendValues(_ vector: Vector, _ rows: Range<Int>) throws { fatalError("subclass") }
    /// Size the buffered page values would take once encoded.
    func estimatedPageBytes() -> Int { 0 }
    /// The buffered page values, encoded, and their encoding; clears the buffer.
    func takePageValues() throws -> ([UInt8], WriterEncoding) { fatalError("subclass") }
    /// The PLAIN dictionary page of the chunk, if its pages used one; resets the dictionary.
    func takeDictionaryPage() throws -> (values: [UInt8], count: Int)? { nil }
    /// The chunk's statistics; resets them.
    func takeStatistics(nullCount: Int64) -> ColumnStatistics { ColumnStatistics(nullCount: nullCount) }

    /// Encodes dictionary ids for a page: one byte of bit width, then the RLE/bit-packed hybrid.
    static func encodeIndices(_ ids: [UInt32], dictionarySize: Int) -> [UInt8] {
        let width = max(1, RleHybridEncoder.bitWidth(forMax: dictionarySize - 1))
        var out: [UInt8] = [UInt8(width)]
        out.reserveCapacity(RleHybridEncoder.maxSize(count: ids.count, bitWidth: width))
        ids.withUnsafeBufferPointer { RleHybridEncoder.encode($0, bitWidth: width, into: &out) }
        return out
    }
}
