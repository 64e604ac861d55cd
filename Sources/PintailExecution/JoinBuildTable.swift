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
    /// Whether each key number is the key's first build row (the typed key table), so `chainHead[k] == k`.
    let keysAreFirstRows: Bool
    private let keyTable: JoinPartitionedKeyTable?
    /// A single integer key's values as a bitmap, when asked for and their range is dense enough (for runtime
    /// filters).
    let keyBitmap: JoinKeyBitmap?
    private let encodedTable: GroupTable

    /// Builds of at least this many rows are concatenated, hashed and inserted on all threads; smaller ones on one
    /// thread, where starting threads costs more than it saves.
    static let partitionedRows = 65_536

    /// Reads `build` to its end and hashes `keys` over its rows, on up to `threads` threads.
    init(build: Operator, keys: [CompiledExpression], types: [DataType], threads: Int = 1,
         keyBitmap wantsKeyBitmap: Bool = false) throws {
        var batches: [Batch] = []
        var keyParts: [[Vector]] = keys.map { _ in [] }
        while let b = try build.next() {
            guard b.count > 0 else { continue }
            batches.append(b)
            for (k, key) in keys.enumerated() { keyParts[k].append(try key(b)) }
        }
        let n = batches.reduce(0) { $0 + $1.count }
        guard n < Int(Int32.max) else { throw ExecutionError("join build side of \(n) rows is too large") }
        let parallel = n >= Self.partitionedRows ? max(1, threads) : 1
        // One task per output column and per key column; the build side's columns get the all-NULL row.
        let (columns, keyValues) = try JoinBuildTable.concatenate(batches, keyParts, types: types, threads: parallel)
        data = Batch(columns: columns, count: n + 1)
        count = n
        keyless = keys.isEmpty
        var encoded = GroupTable()
        keyBitmap = wantsKeyBitmap && keyValues.count == 1 ? JoinKeyBitmap(keyValues[0], count: n) : nil
        guard !keys.isEmpty, n > 0 else {
            keyTable = nil; encodedTable = encoded; chainHead = []; chainNext = []; keysAreFirstRows = false
            return
        }
        if JoinKeyColumn.supports(keyValues) {
            let table = try JoinPartitionedKeyTable(keys: keyValues, count: n, threads: parallel)
            keyTable = table
            encodedTable = encoded
            chainHead = table.chainHead
            chainNext = table.chainNext
            keysAreFirstRows = true
            return
        }
        // Nested key types: keys encoded as GROUP BY encodes them, one thread.
        keyTable = nil
        var groups = encoded.groups(for: keyValues, count: n) { _ in }
        for v in keyValues where v.mayHaveNulls { for row in 0..<n where !v.isValid(row) { groups[row] = -1 } }
        var head = [Int32](repeating: -1, count: encoded.count)
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
        keysAreFirstRows = false
    }

    /// The build key number of each probe row's key, -1 when none.
    func lookup(_ keys: [Vector], count: Int) throws -> [Int32] {
        if self.count == 0 { return [Int32](repeating: -1, count: count) }
        if let keyTable { return try keyTable.lookup(keys, count: count) }
        return encodedTable.lookup(keys, count: count)
    }

    /// The build side's columns (with the all-NULL row appended) and its key columns, each concatenated from the
    /// batches by one of `threads` threads.
    private static func concatenate(_ batches: [Batch], _ keyParts: [[Vector]], types: [DataType],
                                    threads: Int) throws -> (columns: [Vector], keys: [Vector]) {
        let tasks = types.count + keyParts.count
        let out = UnsafeMutableBufferPointer<Vector?>.allocate(capacity: max(1, tasks))
        out.initialize(repeating: nil)
        defer { out.deinitialize(); out.deallocate() }
        try JoinBuildWork.forEach(tasks, threads: threads) { t in
            if t < types.count {
                out[t] = try JoinBuildColumns.concatenate(batches.map { $0.columns[t] }, type: types[t], nullRow: true)
            } else {
                let parts = keyParts[t - types.count]
                guard let first = parts.first else { out[t] = Vector(empty: .bigint); return }
                out[t] = parts.count == 1 ? first : try JoinBuildColumns.concatenate(parts, type: first.type, nullRow: false)
            }
        }
        var vectors: [Vector] = []
        for t in 0..<tasks {
            guard let v = out[t] else { throw ExecutionError("join build column \(t + 1) is missing") }
            vectors.append(v)
        }
        return (Array(vectors[..<types.count]), Array(vectors[types.count...]))
    }
}
