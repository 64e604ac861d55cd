/// One node of the schema tree with its level bookkeeping. Leaves are numbered in file (depth-first) order.
struct SchemaNode: Sendable {
    var element: SchemaElement
    var children: [SchemaNode]
    /// Definition level reached when this node is present (optional and repeated ancestors, itself included).
    var defLevel: Int
    /// Repetition level of this node (repeated ancestors, itself included).
    var repLevel: Int
    /// Leaves under this node: `leafRange` indexes `ParquetSchema.leaves`.
    var leafRange: Range<Int>

    var name: String { element.name }
    var isLeaf: Bool { element.type != nil }
    var isRepeated: Bool { element.repetition == .repeated }
    var isOptional: Bool { element.repetition == .optional }

    var isListAnnotated: Bool {
        element.logicalType == .list || element.convertedType == .list
    }

    var isMapAnnotated: Bool {
        element.logicalType == .map || element.convertedType == .map || element.convertedType == .mapKeyValue
    }

    /// Builds the tree from the flattened schema list (element 0 is the root).
    static func build(_ elements: [SchemaElement]) throws(ParquetDecodeError) -> SchemaNode {
        guard !elements.isEmpty else { throw ParquetDecodeError("the schema is empty") }
        var index = 0
        var leafCount = 0
        let root = try node(elements, &index, &leafCount, parentDef: 0, parentRep: 0, depth: 0, isRoot: true)
        guard index == elements.count else {
            throw ParquetDecodeError("the schema has \(elements.count - index) elements outside the root's children")
        }
        return root
    }

    private static func node(_ elements: [SchemaElement], _ index: inout Int, _ leafCount: inout Int,
                             parentDef: Int, parentRep: Int, depth: Int, isRoot: Bool) throws(ParquetDecodeError) -> SchemaNode {
        guard depth < 64 else { throw ParquetDecodeError("the schema is nested more than 64 levels deep") }
        guard index < elements.count else { throw ParquetDecodeError("the schema ends inside a group") }
        let e = elements[index]
        index += 1
        var def = parentDef, rep = parentRep
        if !isRoot {
            if e.repetition == .optional { def += 1 }
            if e.repetition == .repeated { def += 1; rep += 1 }
        }
        let first = leafCount
        var children: [SchemaNode] = []
        if e.type == nil || isRoot {
            let n = Int(e.numChildren ?? 0)
            guard n >= 0, n <= elements.count - index else {
                throw ParquetDecodeError("schema group \(e.name) claims \(n) children")
            }
            guard n > 0 || isRoot else { throw ParquetDecodeError("schema group \(e.name) has no children") }
            for _ in 0..<n {
                children.append(try node(elements, &index, &leafCount, parentDef: def, parentRep: rep, depth: depth + 1, isRoot: false))
            }
        } else {
            leafCount += 1
        }
        return SchemaNode(element: e, children: children, defLevel: def, repLevel: rep, leafRange: first..<leafCount)
    }
}
