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
    /// The page's definition levels, stored only once the page meets a NULL; until then every row of the page is
    /// valid and the levels are one run of 1s (`levelsStored` false).
    private let definitionLevels = WriterBuffer<UInt32>()
    private var levelsStored = false
    /// The page body (levels, then values), reused from page to page.
    private let body: WriterBuffer<UInt8>
    private var pageRows = 0
    private(set) var nullCount: Int64 = 0

    /// Rows handled between checks of the page size.
    private static let stride = 1024

    init(column: ParquetColumn, layout: WriterColumnLayout, settings: ColumnWriterSettings, compressor: BlockCompressor) {
        self.column = column
        self.layout = layout
        self.settings = settings
        self.compressor = compressor
        // Pages of dictionary ids are small; PLAIN pages fill up to the page size.
        body = WriterBuffer(capacity: settings.dictionaryEnabled ? 1 << 16 : min(settings.pageBytes + (1 << 16), 1 << 24))
    }

    /// Appends rows `rows` of `vector` to the current chunk.
    final func append(_ vector: Vector, rows: Range<Int>) throws {
        var flat = vector
        var range = rows
        var constant = false
        if vector.isConstant {
            // One stride of the value, materialized once and written again for every stride.
            flat.count = min(rows.count, Self.stride)
            flat = flat.flattened()
            range = 0..<rows.count
            constant = true
        } else if !vector.isFlat {
            // Dictionary shape: materialize just the rows asked for.
            flat = vector.sliced(rows.map { Int32($0) }).flattened()
            range = 0..<rows.count
        }
        guard flat.storage.count >= (constant ? flat.count : range.upperBound) else {
            throw ParquetWriteError.schemaMismatch("column '\(column.name)' holds fewer values than the batch has rows")
        }
        var start = range.lowerBound
        while start < range.upperBound {
            let end = min(start + Self.stride, range.upperBound)
            let block = constant ? 0..<(end - start) : start..<end
            try appendLevels(flat.validity, block)
            try appendValues(flat, block)
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
        var nulls = 0
        if let validity { for i in range where !validity[i] { nulls += 1 } }
        if nulls == 0 && !levelsStored { return }  // still one run of 1s
        if !levelsStored {
            storeOnes(pageRows)
            levelsStored = true
        }
        if let validity, nulls > 0 {
            definitionLevels.reserve(range.count)
            var out = definitionLevels.end
            for i in range {
                out.pointee = validity[i] ? 1 : 0
                out += 1
            }
            definitionLevels.count += range.count
            nullCount += Int64(nulls)
        } else {
            storeOnes(range.count)
        }
    }

    private func storeOnes(_ count: Int) {
        definitionLevels.reserve(count)
        definitionLevels.end.initialize(repeating: 1, count: count)
        definitionLevels.count += count
    }

    private func flushPage() throws {
        body.removeAll()
        if column.nullable {
            body.appendUInt32(0)  // the levels' length, set below
            if !levelsStored && pageRows >= 8 {
                RleHybridEncoder.rleRun(value: 1, count: pageRows, bitWidth: 1, into: body)
            } else {
                if !levelsStored { storeOnes(pageRows) }
                RleHybridEncoder.encode(definitionLevels.buffer, bitWidth: 1, into: body)
            }
            body.setUInt32(UInt32(truncatingIfNeeded: body.count - 4), at: 0)
        }
        let encoding = try encodePageValues(into: body)
        try chunk.addDataPage(body: body.rawBuffer, hasLevels: column.nullable, encoding: encoding,
                              valueCount: pageRows, compressor: compressor)
        definitionLevels.removeAll()
        levelsStored = false
        pageRows = 0
    }

    // MARK: - For subclasses

    /// Encodes and records the non-NULL values among `rows` of the flat `vector`.
    func appendValues(_ vector: Vector, _ rows: Range<Int>) throws { fatalError("subclass") }
    /// Size the buffered page values would take once encoded.
    func estimatedPageBytes() -> Int { 0 }
    /// Appends the buffered page values, encoded, to `body` and returns their encoding; clears the buffer.
    func encodePageValues(into body: WriterBuffer<UInt8>) throws -> WriterEncoding { fatalError("subclass") }
    /// The PLAIN dictionary page of the chunk, if its pages used one; resets the dictionary.
    func takeDictionaryPage() throws -> (values: [UInt8], count: Int)? { nil }
    /// The chunk's statistics; resets them.
    func takeStatistics(nullCount: Int64) -> ColumnStatistics { ColumnStatistics(nullCount: nullCount) }

    /// Encodes dictionary ids for a page: one byte of bit width, then the RLE/bit-packed hybrid.
    static func encodeIndices(_ ids: WriterBuffer<UInt32>, dictionarySize: Int, into out: WriterBuffer<UInt8>) {
        let width = max(1, RleHybridEncoder.bitWidth(forMax: dictionarySize - 1))
        out.append(UInt8(width))
        out.reserve(RleHybridEncoder.maxSize(count: ids.count, bitWidth: width))
        RleHybridEncoder.encode(ids.buffer, bitWidth: width, into: out)
    }
}
