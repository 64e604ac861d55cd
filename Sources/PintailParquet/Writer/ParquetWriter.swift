import PintailCodecs
import PintailCore

/// Options for `ParquetWriter`.
public struct ParquetWriteOptions: Sendable {
    public var codec: CompressionCodec
    /// Codec level (zstd, gzip, brotli); nil for the codec's default.
    public var compressionLevel: Int?
    /// Rows per row group.
    public var rowGroupRows: Int
    /// Target size of a data page before compression.
    public var pageBytes: Int
    /// A column chunk falls back from dictionary to PLAIN encoding once its dictionary passes this size.
    public var dictionaryPageBytes: Int
    public var dictionaryEnabled: Bool
    /// Columns written PLAIN from the first page, without trying a dictionary: for values that are nearly all
    /// distinct (ids, free text), where building one only to drop it costs time.
    public var plainColumns: Set<String>
    public var createdBy: String
    public var keyValueMetadata: [String: String]

    public init(codec: CompressionCodec = .zstd, compressionLevel: Int? = nil, rowGroupRows: Int = 128 * 1024,
                pageBytes: Int = 1 << 20, dictionaryPageBytes: Int = 1 << 20, dictionaryEnabled: Bool = true,
                plainColumns: Set<String> = [], createdBy: String = "pintail version 0.1",
                keyValueMetadata: [String: String] = [:]) {
        self.codec = codec
        self.compressionLevel = compressionLevel
        self.rowGroupRows = rowGroupRows
        self.pageBytes = pageBytes
        self.dictionaryPageBytes = dictionaryPageBytes
        self.dictionaryEnabled = dictionaryEnabled
        self.plainColumns = plainColumns
        self.createdBy = createdBy
        self.keyValueMetadata = keyValueMetadata
    }
}

/// What a finished file holds.
public struct ParquetWriteSummary: Sendable {
    public var rows: Int64
    public var rowGroups: Int
    public var bytes: Int64
}

/// Writes one Parquet file from batches: `write` any number of batches, then `close()` to write the footer.
/// Row groups are buffered in memory (compressed) and written when full. Not thread-safe; one writer per file.
public final class ParquetWriter {
    public let path: String
    public let columns: [ParquetColumn]
    public let options: ParquetWriteOptions
    private let layouts: [WriterColumnLayout]
    private let writers: [ColumnWriter]
    private let output: FileOutput
    private var rowGroups: [WrittenRowGroup] = []
    private var rowsInGroup = 0
    private var isClosed = false

    private static let magic: [UInt8] = Array("PAR1".utf8)

    /// Creates (or truncates) the file at `path` and writes the leading magic bytes.
    public init(path: String, columns: [ParquetColumn], options: ParquetWriteOptions = ParquetWriteOptions()) throws {
        guard !columns.isEmpty else { throw ParquetWriteError.schemaMismatch("a Parquet file needs at least one column") }
        guard options.rowGroupRows > 0, options.pageBytes > 0 else {
            throw ParquetWriteError.schemaMismatch("row group rows and page bytes must be positive")
        }
        var seen = Set<String>()
        for column in columns where !seen.insert(column.name).inserted {
            throw ParquetWriteError.schemaMismatch("duplicate column name '\(column.name)'")
        }
        self.path = path
        self.columns = columns
        self.options = options
        let layouts = try columns.map { try WriterColumnLayout.of($0.type, column: $0.name) }
        self.layouts = layouts
        let compressor = try BlockCompressor(codec: options.codec, level: options.compressionLevel)
        let settings = ColumnWriterSettings(pageBytes: options.pageBytes, dictionaryPageBytes: options.dictionaryPageBytes,
                                            dictionaryEnabled: options.dictionaryEnabled)
        writers = zip(columns, layouts).map { column, layout in
            var columnSettings = settings
            if options.plainColumns.contains(column.name) { columnSettings.dictionaryEnabled = false }
            return Self.makeWriter(column, layout, columnSettings, compressor)
        }
        output = try FileOutput(path: path)
        try output.write(Self.magic)
    }

    private static func makeWriter(_ column: ParquetColumn, _ layout: WriterColumnLayout, _ settings: ColumnWriterSettings,
                                   _ compressor: BlockCompressor) -> ColumnWriter {
        switch layout.physical {
        case .boolean: return BooleanColumnWriter(column: column, layout: layout, settings: settings, compressor: compressor)
        case .int32: return FixedWidthColumnWriter<Int32>(column: column, layout: layout, settings: settings, compressor: compressor)
        case .int64: return FixedWidthColumnWriter<Int64>(column: column, layout: layout, settings: settings, compressor: compressor)
        case .float: return FixedWidthColumnWriter<Float>(column: column, layout: layout, settings: settings, compressor: compressor)
        case .double: return FixedWidthColumnWriter<Double>(column: column, layout: layout, settings: settings, compressor: compressor)
        case .byteArray, .fixedLenByteArray:
            return ByteArrayColumnWriter(column: column, layout: layout, settings: settings, compressor: compressor)
        }
    }

    /// Appends the rows of `batch`, whose columns match `columns` in order and type.
    public func write(_ batch: Batch) throws {
        guard !isClosed else { throw ParquetWriteError.closed }
        guard batch.columns.count == columns.count else {
            throw ParquetWriteError.schemaMismatch("batch has \(batch.columns.count) columns, the file \(columns.count)")
        }
        for (vector, column) in zip(batch.columns, columns) {
            guard vector.type.physical == column.type.physical, vector.count >= batch.count else {
                throw ParquetWriteError.schemaMismatch(
                    "column '\(column.name)' is \(column.type) but the batch holds \(vector.type) (\(vector.count) rows)")
            }
        }
        var start = 0
        while start < batch.count {
            let end = min(batch.count, start + options.rowGroupRows - rowsInGroup)
            for (vector, writer) in zip(batch.columns, writers) { try writer.append(vector, rows: start..<end) }
            rowsInGroup += end - start
            start = end
            if rowsInGroup >= options.rowGroupRows { try flushRowGroup() }
        }
    }

    /// Writes the last row group and the footer, then closes the file.
    @discardableResult
    public func close() throws -> ParquetWriteSummary {
        guard !isClosed else { throw ParquetWriteError.closed }
        isClosed = true
        if rowsInGroup > 0 { try flushRowGroup() }
        let footer = FooterEncoder.encode(
            columns: columns, layouts: layouts, rowGroups: rowGroups, codec: options.codec,
            createdBy: options.createdBy, keyValues: options.keyValueMetadata.sorted { $0.key < $1.key })
        try output.write(footer)
        let length = UInt32(footer.count)
        try output.write([UInt8(truncatingIfNeeded: length), UInt8(truncatingIfNeeded: length >> 8),
                          UInt8(truncatingIfNeeded: length >> 16), UInt8(truncatingIfNeeded: length >> 24)])
        try output.write(Self.magic)
        try output.close()
        return ParquetWriteSummary(rows: rowGroups.reduce(0) { $0 + $1.rowCount }, rowGroups: rowGroups.count,
                                   bytes: output.position)
    }

    private func flushRowGroup() throws {
        let groupOffset = output.position
        var chunks: [WrittenColumnChunk] = []
        for writer in writers {
            let chunk = try writer.finishChunk()
            chunks.append(WrittenColumnChunk(fileOffset: output.position, chunk: chunk))
            for part in chunk.parts { try output.write(part) }
        }
        rowGroups.append(WrittenRowGroup(fileOffset: groupOffset, rowCount: Int64(rowsInGroup), columns: chunks))
        rowsInGroup = 0
    }
}
