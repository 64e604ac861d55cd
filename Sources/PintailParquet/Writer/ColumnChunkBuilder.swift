import PintailCodecs

/// One finished column chunk: its pages (dictionary page first) and what the footer says about them.
struct FinishedColumnChunk {
    /// The chunk's bytes in file order, as pieces (page headers and compressed bodies) so nothing is concatenated.
    var parts: [[UInt8]]
    /// Length of the leading dictionary page (header included), 0 when there is none.
    var dictionaryPageLength: Int
    var encodings: [WriterEncoding]
    var valueCount: Int64
    var uncompressedSize: Int64
    var compressedSize: Int64
    var statistics: ColumnStatistics
}

/// Collects the compressed pages of one column chunk and their sizes; headers are Thrift-encoded here.
struct ColumnChunkBuilder {
    private var pages: [[UInt8]] = []
    private var pagesSize = 0
    private var encodings: Set<Int32> = []
    private var valueCount: Int64 = 0
    private var uncompressedSize: Int64 = 0

    var hasPages: Bool { !pages.isEmpty }

    /// Adds a DATA_PAGE (v1) whose `body` is the definition levels (length-prefixed, absent when `hasLevels` is
    /// false) followed by the values, encoded with `encoding`.
    mutating func addDataPage(body: UnsafeRawBufferPointer, hasLevels: Bool, encoding: WriterEncoding,
                              valueCount count: Int, compressor: BlockCompressor) throws {
        let compressed = try compressor.compress(body)
        var header = ThriftCompactEncoder()
        header.beginStruct()
        header.i32(1, 0)  // DATA_PAGE
        header.i32(2, try pageSize(body.count))
        header.i32(3, try pageSize(compressed.count))
        header.beginStructField(5)
        header.i32(1, Int32(count))
        header.i32(2, encoding.rawValue)
        header.i32(3, WriterEncoding.rle.rawValue)
        header.i32(4, WriterEncoding.rle.rawValue)
        header.endStruct()
        header.endStruct()
        pages.append(header.bytes)
        pages.append(compressed)
        pagesSize += header.bytes.count + compressed.count
        encodings.insert(encoding.rawValue)
        if hasLevels { encodings.insert(WriterEncoding.rle.rawValue) }
        valueCount += Int64(count)
        uncompressedSize += Int64(header.bytes.count + body.count)
    }

    /// Puts the dictionary page (PLAIN `values`, `count` entries) in front of the data pages and resets the builder.
    mutating func finish(dictionary: (values: [UInt8], count: Int)?, statistics: ColumnStatistics,
                         compressor: BlockCompressor) throws -> FinishedColumnChunk {
        var parts: [[UInt8]] = []
        var dictionaryLength = 0
        var uncompressed = uncompressedSize
        if let dictionary {
            let compressed = try compressor.compress(dictionary.values)
            var header = ThriftCompactEncoder()
            header.beginStruct()
            header.i32(1, 2)  // DICTIONARY_PAGE
            header.i32(2, try pageSize(dictionary.values.count))
            header.i32(3, try pageSize(compressed.count))
            header.beginStructField(7)
            header.i32(1, Int32(dictionary.count))
            header.i32(2, WriterEncoding.plain.rawValue)
            header.endStruct()
            header.endStruct()
            parts.append(header.bytes)
            parts.append(compressed)
            dictionaryLength = header.bytes.count + compressed.count
            uncompressed += Int64(header.bytes.count + dictionary.values.count)
            encodings.insert(WriterEncoding.plain.rawValue)
        }
        parts.append(contentsOf: pages)
        let chunk = FinishedColumnChunk(
            parts: parts, dictionaryPageLength: dictionaryLength,
            encodings: encodings.sorted().compactMap { WriterEncoding(rawValue: $0) },
            valueCount: valueCount, uncompressedSize: uncompressed, compressedSize: Int64(dictionaryLength + pagesSize),
            statistics: statistics)
        self = ColumnChunkBuilder()
        return chunk
    }

    private func pageSize(_ n: Int) throws -> Int32 {
        guard let size = Int32(exactly: n) else {
            throw ParquetWriteError.schemaMismatch("a page of \(n) bytes exceeds Parquet's 2 GiB page limit")
        }
        return size
    }
}
