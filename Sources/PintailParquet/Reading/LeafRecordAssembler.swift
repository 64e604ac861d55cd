import PintailCore

/// Rebuilds records from one leaf's levels: every group becomes a one-field row holding the path to this leaf,
/// every repeated node an array. `GenericMerge` then joins the leaves of a field.
struct LeafRecordAssembler {
    let chain: [SchemaNode]
    let levels: LeafLevels
    let leafType: DataType
    private var position = 0
    private var valueVector = 0
    private var valueIndex = 0

    init(chain: [SchemaNode], levels: LeafLevels, leafType: DataType) {
        self.chain = chain
        self.levels = levels
        self.leafType = leafType
    }

    mutating func records() throws -> [Value] {
        var out: [Value] = []
        while position < levels.count {
            guard levels.reps[position] == 0 else {
                throw ParquetDecodeError("a record starts with repetition level \(levels.reps[position]), not 0")
            }
            out.append(try field(0))
        }
        return out
    }

    private mutating func field(_ i: Int) throws -> Value {
        let node = chain[i]
        guard position < levels.count else { throw ParquetDecodeError("levels end inside a record") }
        let d = Int(levels.defs[position])
        if !node.isRepeated {
            if d < node.defLevel { position += 1; return .null }
            return try instance(i)
        }
        if d < node.defLevel { position += 1; return .array([]) }
        var items = [try instance(i)]
        while position < levels.count {
            let r = Int(levels.reps[position])
            if r < node.repLevel { break }
            guard r == node.repLevel, Int(levels.defs[position]) >= node.defLevel else {
                throw ParquetDecodeError("inconsistent repetition and definition levels")
            }
            items.append(try instance(i))
        }
        return .array(items)
    }

    private mutating func instance(_ i: Int) throws -> Value {
        if i == chain.count - 1 {
            while valueVector < levels.values.count && valueIndex >= levels.values[valueVector].count {
                valueVector += 1
                valueIndex = 0
            }
            guard valueVector < levels.values.count else { throw ParquetDecodeError("fewer values than levels") }
            let v = levels.values[valueVector].value(at: valueIndex)
            valueIndex += 1
            position += 1
            return v
        }
        return .row([try field(i + 1)])
    }
}

/// Joins the per-leaf partial values of one record into the generic value of a field.
enum GenericMerge {
    static func mergeField(_ node: SchemaNode, _ parts: [Value], leafBase: Int) throws -> Value {
        if node.isRepeated {
            var lists: [[Value]] = []
            for p in parts {
                guard case .array(let items) = p else { throw ParquetDecodeError("leaves disagree on a list") }
                lists.append(items)
            }
            guard let n = lists.first?.count, lists.allSatisfy({ $0.count == n }) else {
                throw ParquetDecodeError("leaves of a repeated field disagree on its length")
            }
            var items: [Value] = []
            for k in 0..<n { items.append(try mergeInstance(node, lists.map { $0[k] }, leafBase: leafBase)) }
            return .array(items)
        }
        return try mergeInstance(node, parts, leafBase: leafBase)
    }

    private static func mergeInstance(_ node: SchemaNode, _ parts: [Value], leafBase: Int) throws -> Value {
        if node.isLeaf { return parts[0] }
        if parts.allSatisfy({ $0.isNull }) { return .null }
        var fields: [Value] = []
        for child in node.children {
            var sub: [Value] = []
            for leaf in child.leafRange {
                let k = leaf - node.leafRange.lowerBound
                guard k >= 0, k < parts.count, case .row(let one) = parts[k], one.count == 1 else {
                    throw ParquetDecodeError("leaves disagree on a group's presence")
                }
                sub.append(one[0])
            }
            fields.append(try mergeField(child, sub, leafBase: leafBase))
        }
        return .row(fields)
    }
}
