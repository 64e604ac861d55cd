import PintailCore

/// `$scalar_subquery(x)`: the value of a scalar subquery's only row (NULL when it has none). A second row is
/// Trino's error "Scalar sub-query has returned multiple rows", also when the rows come from different workers.
final class ScalarSubqueryAggregate: AggregateState {
    static let multipleRows = "Scalar sub-query has returned multiple rows"
    private var values: [Value] = []
    private var seen: [Bool] = []
    private let type: DataType

    init(type: DataType) { self.type = type }

    func update(groups: [Int32], groupCount: Int, arguments: [Vector]) throws {
        extend(&values, to: groupCount, with: .null)
        extend(&seen, to: groupCount, with: false)
        let v = arguments[0]
        for (i, g) in groups.enumerated() {
            guard !seen[Int(g)] else { throw ExecutionError(Self.multipleRows) }
            seen[Int(g)] = true
            values[Int(g)] = v.value(at: i)
        }
    }

    func finish(groupCount: Int) -> Vector {
        var b = VectorBuilder(type: type, capacity: groupCount)
        for g in 0..<groupCount { b.append(g < values.count ? values[g] : .null) }
        return b.finish()
    }

    func merge(_ other: AggregateState, mapping: [Int32], groupCount: Int) throws {
        guard let o = other as? ScalarSubqueryAggregate else { return }
        extend(&values, to: groupCount, with: .null)
        extend(&seen, to: groupCount, with: false)
        for (i, g) in mapping.enumerated() where i < o.seen.count && o.seen[i] {
            guard !seen[Int(g)] else { throw ExecutionError(Self.multipleRows) }
            seen[Int(g)] = true
            values[Int(g)] = o.values[i]
        }
    }
}
