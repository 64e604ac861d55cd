import PintailCore

/// A top-level column of a Parquet file as the engine sees it.
public struct ParquetField: Sendable {
    public var name: String
    /// The SQL type; `.unknown` when `unsupportedReason` is set.
    public var type: DataType
    /// Leaf columns under this field (indexes of `ParquetSchema.leaves`), in file order.
    public var leafRange: Range<Int>
    /// True for a single primitive leaf that is not repeated (the fast path).
    public var isFlat: Bool
    /// Why the column cannot be read; reading it throws, other columns still read.
    public var unsupportedReason: String?
}

/// A primitive (leaf) column of the file.
public struct ParquetLeaf: Sendable {
    public var path: [String]
    public var physicalType: ParquetPhysicalType
    public var typeLength: Int
    public var maxDefinitionLevel: Int
    public var maxRepetitionLevel: Int
    /// SQL type of the values; `.unknown` when `typeError` is set.
    public var type: DataType
    public var element: SchemaElement
    var conversion: LeafConversion
    var typeError: String?

    public var dottedPath: String { path.joined(separator: ".") }
}

/// The schema of a Parquet file: top-level fields and leaf columns.
public struct ParquetSchema: Sendable {
    public let fields: [ParquetField]
    public let leaves: [ParquetLeaf]
    let root: SchemaNode

    init(_ elements: [SchemaElement]) throws(ParquetDecodeError) {
        root = try SchemaNode.build(elements)
        var leaves: [ParquetLeaf] = []
        for child in root.children { Self.collectLeaves(child, path: [], into: &leaves) }
        self.leaves = leaves
        fields = root.children.map { node -> ParquetField in
            do throws(ParquetDecodeError) {
                let type = try NestedTypes.dataType(of: node, leaves: leaves)
                let flat = node.isLeaf && !node.isRepeated
                return ParquetField(name: node.name, type: type, leafRange: node.leafRange, isFlat: flat, unsupportedReason: nil)
            } catch {
                return ParquetField(name: node.name, type: .unknown, leafRange: node.leafRange, isFlat: false,
                                    unsupportedReason: error.message)
            }
        }
    }

    /// The index of the top-level field named `name` (exact match first, then case-insensitive as Hive does).
    public func fieldIndex(named name: String) -> Int? {
        fields.firstIndex { $0.name == name } ?? fields.firstIndex { $0.name.lowercased() == name.lowercased() }
    }

    private static func collectLeaves(_ node: SchemaNode, path: [String], into leaves: inout [ParquetLeaf]) {
        if node.isLeaf, let physical = node.element.type {
            var leaf = ParquetLeaf(path: path + [node.name], physicalType: physical,
                                   typeLength: Int(node.element.typeLength ?? 0), maxDefinitionLevel: node.defLevel,
                                   maxRepetitionLevel: node.repLevel, type: .unknown, element: node.element,
                                   conversion: .none, typeError: nil)
            do throws(ParquetDecodeError) {
                (leaf.type, leaf.conversion) = try LeafTypeMapping.map(node.element)
            } catch {
                leaf.typeError = error.message
            }
            leaves.append(leaf)
            return
        }
        let childPath = path + [node.name]
        for child in node.children { collectLeaves(child, path: childPath, into: &leaves) }
    }

}
