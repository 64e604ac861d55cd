import PintailCore

/// The GROUP BY key values of every group, in group order. Per batch, the rows that started new groups are gathered
/// column by column (one typed copy each, no per-group `Value` or `String`), and the parts are joined once at the end.
struct GroupKeyColumns {
    let types: [DataType]
    private var parts: [[Vector]]
    private var finished: [Vector]? = nil

    init(types: [DataType]) {
        self.types = types
        parts = types.map { _ in [] }
    }

    /// Adds the key values of `rows` (row numbers of `keys`, in the order their groups were numbered).
    mutating func append(_ keys: [Vector], rows: [Int32]) {
        guard !rows.isEmpty else { return }
        finished = nil
        for (k, v) in keys.enumerated() {
            let part = FlatGather.rows(v, rows)
            parts[k].append(Self.sameKind(part.storage, as: types[k]) ? part : Self.converted(part, to: types[k]))
        }
    }

    /// One flat vector per key column, row g holding group g's key.
    mutating func finish() -> [Vector] {
        if let finished { return finished }
        let columns = zip(parts, types).map { parts, type in
            parts.count == 1 ? parts[0] : Vector.concatenate(parts, type: type)
        }
        parts = columns.map { [$0] }
        finished = columns
        return columns
    }

    /// Whether `storage` is the kind `Vector.concatenate` expects for `type` (nested types always go by value).
    private static func sameKind(_ storage: ColumnStorage, as type: DataType) -> Bool {
        switch (storage, ColumnStorage.empty(for: type)) {
        case (.bool, .bool), (.int8, .int8), (.int16, .int16), (.int32, .int32), (.int64, .int64), (.int128, .int128),
             (.float32, .float32), (.float64, .float64), (.bytes, .bytes):
            return true
        case (_, .list), (_, .map), (_, .row):
            return true
        default:
            return false
        }
    }

    /// A key column whose storage differs from its type's usual one, rebuilt value by value (rare: new groups only).
    private static func converted(_ v: Vector, to type: DataType) -> Vector {
        var builder = VectorBuilder(type: type, capacity: v.count)
        for i in 0..<v.count { builder.append(v.value(at: i)) }
        return builder.finish()
    }
}
