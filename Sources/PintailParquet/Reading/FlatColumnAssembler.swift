import PintailCore

/// Cuts a flat (top-level, non-repeated) column's pages into vectors of exactly the requested row counts.
/// Dictionary-encoded byte columns come out in dictionary shape over the chunk's dictionary.
struct FlatColumnAssembler {
    private var reader: ColumnChunkReader
    private let type: DataType
    private var page: DecodedPage?
    private var rowCursor = 0
    private var valueCursor = 0

    init(reader: ColumnChunkReader, type: DataType) {
        self.reader = reader
        self.type = type
    }

    mutating func read(rows: Int) throws -> Vector {
        var out = OutputBuilder(type: type, capacity: rows)
        var need = rows
        while need > 0 {
            if page == nil || rowCursor == page!.entryCount {
                guard let next = try reader.nextPage() else {
                    throw reader.error(.corruptPage, "the column chunk holds fewer rows than its row group")
                }
                page = next
                rowCursor = 0
                valueCursor = 0
                continue
            }
            guard let current = page else { break }
            let n = min(need, current.entryCount - rowCursor)
            valueCursor += try out.append(current, rows: rowCursor..<rowCursor + n, valueStart: valueCursor,
                                          dictionary: reader.dictionary, maxDef: Int32(reader.leaf.maxDefinitionLevel))
            rowCursor += n
            need -= n
        }
        return out.finish(dictionary: reader.dictionary)
    }
}
