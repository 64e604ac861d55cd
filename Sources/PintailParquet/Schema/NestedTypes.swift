import PintailCore

/// Maps group nodes to Presto ARRAY / MAP / ROW types and turns assembled generic values (every group a row, every
/// repeated node an array) into those shapes, following the Parquet LIST and MAP backward-compatibility rules.
enum NestedTypes {
    /// The type of a field, including its own repetition (a repeated field is an array).
    static func dataType(of node: SchemaNode, leaves: [ParquetLeaf]) throws(ParquetDecodeError) -> DataType {
        let t = try instanceType(node, leaves)
        return node.isRepeated ? .array(t) : t
    }

    private static func instanceType(_ node: SchemaNode, _ leaves: [ParquetLeaf]) throws(ParquetDecodeError) -> DataType {
        if node.isLeaf {
            let leaf = leaves[node.leafRange.lowerBound]
            if let error = leaf.typeError { throw ParquetDecodeError(error) }
            return leaf.type
        }
        if node.isListAnnotated {
            let r = try listChild(node)
            if elementIsRepeatedNode(list: node, repeated: r) { return .array(try instanceType(r, leaves)) }
            return .array(try dataType(of: r.children[0], leaves: leaves))
        }
        if node.isMapAnnotated {
            let kv = try mapChild(node)
            let key = try dataType(of: kv.children[0], leaves: leaves)
            // A map without values is a set of keys, read as an array as other engines do.
            guard kv.children.count > 1 else { return .array(key) }
            return .map(key: key, value: try dataType(of: kv.children[1], leaves: leaves))
        }
        var fields: [RowField] = []
        for child in node.children { fields.append(RowField(name: child.name, type: try dataType(of: child, leaves: leaves))) }
        return .row(fields)
    }

    private static func listChild(_ node: SchemaNode) throws(ParquetDecodeError) -> SchemaNode {
        guard node.children.count == 1, node.children[0].isRepeated else {
            throw ParquetDecodeError("LIST column \(node.name) must hold exactly one repeated field")
        }
        return node.children[0]
    }

    private static func mapChild(_ node: SchemaNode) throws(ParquetDecodeError) -> SchemaNode {
        guard node.children.count == 1, node.children[0].isRepeated, !node.children[0].isLeaf,
              (1...2).contains(node.children[0].children.count)
        else { throw ParquetDecodeError("MAP column \(node.name) must hold one repeated key/value group") }
        return node.children[0]
    }

    /// Legacy layouts where the repeated field itself is the element rather than a wrapper around it.
    private static func elementIsRepeatedNode(list: SchemaNode, repeated r: SchemaNode) -> Bool {
        r.isLeaf || r.children.count > 1 || r.name == "array" || r.name == list.name + "_tuple"
    }

    /// The final value of a field from its generic assembled value.
    static func fieldValue(_ node: SchemaNode, _ v: Value) throws(ParquetDecodeError) -> Value {
        if node.isRepeated {
            guard case .array(let items) = v else { throw ParquetDecodeError("repeated field \(node.name) without a list") }
            var out: [Value] = []
            out.reserveCapacity(items.count)
            for item in items { out.append(try instanceValue(node, item)) }
            return .array(out)
        }
        return v.isNull ? .null : try instanceValue(node, v)
    }

    private static func instanceValue(_ node: SchemaNode, _ v: Value) throws(ParquetDecodeError) -> Value {
        if node.isLeaf { return v }
        guard case .row(let fields) = v, fields.count == node.children.count else {
            throw ParquetDecodeError("group \(node.name) assembled to an unexpected shape")
        }
        if node.isListAnnotated {
            let r = try listChild(node)
            guard case .array(let items) = fields[0] else { return .array([]) }
            var out: [Value] = []
            out.reserveCapacity(items.count)
            if elementIsRepeatedNode(list: node, repeated: r) {
                for item in items { out.append(try instanceValue(r, item)) }
            } else {
                for item in items {
                    guard case .row(let sub) = item, sub.count == 1 else { throw ParquetDecodeError("bad LIST element in \(node.name)") }
                    out.append(try fieldValue(r.children[0], sub[0]))
                }
            }
            return .array(out)
        }
        if node.isMapAnnotated {
            let kv = try mapChild(node)
            guard case .array(let items) = fields[0] else { return .map(keys: [], values: []) }
            var keys: [Value] = [], values: [Value] = []
            if kv.children.count == 1 {
                for item in items {
                    guard case .row(let sub) = item, sub.count == 1 else { throw ParquetDecodeError("bad MAP entry in \(node.name)") }
                    keys.append(try fieldValue(kv.children[0], sub[0]))
                }
                return .array(keys)
            }
            for item in items {
                guard case .row(let sub) = item, sub.count == kv.children.count else {
                    throw ParquetDecodeError("bad MAP entry in \(node.name)")
                }
                keys.append(try fieldValue(kv.children[0], sub[0]))
                values.append(kv.children.count > 1 ? try fieldValue(kv.children[1], sub[1]) : .null)
            }
            return .map(keys: keys, values: values)
        }
        var out: [Value] = []
        out.reserveCapacity(fields.count)
        for (child, f) in zip(node.children, fields) { out.append(try fieldValue(child, f)) }
        return .row(out)
    }
}
