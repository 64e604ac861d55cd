/// The pages of one flat leaf that a row selection needs, read from disk: the dictionary page (if any) and the data
/// pages overlapping the selection, back to back, so that `ColumnChunkReader` walks them as if they were the chunk.
struct SelectedPages {
    var reader: ColumnChunkReader
    /// Rows (within the row group) of each data page the reader delivers, in order.
    var pageRows: [Range<Int>]
    var pagesSkipped: Int
}

extension ParquetFile {
    /// Reads only the pages of `leaf` that hold selected rows; bytes of the other pages are never read.
    func selectedPages(rowGroup: Int, leaf leafIndex: Int, keepDictionary: Bool, rows: RowSelection,
                       offsetIndex: OffsetIndex) throws -> SelectedPages {
        let leaf = schema.leaves[leafIndex]
        func fail(_ kind: ParquetError.Kind, _ message: String) -> ParquetError {
            ParquetError(kind, file: path, column: leaf.dottedPath, message)
        }
        if let error = leaf.typeError { throw fail(.unsupported, error) }
        guard leaf.maxRepetitionLevel == 0 else { throw fail(.invalidArgument, "pages of a repeated column cannot be selected by row") }
        let (meta, codec) = try readableChunk(rowGroup: rowGroup, leaf: leafIndex)

        var pageRows: [Range<Int>] = []
        var spans: [Range<Int>] = []  // byte ranges to read, adjacent ones merged
        func add(_ span: Range<Int>) {
            if let last = spans.last, last.upperBound == span.lowerBound {
                spans[spans.count - 1] = last.lowerBound..<span.upperBound
            } else if !span.isEmpty {
                spans.append(span)
            }
        }
        // Whatever precedes the first data page in the chunk is the dictionary page (or index pages, which the
        // reader passes over).
        var chunkStart = Int(meta.dataPageOffset)
        if let dict = meta.dictionaryPageOffset, dict > 0, dict < meta.dataPageOffset { chunkStart = Int(dict) }
        if let first = offsetIndex.pageLocations.first, Int(first.offset) > chunkStart {
            add(chunkStart..<Int(first.offset))
        }
        for page in 0..<offsetIndex.pageCount {
            let pageSpan = offsetIndex.rows(ofPage: page)
            guard rows.overlaps(pageSpan) else { continue }
            let location = offsetIndex.pageLocations[page]
            pageRows.append(pageSpan)
            add(Int(location.offset)..<Int(location.offset) + Int(location.compressedPageSize))
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(spans.reduce(0) { $0 + $1.count })
        for span in spans { bytes += try readBytes(offset: span.lowerBound, count: span.count) }
        let values = pageRows.reduce(0) { $0 + $1.count }
        let reader = ColumnChunkReader(leaf: leaf, codec: codec, chunk: bytes, totalValues: Int64(values), file: path,
                                       verifyChecksums: options.verifyChecksums,
                                       keepDictionary: keepDictionary && leaf.type.physical == .bytes && leaf.conversion == .none)
        return SelectedPages(reader: reader, pageRows: pageRows, pagesSkipped: offsetIndex.pageCount - pageRows.count)
    }
}
