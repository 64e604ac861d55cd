import PintailCore
import PintailPlanner

/// ORDER BY: collects its input, sorts row numbers by the keys, and emits the rows in order. With a LIMIT above it
/// (`limit`), only the first rows are materialised.
final class SortOperator: Operator {
    private let input: Operator
    private let keys: [SortKey]
    private let compiled: [CompiledExpression]
    private let limit: Int?
    private var output: [Batch]? = nil

    init(input: Operator, keys: [SortKey], limit: Int? = nil) throws {
        self.input = input
        self.keys = keys
        compiled = try keys.map { try ExpressionCompiler.compile($0.expression) }
        self.limit = limit
    }

    func next() throws -> Batch? {
        if output == nil { try run() }
        guard var out = output, !out.isEmpty else { return nil }
        let b = out.removeFirst()
        output = out
        return b
    }

    private func run() throws {
        var batches: [Batch] = []
        var keyColumns: [[Vector]] = keys.map { _ in [] }
        var pendingRows = 0
        // With a LIMIT (top-N), candidates are cut back to the best `limit` rows whenever they pile up, so memory and
        // sorting stay proportional to the limit rather than the input.
        let threshold = limit.map { max(4 * $0, 16_384) }
        // After a cut, the worst row kept (its key values) bounds what can still get in.
        var worst: TopNBound? = nil
        while var batch = try input.next() {
            var batchKeys = try compiled.map { try $0(batch) }
            if let worst {
                // Only rows strictly better than the current worst can enter the top N (ties go to earlier rows).
                let keep = worst.survivors(batchKeys, count: batch.count)
                if keep.isEmpty { continue }
                if keep.count < batch.count {
                    batch = batch.sliced(keep)
                    batchKeys = batchKeys.map { $0.sliced(keep) }
                }
            }
            batches.append(batch)
            for k in keys.indices { keyColumns[k].append(batchKeys[k]) }
            pendingRows += batch.count
            if let threshold, let limit, pendingRows > threshold {
                let (kept, keptKeys) = best(batches, keyColumns, limit: limit)
                batches = [kept]
                keyColumns = keptKeys.map { [$0] }
                pendingRows = kept.count
                if kept.count == limit, limit > 0 { worst = TopNBound(keys: keys, worst: keptKeys.map { $0.sliced([Int32(limit - 1)]).flattened() }) }
            }
        }
        guard pendingRows > 0 else { output = []; return }
        let (sorted, _) = best(batches, keyColumns, limit: limit)
        var out: [Batch] = []
        var start = 0
        while start < sorted.count {
            out.append(sorted.rows(start..<min(sorted.count, start + Batch.preferredSize)))
            start += Batch.preferredSize
        }
        output = out
    }

    /// The rows of `batches` in key order (the first `limit` of them when there is a limit), as one batch, with
    /// their key columns.
    private func best(_ batches: [Batch], _ keyColumns: [[Vector]], limit: Int?) -> (Batch, [Vector]) {
        let total = batches.reduce(0) { $0 + $1.count }
        let types = batches[0].columns.map(\.type)
        let data = (0..<types.count).map { c in Vector.concatenate(batches.map { $0.columns[c] }, type: types[c]) }
        let sortColumns = keys.indices.map { Vector.concatenate(keyColumns[$0], type: keys[$0].expression.type) }
        let comparators = zip(sortColumns, keys).map { RowComparator(vector: $0, key: $1) }
        var order = (0..<Int32(total)).map { $0 }
        // Comparators are borrowed from a buffer (a `for c in` copy would retain their arrays per comparison).
        comparators.withUnsafeBufferPointer { cs in
            order.sort { a, b in
                for k in 0..<cs.count {
                    let r = cs[k].compare(Int(a), Int(b))
                    if r != 0 { return r < 0 }
                }
                return a < b
            }
        }
        if let limit, order.count > limit { order = Array(order.prefix(limit)) }
        let batch = Batch(columns: data.map { $0.sliced(order).flattened() }, count: order.count)
        return (batch, sortColumns.map { $0.sliced(order).flattened() })
    }
}

/// Compares two rows of one flat key vector, with the key's direction and NULL placement.
struct RowComparator {
    let vector: Vector
    let ascending: Bool
    let nullsFirst: Bool
    let ints: [Int64]?
    let doubles: [Double]?
    let bytes: ByteColumn?

    init(vector: Vector, key: SortKey) {
        self.vector = vector
        ascending = key.ascending
        nullsFirst = key.nullsFirst
        if case .int128 = vector.storage { ints = nil } else { ints = vector.int64Values() }
        doubles = vector.doubleValues()
        bytes = vector.byteColumn
    }

    @inline(__always)
    func compare(_ a: Int, _ b: Int) -> Int {
        let va = vector.isValid(a), vb = vector.isValid(b)
        if !va || !vb {
            if va == vb { return 0 }
            // NULLs sort last unless NULLS FIRST, whatever the direction.
            return (!va) == nullsFirst ? -1 : 1
        }
        var c: Int
        if let ints { c = ints[a] < ints[b] ? -1 : (ints[a] > ints[b] ? 1 : 0) }
        else if let doubles {
            let x = doubles[a], y = doubles[b]
            c = x < y ? -1 : (x > y ? 1 : (x == y ? 0 : (x.isNaN ? (y.isNaN ? 0 : 1) : -1)))
        } else if let bytes { c = Comparison.compareBytes(bytes, a, bytes, b) }
        else { c = ValueOrdering.compare(vector.value(at: a), vector.value(at: b)) }
        return ascending ? c : -c
    }
}
