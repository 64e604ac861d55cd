import PintailCore

/// Cuts a flat (top-level, non-repeated) column's pages into vectors of exactly the requested row counts.
/// Dictionary-encoded byte columns come out in dictionary shape over the chunk's dictionary.
/// With a row selection, rows outside it are passed over (their values skipped, not copied).
struct FlatColumnAssembler {
    var reader: ColumnChunkReader
    let type: DataType
    var page: DecodedPage?
    var rowCursor = 0
    var valueCursor = 0
    var selection: RowSelectionCursor?
    /// Rows of each page the reader delivers when only some pages were read; nil: every page, from row 0.
    private let pageRows: [Range<Int>]?
    private var pageFirstRow = 0
    /// Data pages decoded so far.
    private(set) var pagesRead = 0

    init(reader: ColumnChunkReader, type: DataType, selection: RowSelection? = nil, pageRows: [Range<Int>]? = nil) {
        self.reader = reader
        self.type = type
        self.selection = selection.map(RowSelectionCursor.init)
        self.pageRows = pageRows
    }

    /// With `dictionaryShape`, dictionary-encoded values of any type come out as indices over the dictionary.
    mutating func read(rows: Int, dictionaryShape: Bool = false) throws -> Vector {
        var out = OutputBuilder(type: type, capacity: rows, dictionaryShape: dictionaryShape)
        var need = rows
        while need > 0 {
            let current = try pageWithRowsLeft()
            var n = min(need, current.entryCount - rowCursor)
            if selection != nil, let state = selection?.state(at: pageFirstRow + rowCursor) {
                if !state.selected {
                    let skip = min(state.run, current.entryCount - rowCursor)
                    valueCursor += Self.presentValues(current, rowCursor..<rowCursor + skip, Int32(reader.leaf.maxDefinitionLevel))
                    rowCursor += skip
                    continue
                }
                n = min(n, state.run)
            }
            do {
                valueCursor += try out.append(current, rows: rowCursor..<rowCursor + n, valueStart: valueCursor,
                                              dictionary: reader.dictionary, maxDef: Int32(reader.leaf.maxDefinitionLevel))
            } catch let e as ParquetDecodeError {
                // Values decoded lazily fail here rather than when the page was read: name the column all the same.
                throw reader.error(.corruptPage, "\(e)")
            }
            rowCursor += n
            need -= n
        }
        return out.finish(dictionary: reader.dictionary)
    }

    /// The current page, after moving on to the next one when this one's rows are used up.
    mutating func pageWithRowsLeft() throws -> DecodedPage {
        while true {
            if let current = page, rowCursor < current.entryCount { return current }
            guard let next = try reader.nextPage() else {
                throw reader.error(.corruptPage, "the column chunk holds fewer rows than its row group")
            }
            try start(next)
        }
    }

    /// Makes `next` the current page, placing it at its rows in the row group.
    mutating func start(_ next: DecodedPage) throws {
        if let pageRows {
            guard pagesRead < pageRows.count, next.entryCount == pageRows[pagesRead].count else {
                throw reader.error(.corruptPage, "page \(pagesRead) holds \(next.entryCount) rows, the offset index says \(pagesRead < pageRows.count ? pageRows[pagesRead].count : 0)")
            }
            pageFirstRow = pageRows[pagesRead].lowerBound
        } else if let previous = page {
            pageFirstRow += previous.entryCount
        }
        page = next
        rowCursor = 0
        valueCursor = 0
        pagesRead += 1
    }

    /// Non-NULL values among `rows` of a page.
    static func presentValues(_ page: DecodedPage, _ rows: Range<Int>, _ maxDef: Int32) -> Int {
        guard let defs = page.definitionLevels else { return rows.count }
        return defs.withUnsafeBufferPointer { d in
            var n = 0
            for i in rows where d[i] == maxDef { n += 1 }
            return n
        }
    }
}
