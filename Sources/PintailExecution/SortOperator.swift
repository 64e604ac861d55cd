import PintailCore
import PintailPlanner

/// ORDER BY: collects its input, sorts row numbers by the keys, and emits the rows in order. With a LIMIT above it
/// (`limit`), only the first rows are materialised.
///
/// Candidates are carried as (batch, row) ids next to their key columns; the other columns are copied only for the
/// rows that come out (late materialisation). Under a LIMIT the pile of candidates is cut back to the best `limit`
/// rows whenever it grows, and after a cut each incoming batch is first tested against the worst row kept, so
/// most rows are rejected by one typed compare of the leading key and never gathered.
final class SortOperator: Operator {
    private let input: Operator
    private let keys: [SortKey]
    private let compiled: [CompiledExpression]
    private let limit: Int?
    /// The scans below, told the cut-off after each cut (nil when the leading key is not a scan column).
    private let scanFilter: TopNScanFilter?
    private var output: [Batch]? = nil

    init(input: Operator, keys: [SortKey], limit: Int? = nil, scanFilter: TopNScanFilter? = nil) throws {
        self.input = input
        self.keys = keys
        compiled = try keys.map { try ExpressionCompiler.compile($0.expression) }
        self.limit = limit
        self.scanFilter = scanFilter
    }

    func next() throws -> Batch? {
        if output == nil { try run() }
        guard var out = output, !out.isEmpty else { return nil }
        let b = out.removeFirst()
        output = out
        return b
    }

    private func run() throws {
        var pile = SortPile(keyCount: keys.count)
        var types: [DataType]? = nil
        // With a LIMIT, the pile is cut when it holds this many rows or this many source batches (sources keep their
        // whole batches alive, so their number is bounded too).
        let threshold = limit.map { max(4 * $0, 16_384) }
        let maxSources = 32
        // After a cut, the worst row kept (its key values) bounds what can still get in.
        var worst: TopNBound? = nil
        while let batch = try input.next() {
            if batch.count == 0 { continue }
            if types == nil { types = batch.columns.map(\.type) }
            var batchKeys = try compiled.map { try $0(batch) }
            var rows: [Int32]? = nil
            if let worst {
                // Only rows strictly better than the current worst can enter the top N (ties go to earlier rows).
                let keep = worst.survivors(batchKeys, count: batch.count)
                if keep.isEmpty { continue }
                if keep.count < batch.count {
                    rows = keep
                    batchKeys = batchKeys.map { $0.sliced(keep) }
                }
            }
            pile.add(batch, rows: rows, keys: batchKeys)
            if let threshold, let limit, let types, pile.count > threshold || pile.sources.count > maxSources {
                pile = pile.cut(keys: keys, limit: limit, types: types)
                if pile.count == limit, limit > 0 {
                    let bound = TopNBound(keys: keys, worst: pile.keyColumns.map { $0[0].sliced([Int32(limit - 1)]).flattened() })
                    worst = bound
                    scanFilter?.update(bound)
                }
            }
        }
        guard let types, pile.count > 0 else { output = []; return }
        let sorted = pile.cut(keys: keys, limit: limit ?? pile.count, types: types).sources[0]
        var out: [Batch] = []
        var start = 0
        while start < sorted.count {
            out.append(sorted.rows(start..<min(sorted.count, start + Batch.preferredSize)))
            start += Batch.preferredSize
        }
        output = out
    }
}

/// Candidate rows of a sort: the batches they come from, each candidate's (batch, row) id in arrival order, and
/// the candidates' key columns (in pieces, aligned with the ids).
struct SortPile {
    var sources: [Batch] = []
    var batchOf: [Int32] = []
    var rowOf: [Int32] = []
    var keyColumns: [[Vector]]

    init(keyCount: Int) { keyColumns = [[Vector]](repeating: [], count: keyCount) }

    var count: Int { rowOf.count }

    /// Adds the `rows` of `batch` (all when nil), whose key columns are `keys` (already cut to those rows).
    mutating func add(_ batch: Batch, rows: [Int32]?, keys: [Vector]) {
        let s = Int32(sources.count)
        sources.append(batch)
        if let rows { rowOf += rows } else { rowOf += 0..<Int32(batch.count) }
        batchOf += repeatElement(s, count: rows?.count ?? batch.count)
        for k in keys.indices { keyColumns[k].append(keys[k]) }
    }

    /// The best `limit` candidates in key order (ties in arrival order), copied into one source batch.
    func cut(keys: [SortKey], limit: Int, types: [DataType]) -> SortPile {
        let sortColumns = keys.indices.map { Vector.concatenate(keyColumns[$0], type: keys[$0].expression.type) }
        let order = RowSort.sorted((0..<Int32(count)).map { $0 }, columns: sortColumns, keys: keys, limit: limit)
        let kept = RowGather.gather(sources, batches: order.map { batchOf[Int($0)] }, rows: order.map { rowOf[Int($0)] },
                                    types: types)
        var next = SortPile(keyCount: keys.count)
        next.sources = [kept]
        next.batchOf = [Int32](repeating: 0, count: order.count)
        next.rowOf = (0..<Int32(order.count)).map { $0 }
        next.keyColumns = sortColumns.map { [$0.sliced(order).flattened()] }
        return next
    }
}

/// Compares two rows of one flat key vector, with the key's direction and NULL placement.
final class RowComparator {
    let vector: Vector
    let ascending: Bool
    let nullsFirst: Bool
    let ints: [Int64]?
    let doubles: [Double]?
    let bytes: ByteColumn?
    /// 128-bit decimals (sums of decimal products), compared in place rather than as `Value`s.
    let wides: [Int128]?

    init(vector: Vector, key: SortKey) {
        self.vector = vector
        ascending = key.ascending
        nullsFirst = key.nullsFirst
        if case .int128 = vector.storage { ints = nil } else { ints = vector.int64Values() }
        doubles = vector.doubleValues()
        bytes = vector.byteColumn
        if case .int128(let a) = vector.storage, vector.isFlat { wides = a } else { wides = nil }
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
        else if let wides { c = wides[a] < wides[b] ? -1 : (wides[a] > wides[b] ? 1 : 0) }
        else { c = ValueOrdering.compare(vector.value(at: a), vector.value(at: b)) }
        return ascending ? c : -c
    }
}
