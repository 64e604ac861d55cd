import PintailCore
import PintailPlanner

/// A hash join's build side once read: all its rows in one batch (plus the all-NULL row unmatched outer probe rows
/// point at) and its rows chained by join key. Never changed after `init`, so worker threads probing the same
/// table share it without locks.
final class JoinBuildTable: @unchecked Sendable {
    let data: Batch
    let count: Int
    let keyless: Bool
    /// Per key number: the first build row with that key, -1 when none; `chainNext` links the rest in row order.
    let chainHead: [Int32]
    let chainNext: [Int32]
    private let keyTable: JoinKeyTable?
    private let encodedTable: GroupTable

    /// Reads `build` to its end and hashes `keys` over its rows.
    init(build: Operator, keys: [CompiledExpression], types: [DataType]) throws {
        var batches: [Batch] = []
        while let b = try build.next() { if b.count > 0 { batches.append(b) } }
        let n = batches.reduce(0) { $0 + $1.count }
        let columns = types.indices.map { c in
            Vector.concatenate(batches.map { $0.columns[c] } + [.nulls(types[c], count: 1)], type: types[c])
        }
        data = Batch(columns: columns, count: n + 1)
        count = n
        keyless = keys.isEmpty
        var encoded = GroupTable()
        guard !keys.isEmpty, n > 0 else {
            keyTable = nil; encodedTable = encoded; chainHead = []; chainNext = []
            return
        }
        let rows = data.rows(0..<n)
        let keyValues = try keys.map { try $0(rows) }
        var groups: [Int32]
        var head: [Int32]
        if let typed = JoinKeyTable(keys: keyValues, count: n) {
            keyTable = typed
            groups = typed.keyOfRow
            head = [Int32](repeating: -1, count: typed.count)
        } else {
            keyTable = nil
            groups = encoded.groups(for: keyValues, count: n) { _ in }
            for v in keyValues where v.mayHaveNulls { for row in 0..<n where !v.isValid(row) { groups[row] = -1 } }
            head = [Int32](repeating: -1, count: encoded.count)
        }
        encodedTable = encoded
        var next = [Int32](repeating: -1, count: n)
        // Rows with a NULL key (group -1) join nothing; the rest are chained in row order.
        for row in stride(from: n - 1, through: 0, by: -1) where groups[row] >= 0 {
            let g = Int(groups[row])
            next[row] = head[g]
            head[g] = Int32(row)
        }
        chainHead = head
        chainNext = next
    }

    /// The build key number of each probe row's key, -1 when none.
    func lookup(_ keys: [Vector], count: Int) throws -> [Int32] {
        if self.count == 0 { return [Int32](repeating: -1, count: count) }
        if let keyTable { return try keyTable.lookup(keys, count: count) }
        return encodedTable.lookup(keys, count: count)
    }
}
