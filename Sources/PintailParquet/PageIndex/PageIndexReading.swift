import PintailCore

/// One data page's rows and what its column index entry says about them, decoded like footer statistics.
public struct PageStatistics: Sendable, Equatable {
    /// Rows of the page within its row group.
    public var rows: Range<Int>
    /// Bounds in the leaf's SQL type; `valueCount` is the page's row count.
    public var statistics: ColumnChunkStatistics
}

extension ParquetFile {
    /// Largest page index accepted, in bytes (an index is a few bytes per page).
    static let maxPageIndexSize = 64 << 20

    /// True when the chunk's footer entry points at both a column index and an offset index.
    public func hasPageIndex(rowGroup: Int, leaf: Int) -> Bool {
        guard let chunk = chunkEntry(rowGroup: rowGroup, leaf: leaf) else { return false }
        return chunk.columnIndexOffset != nil && chunk.columnIndexLength != nil
            && chunk.offsetIndexOffset != nil && chunk.offsetIndexLength != nil
    }

    /// The chunk's offset index, read from the file and checked against the chunk; nil when the file has none.
    public func offsetIndex(rowGroup: Int, leaf: Int) throws -> OffsetIndex? {
        guard let chunk = chunkEntry(rowGroup: rowGroup, leaf: leaf),
              let offset = chunk.offsetIndexOffset, let length = chunk.offsetIndexLength else { return nil }
        let rows = Int(metadata.rowGroups[rowGroup].numRows)
        let index = try decodeIndex(offset, length, rowGroup: rowGroup, leaf: leaf, what: "offset index") { d throws(ThriftError) in
            try OffsetIndex.decode(&d, rowGroupRows: rows)
        }
        try validate(index, rowGroup: rowGroup, leaf: leaf)
        return index
    }

    /// The chunk's column index, read from the file; nil when the file has none.
    public func columnIndex(rowGroup: Int, leaf: Int) throws -> ColumnIndex? {
        guard let chunk = chunkEntry(rowGroup: rowGroup, leaf: leaf),
              let offset = chunk.columnIndexOffset, let length = chunk.columnIndexLength else { return nil }
        let index = try decodeIndex(offset, length, rowGroup: rowGroup, leaf: leaf, what: "column index") { d throws(ThriftError) in
            try ColumnIndex.decode(&d)
        }
        let n = index.nullPages.count
        guard index.minValues.count == n, index.maxValues.count == n, index.nullCounts.map({ $0.count == n }) ?? true else {
            throw pageIndexError(rowGroup, leaf, "column index lists differ in length (\(n) null_pages, \(index.minValues.count) min_values, \(index.maxValues.count) max_values)")
        }
        return index
    }

    /// Per-page statistics of a flat leaf from its column and offset indexes, with the footer statistics' rules
    /// for what is trusted (sort order per type, column orders, writer bugs); nil when the chunk has no page index
    /// or the leaf is repeated. Pass an offset index already read to avoid reading it again.
    public func pageStatistics(rowGroup: Int, leaf: Int, offsetIndex known: OffsetIndex? = nil) throws -> [PageStatistics]? {
        guard schema.leaves.indices.contains(leaf), schema.leaves[leaf].maxRepetitionLevel == 0,
              hasPageIndex(rowGroup: rowGroup, leaf: leaf),
              let offsets = try known ?? offsetIndex(rowGroup: rowGroup, leaf: leaf),
              let columns = try columnIndex(rowGroup: rowGroup, leaf: leaf) else { return nil }
        guard columns.nullPages.count == offsets.pageCount else {
            throw pageIndexError(rowGroup, leaf, "column index has \(columns.nullPages.count) pages, offset index \(offsets.pageCount)")
        }
        let order = metadata.columnOrders.map { orders in leaf < orders.count ? orders[leaf] : false }
        let writer = WriterVersion(createdBy: metadata.createdBy)
        let leafInfo = schema.leaves[leaf]
        return (0..<offsets.pageCount).map { page in
            let rows = offsets.rows(ofPage: page)
            var raw = Statistics()
            raw.nullCount = columns.nullCounts?[page]
            if columns.nullPages[page] {
                raw.nullCount = Int64(rows.count)
            } else {
                raw.minValue = columns.minValues[page]
                raw.maxValue = columns.maxValues[page]
            }
            let s = StatisticsDecoder.decode(raw, leaf: leafInfo, valueCount: Int64(rows.count), typeDefinedOrder: order, writer: writer)
            return PageStatistics(rows: rows, statistics: s)
        }
    }

    private func chunkEntry(rowGroup: Int, leaf: Int) -> ColumnChunkMetaData? {
        guard metadata.rowGroups.indices.contains(rowGroup), metadata.rowGroups[rowGroup].columns.indices.contains(leaf) else {
            return nil
        }
        return metadata.rowGroups[rowGroup].columns[leaf]
    }

    func pageIndexError(_ rowGroup: Int, _ leaf: Int, _ message: String) -> ParquetError {
        let column = schema.leaves.indices.contains(leaf) ? schema.leaves[leaf].dottedPath : "#\(leaf)"
        return ParquetError(.corruptMetadata, file: path, column: column, "row group \(rowGroup): \(message)")
    }

    private func decodeIndex<T>(_ offset: Int64, _ length: Int32, rowGroup: Int, leaf: Int, what: String,
                                _ decode: (inout ThriftCompactDecoder) throws(ThriftError) -> T) throws -> T {
        guard offset >= 4, length > 0, length <= Self.maxPageIndexSize, offset <= Int64(fileSize) - 8,
              Int64(length) <= Int64(fileSize) - 8 - offset else {
            throw pageIndexError(rowGroup, leaf, "\(what) at offset \(offset) of \(length) bytes lies outside the \(fileSize)-byte file")
        }
        let bytes = try readBytes(offset: Int(offset), count: Int(length))
        do {
            return try bytes.withUnsafeBytes { raw throws(ThriftError) in
                var d = ThriftCompactDecoder(raw)
                return try decode(&d)
            }
        } catch {
            throw pageIndexError(rowGroup, leaf, "corrupt \(what): \(error)")
        }
    }

    /// Pages must start at row 0, in increasing rows below the group's count, in increasing non-overlapping byte
    /// ranges inside the column chunk: otherwise skipping pages by this index could drop or repeat rows.
    private func validate(_ index: OffsetIndex, rowGroup: Int, leaf: Int) throws {
        let rows = Int64(index.rowGroupRows)
        guard let meta = metadata.rowGroups[rowGroup].columns[leaf].metaData else {
            throw pageIndexError(rowGroup, leaf, "offset index for a chunk without metadata")
        }
        var chunkStart = meta.dataPageOffset
        if let dict = meta.dictionaryPageOffset, dict > 0, dict < chunkStart { chunkStart = dict }
        let (chunkEnd, overflow) = chunkStart.addingReportingOverflow(meta.totalCompressedSize)
        guard !overflow else { throw pageIndexError(rowGroup, leaf, "column chunk size overflows") }
        if rows == 0 { return }
        guard let first = index.pageLocations.first, first.firstRowIndex == 0 else {
            throw pageIndexError(rowGroup, leaf, "offset index does not start at row 0")
        }
        var previousEnd = chunkStart
        var previousRow: Int64 = -1
        for (p, location) in index.pageLocations.enumerated() {
            guard location.firstRowIndex > previousRow, location.firstRowIndex < rows else {
                throw pageIndexError(rowGroup, leaf, "offset index page \(p) starts at row \(location.firstRowIndex) (previous \(previousRow), \(rows) rows)")
            }
            guard location.compressedPageSize > 0, location.offset >= previousEnd,
                  Int64(location.compressedPageSize) <= chunkEnd - location.offset else {
                throw pageIndexError(rowGroup, leaf, "offset index page \(p) at offset \(location.offset) of \(location.compressedPageSize) bytes lies outside its column chunk (\(chunkStart)..<\(chunkEnd)) or overlaps the previous page")
            }
            previousRow = location.firstRowIndex
            previousEnd = location.offset + Int64(location.compressedPageSize)
        }
    }
}
