import PintailCodecs
import PintailCore

/// Reads one row group in batches of at most `batchSize` rows. The projected column chunks are read from disk
/// when the reader is made; pages are decoded as batches are taken. Use from one thread; make one per row group.
public final class ParquetBatchReader {
    public let rowGroup: Int
    /// Top-level field indices, in the order of the batch's columns.
    public let columns: [Int]
    public let batchSize: Int
    var rowsLeft: Int
    var flat: [Int: FlatColumnAssembler] = [:]
    var nested: [Int: NestedColumnAssembler] = [:]
    let path: String
    /// Data pages never read because no selected row lies in them (see `ParquetFile.readRowGroup(_:columns:rows:)`).
    public private(set) var pagesSkipped = 0
    /// Data pages decoded so far.
    public var pagesRead: Int { flat.values.reduce(0) { $0 + $1.pagesRead } + nested.values.reduce(0) { $0 + $1.pagesRead } }

    init(file: ParquetFile, rowGroup: Int, columns: [Int], batchSize: Int, rows selection: RowSelection? = nil,
         offsetIndexes: [Int: OffsetIndex] = [:]) throws {
        self.rowGroup = rowGroup
        self.columns = columns
        self.batchSize = batchSize
        self.path = file.path
        let group = file.metadata.rowGroups[rowGroup]
        rowsLeft = selection?.rowCount ?? Int(group.numRows)
        for (position, index) in columns.enumerated() {
            let field = file.schema.fields[index]
            if let reason = field.unsupportedReason {
                throw ParquetError(.unsupported, file: file.path, column: field.name, reason)
            }
            // With a selection, a flat column with an offset index reads only the pages holding selected rows.
            if field.isFlat, let selection, let offsets = try offsetIndexes[field.leafRange.lowerBound]
                ?? file.offsetIndex(rowGroup: rowGroup, leaf: field.leafRange.lowerBound) {
                let pages = try file.selectedPages(rowGroup: rowGroup, leaf: field.leafRange.lowerBound, keepDictionary: true,
                                                   rows: selection, offsetIndex: offsets)
                pagesSkipped += pages.pagesSkipped
                flat[position] = FlatColumnAssembler(reader: pages.reader, type: field.type, selection: selection, pageRows: pages.pageRows)
                continue
            }
            var readers: [ColumnChunkReader] = []
            for leafIndex in field.leafRange {
                readers.append(try file.chunkReader(rowGroup: rowGroup, leaf: leafIndex, keepDictionary: field.isFlat))
            }
            if field.isFlat {
                flat[position] = FlatColumnAssembler(reader: readers[0], type: field.type, selection: selection)
            } else {
                let node = file.schema.root.children[index]
                nested[position] = NestedColumnAssembler(field: field, node: node, readers: readers,
                                                         expectedRows: Int(group.numRows), selection: selection)
            }
        }
    }

    /// The next batch, or nil when the row group is exhausted.
    public func next() throws -> Batch? {
        guard rowsLeft > 0 else { return nil }
        let n = min(batchSize, rowsLeft)
        var vectors: [Vector] = []
        vectors.reserveCapacity(columns.count)
        for position in columns.indices {
            let v: Vector
            if var a = flat[position] {
                flat[position] = nil
                defer { flat[position] = a }
                v = try wrap { try a.read(rows: n) }
            } else if var a = nested[position] {
                nested[position] = nil
                defer { nested[position] = a }
                v = try wrap { try a.read(rows: n) }
            } else {
                continue
            }
            vectors.append(v)
        }
        rowsLeft -= n
        return Batch(columns: vectors, count: n)
    }

    /// Every remaining batch.
    public func readAll() throws -> [Batch] {
        var out: [Batch] = []
        while let b = try next() { out.append(b) }
        return out
    }

    func wrap(_ body: () throws -> Vector) throws -> Vector {
        do { return try body() } catch let e as ParquetError { throw e } catch {
            throw ParquetError(.corruptPage, file: path, "\(error)")
        }
    }
}

extension ParquetFile {
    /// A batch reader over row group `index` for the top-level fields `columns` (indices into `schema.fields`).
    /// With `rows`, only the selected rows come out, and flat columns with an offset index read only the pages that
    /// hold them (`offsetIndexes`, by leaf, are indexes already read).
    public func readRowGroup(_ index: Int, columns: [Int], batchSize: Int = Batch.preferredSize, rows: RowSelection? = nil,
                             offsetIndexes: [Int: OffsetIndex] = [:]) throws -> ParquetBatchReader {
        guard index >= 0, index < metadata.rowGroups.count else {
            throw ParquetError(.invalidArgument, file: path, "row group \(index) does not exist (\(metadata.rowGroups.count) row groups)")
        }
        guard batchSize > 0 else { throw ParquetError(.invalidArgument, file: path, "batch size must be positive") }
        for c in columns where c < 0 || c >= schema.fields.count {
            throw ParquetError(.invalidArgument, file: path, "column \(c) does not exist (\(schema.fields.count) columns)")
        }
        if let rows, let last = rows.ranges.last, rows.ranges[0].lowerBound < 0 || last.upperBound > Int(metadata.rowGroups[index].numRows) {
            throw ParquetError(.invalidArgument, file: path, "row selection \(rows.ranges) exceeds row group \(index)'s \(metadata.rowGroups[index].numRows) rows")
        }
        return try ParquetBatchReader(file: self, rowGroup: index, columns: columns, batchSize: batchSize, rows: rows,
                                      offsetIndexes: offsetIndexes)
    }

    /// The chunk's metadata and codec, once they are known to be readable here: present, in this file, of the
    /// schema's physical type, with a supported codec.
    func readableChunk(rowGroup: Int, leaf leafIndex: Int) throws -> (ColumnMetaData, CompressionCodec) {
        let leaf = schema.leaves[leafIndex]
        let chunk = metadata.rowGroups[rowGroup].columns[leafIndex]
        func fail(_ kind: ParquetError.Kind, _ message: String) -> ParquetError {
            ParquetError(kind, file: path, column: leaf.dottedPath, message)
        }
        guard let meta = chunk.metaData else { throw fail(.corruptMetadata, "missing column metadata") }
        guard chunk.filePath == nil else { throw fail(.unsupported, "column chunk stored in another file (\(chunk.filePath ?? ""))") }
        guard meta.type == leaf.physicalType else {
            throw fail(.corruptMetadata, "chunk type \(meta.type) differs from the schema's \(leaf.physicalType)")
        }
        guard let codec = meta.codec else { throw fail(.unsupported, "unknown compression codec \(meta.codecID)") }
        guard codec != .lzo else { throw fail(.unsupported, "LZO compression is not supported") }
        return (meta, codec)
    }

    /// Reads a leaf's column chunk from disk and prepares its page reader.
    func chunkReader(rowGroup: Int, leaf leafIndex: Int, keepDictionary: Bool) throws -> ColumnChunkReader {
        let leaf = schema.leaves[leafIndex]
        func fail(_ kind: ParquetError.Kind, _ message: String) -> ParquetError {
            ParquetError(kind, file: path, column: leaf.dottedPath, message)
        }
        if let error = leaf.typeError { throw fail(.unsupported, error) }
        let (meta, codec) = try readableChunk(rowGroup: rowGroup, leaf: leafIndex)
        var start = Int(meta.dataPageOffset)
        if let dict = meta.dictionaryPageOffset, dict > 0, dict < meta.dataPageOffset { start = Int(dict) }
        var length = Int(meta.totalCompressedSize)
        let footerStart = fileSize - 8
        if meta.numValues == 0 || metadata.rowGroups[rowGroup].numRows == 0 {
            // Nothing to decode: writers leave offsets of empty chunks unset.
            return ColumnChunkReader(leaf: leaf, codec: codec, chunk: [], totalValues: 0, file: path,
                                     verifyChecksums: false, keepDictionary: false)
        }
        guard start >= 4, length >= 0, start < fileSize, length <= fileSize - start else {
            throw fail(.corruptMetadata, "column chunk at offset \(start) of \(length) bytes lies outside the \(fileSize)-byte file")
        }
        // Old parquet-mr wrote a too-small total_compressed_size for chunks with a dictionary (PARQUET-816).
        if writtenByOldParquetMR { length += min(100, footerStart - (start + length)) }
        let bytes = try readBytes(offset: start, count: max(0, length))
        return ColumnChunkReader(leaf: leaf, codec: codec, chunk: bytes, totalValues: meta.numValues, file: path,
                                 verifyChecksums: options.verifyChecksums,
                                 keepDictionary: keepDictionary && leaf.type.physical == .bytes && leaf.conversion == .none)
    }

    private var writtenByOldParquetMR: Bool {
        guard let createdBy = metadata.createdBy, createdBy.hasPrefix("parquet-mr") else { return false }
        // No version at all counts as old, as in Arrow's writer-version check.
        let version = createdBy.dropFirst("parquet-mr version ".count).prefix { $0.isNumber || $0 == "." }
        let parts = version.split(separator: ".").compactMap { Int($0) }
        guard parts.count >= 3 else { return true }
        return (parts[0], parts[1], parts[2]) < (1, 2, 9)
    }
}
