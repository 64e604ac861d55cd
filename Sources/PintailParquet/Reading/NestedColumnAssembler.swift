import PintailCore

/// Reads a nested column (LIST, MAP, STRUCT, repeated fields): all pages of its leaves are decoded, records are
/// assembled from repetition and definition levels (Dremel), then served in batches. Not a hot path.
struct NestedColumnAssembler {
    private let field: ParquetField
    private let node: SchemaNode
    private var readers: [ColumnChunkReader]
    private var rows: [Value]?
    private var cursor = 0
    private let expectedRows: Int
    /// Rows to serve; nil serves every row.
    private let selection: RowSelection?
    private(set) var pagesRead = 0

    init(field: ParquetField, node: SchemaNode, readers: [ColumnChunkReader], expectedRows: Int, selection: RowSelection? = nil) {
        self.field = field
        self.node = node
        self.readers = readers
        self.expectedRows = expectedRows
        self.selection = selection
    }

    mutating func read(rows count: Int) throws -> Vector {
        if rows == nil {
            let all = try assembleAll()
            rows = selection.map { s in s.ranges.flatMap { all[$0] } } ?? all
        }
        guard let all = rows, cursor + count <= all.count else {
            throw ParquetError(.corruptPage, file: readers.first?.file ?? "", column: field.name,
                               "the column holds fewer rows than its row group")
        }
        var builder = VectorBuilder(type: field.type, capacity: count)
        for i in cursor..<cursor + count { builder.append(all[i]) }
        cursor += count
        return builder.finish()
    }

    private mutating func assembleAll() throws -> [Value] {
        var perLeaf: [[Value]] = []
        for i in readers.indices {
            let chain = Self.chain(to: field.leafRange.lowerBound + i, from: node)
            var levels = LeafLevels()
            while let page = try readers[i].nextPage() {
                try levels.append(page, leaf: readers[i].leaf)
                pagesRead += 1
            }
            var assembler = LeafRecordAssembler(chain: chain, levels: levels, leafType: readers[i].leaf.type)
            do {
                perLeaf.append(try assembler.records())
            } catch {
                throw readers[i].error(.corruptPage, "\(error)")
            }
            guard perLeaf[i].count == expectedRows else {
                throw readers[i].error(.corruptPage, "holds \(perLeaf[i].count) records, the row group has \(expectedRows)")
            }
        }
        var out: [Value] = []
        out.reserveCapacity(expectedRows)
        do {
            for r in 0..<expectedRows {
                let generic = try GenericMerge.mergeField(node, perLeaf.map { $0[r] }, leafBase: field.leafRange.lowerBound)
                out.append(try NestedTypes.fieldValue(node, generic))
            }
        } catch {
            throw ParquetError(.corruptPage, file: readers.first?.file ?? "", column: field.name, "\(error)")
        }
        return out
    }

    /// Nodes from the top-level field down to leaf `leafIndex`.
    static func chain(to leafIndex: Int, from top: SchemaNode) -> [SchemaNode] {
        var chain = [top]
        var current = top
        while !current.isLeaf {
            guard let next = current.children.first(where: { $0.leafRange.contains(leafIndex) }) else { break }
            chain.append(next)
            current = next
        }
        return chain
    }
}

/// Concatenated levels and values of all pages of one leaf.
struct LeafLevels {
    var defs: [Int32] = []
    var reps: [Int32] = []
    var values: [Vector] = []
    var count = 0

    mutating func append(_ page: DecodedPage, leaf: ParquetLeaf) throws {
        defs += page.definitionLevels ?? [Int32](repeating: Int32(leaf.maxDefinitionLevel), count: page.entryCount)
        reps += page.repetitionLevels ?? [Int32](repeating: 0, count: page.entryCount)
        count += page.entryCount
        guard let storage = page.values else { throw ParquetDecodeError("nested column page without values") }
        values.append(Vector(type: leaf.type, count: storage.count, storage: storage))
    }
}
