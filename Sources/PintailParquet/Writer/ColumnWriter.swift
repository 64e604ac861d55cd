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
    private let body = WriterBuffer<UInt8>(capacity: 1 << 16)
    /// The encoded definition levels of the page being flushed.
    private let levels = WriterBuffer<UInt8>(capacity: 64)
    /// Free bytes in front of gapped PLAIN values (see `gappedPlainValues`): room for the levels of a page
    /// without NULLs (length, run header, value).
    static let pageGap = 16
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
        if vector.isConstant { return try appendConstant(vector, count: rows.count) }
        var flat = vector
        var range = rows
        if !vector.isFlat {
            // Dictionary shape: materialize just the rows asked for.
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
            try endStride(rows: end - start)
            start = end
        }
    }

    /// `count` rows of a constant vector. Its value is materialized once as a single row; the rows themselves
    /// only when the subclass cannot repeat a value directly.
    private func appendConstant(_ vector: Vector, count: Int) throws {
        guard count > 0 else { return }
        let isNull = !vector.isValid(0)
        var single = vector
        single.count = 1
        if !isNull { single = single.flattened() }
        guard isNull || single.storage.count >= 1 else {
            throw ParquetWriteError.schemaMismatch("column '\(column.name)' holds fewer values than the batch has rows")
        }
        var stride: Vector?  // one stride of rows, for subclasses that need them
        var done = 0
        while done < count {
            let n = min(Self.stride, count - done)
            if isNull {
                try appendNulls(n)
            } else {
                try appendLevels(nil, 0..<n)
                if try !appendRepeated(single, count: n) {
                    var rows = stride ?? vector
                    if stride == nil {
                        rows.count = min(count, Self.stride)
                        rows = rows.flattened()
                        stride = rows
                    }
                    try appendValues(rows, 0..<n)
                }
            }
            try endStride(rows: n)
            done += n
        }
    }

    private func endStride(rows: Int) throws {
        pageRows += rows
        if estimatedPageBytes() >= settings.pageBytes { try flushPage() }
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

    private func appendNulls(_ count: Int) throws {
        guard column.nullable else { throw ParquetWriteError.nullInRequiredColumn(column: column.name) }
        if !levelsStored {
            storeOnes(pageRows)
            levelsStored = true
        }
        definitionLevels.reserve(count)
        definitionLevels.end.initialize(repeating: 0, count: count)
        definitionLevels.count += count
        nullCount += Int64(count)
    }

    private func storeOnes(_ count: Int) {
        definitionLevels.reserve(count)
        definitionLevels.end.initialize(repeating: 1, count: count)
        definitionLevels.count += count
    }

    private func flushPage() throws {
        levels.removeAll()
        if column.nullable {
            levels.appendUInt32(0)  // the levels' length, set below
            if !levelsStored && pageRows >= 8 {
                RleHybridEncoder.rleRun(value: 1, count: pageRows, bitWidth: 1, into: levels)
            } else {
                if !levelsStored { storeOnes(pageRows) }
                RleHybridEncoder.encode(definitionLevels.buffer, bitWidth: 1, into: levels)
            }
            levels.setUInt32(UInt32(truncatingIfNeeded: levels.count - 4), at: 0)
        }
        if let values = gappedPlainValues(), levels.count <= Self.pageGap, values.count >= Self.pageGap {
            // The levels go into the gap in front of the values: the page is compressed where it lies.
            let start = Self.pageGap - levels.count
            (values.base + start).update(from: levels.base, count: levels.count)
            try chunk.addDataPage(body: UnsafeRawBufferPointer(start: values.base + start, count: values.count - start),
                                  hasLevels: column.nullable, encoding: .plain, valueCount: pageRows, compressor: compressor)
            clearPageValues()
        } else {
            body.removeAll()
            body.append(levels.rawBuffer)
            let encoding = try encodePageValues(into: body)
            try chunk.addDataPage(body: body.rawBuffer, hasLevels: column.nullable, encoding: encoding,
                                  valueCount: pageRows, compressor: compressor)
        }
        definitionLevels.removeAll()
        levelsStored = false
        pageRows = 0
    }

    // MARK: - For subclasses

    /// Encodes and records the non-NULL values among `rows` of the flat `vector`.
    func appendValues(_ vector: Vector, _ rows: Range<Int>) throws { fatalError("subclass") }
    /// Appends `count` copies of the non-NULL value in row 0 of `single` if the subclass can do so without the rows
    /// materialized; false to be given the rows instead.
    func appendRepeated(_ single: Vector, count: Int) throws -> Bool { false }
    /// The page's PLAIN values as bytes `pageGap...` of a buffer whose first `pageGap` bytes are free, when the
    /// subclass keeps them so; nil to be asked for `encodePageValues` instead.
    func gappedPlainValues() -> WriterBuffer<UInt8>? { nil }
    /// Forgets the page values handed out by `gappedPlainValues`.
    func clearPageValues() {}
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
