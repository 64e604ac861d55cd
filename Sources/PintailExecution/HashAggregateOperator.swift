import PintailCore
import PintailPlanner

/// GROUP BY: assigns each input row a dense group number by hashing its key columns, updates the aggregates,
/// and at the end emits one row per group (keys, then aggregates).
final class HashAggregateOperator: Operator {
    private let input: Operator
    private let keys: [CompiledExpression]
    private let keyTypes: [DataType]
    /// Every aggregate's arguments, one after another (repeated subexpressions computed once per batch).
    private let arguments: SharedSubexpressions
    /// How many arguments each aggregate takes, in order.
    private let argumentCounts: [Int]
    private let states: [AggregateState]
    private var table = GroupTable()
    private var keyColumns: GroupKeyColumns
    private var groupCount = 0
    private var output: [Batch]? = nil
    /// Other workers' partials, merged in `emit`.
    private var pendingMerges: [HashAggregateOperator] = []
    /// A failed merge in `emit` (which cannot throw); `next` throws it.
    private var mergeError: Error? = nil

    init(input: Operator, keys: [BoundExpr], aggregates: [AggregateCall]) throws {
        self.input = input
        self.keys = try keys.map(ExpressionCompiler.compile)
        keyTypes = keys.map(\.type)
        arguments = try SharedSubexpressions(aggregates.flatMap { call in
            call.arguments.map { Self.withoutWidening($0, in: call) }
        })
        argumentCounts = aggregates.map(\.arguments.count)
        states = try aggregates.map(AggregateStates.make)
        keyColumns = GroupKeyColumns(types: keys.map(\.type))
    }

    func next() throws -> Batch? {
        if output == nil {
            try consume()
            emit()
        }
        if let error = mergeError ?? states.lazy.compactMap(\.finishError).first { throw error }
        guard var out = output, !out.isEmpty else { return nil }
        let b = out.removeFirst()
        output = out
        return b
    }

    /// Reads the whole input into the group table and the aggregate states.
    func consume() throws {
        while let batch = try input.next() {
            let keyVectors = try keys.map { try $0(batch) }
            var groups: [Int32]
            if keyVectors.isEmpty {
                if groupCount == 0 { groupCount = 1 }
                groups = [Int32](repeating: 0, count: batch.count)
            } else {
                var newRows: [Int32] = []
                groups = table.groups(for: keyVectors, count: batch.count) { newRows.append(Int32($0)) }
                keyColumns.append(keyVectors, rows: newRows)
                groupCount = table.count
            }
            let values = try arguments.evaluate(batch)
            var first = 0
            for (a, state) in states.enumerated() {
                try state.update(groups: groups, groupCount: groupCount,
                                 arguments: Array(values[first..<first + argumentCounts[a]]))
                first += argumentCounts[a]
            }
        }
    }

    /// Folds another partial aggregation of the same query (run by another worker) into this one. The work is done
    /// in `emit`, once every partial is known, on as many threads as there are partials.
    func merge(_ other: HashAggregateOperator) throws {
        pendingMerges.append(other)
    }

    private func mergePending() throws {
        let threads = pendingMerges.count + 1
        for (i, other) in pendingMerges.enumerated() {
            try merge(other, threads: threads, last: i == pendingMerges.count - 1)
        }
        pendingMerges = []
    }

    /// Looks the other's groups up in this table on `threads` threads (see `GroupTable.absorb`), then merges the
    /// aggregate states, one state per thread at a time. The last merge only numbers the groups this table lacks
    /// (`GroupTable.mapping(of:)`): nothing probes the table afterwards, so inserting them would be wasted.
    private func merge(_ other: HashAggregateOperator, threads: Int, last: Bool) throws {
        let mapping: [Int32]
        if keys.isEmpty {
            if other.groupCount == 0 { return }
            if groupCount == 0 { groupCount = 1 }
            mapping = [0]
        } else {
            let newRows: [Int32]
            if last {
                (mapping, newRows) = try table.mapping(of: other.table, threads: threads)
                groupCount += newRows.count
            } else {
                (mapping, newRows) = try table.absorb(other.table, threads: threads)
                groupCount = table.count
            }
            keyColumns.append(other.keyColumns.finish(), rows: newRows)
        }
        let mine = states, theirs = other.states, groups = groupCount
        // Small merges stay on this thread: starting threads would cost more than the merge.
        let stateThreads = other.groupCount < GroupTable.parallelMergeThreshold ? 1 : max(1, min(threads, mine.count))
        try WorkerThreads.run(stateThreads) { t in
            for a in stride(from: t, to: mine.count, by: stateThreads) {
                try mine[a].merge(theirs[a], mapping: mapping, groupCount: groups)
            }
        }
    }

    /// sum and avg read integer columns of any width in place (`IntegerSumKernel`), so the binder's widening cast to
    /// bigint would only copy every value; the sums and their types are the same without it.
    static func withoutWidening(_ argument: BoundExpr, in call: AggregateCall) -> BoundExpr {
        guard !call.distinct, call.function == "sum" || call.function == "avg",
              case .cast(let inner, let type, _) = argument, type == .bigint, inner.type.isInteger else { return argument }
        return inner
    }

    /// Whether partial aggregations can be merged: count(DISTINCT x) keeps hash-partitioned pair sets that merge
    /// partition by partition in parallel (`CountDistinctAggregate`); other DISTINCT aggregates (sum, avg) keep
    /// one set per operator and stay on one worker.
    static func isMergeable(_ aggregates: [AggregateCall]) -> Bool { aggregates.allSatisfy(AggregateStates.isMergeable) }

    /// Turns the groups into output batches: keys, then aggregates.
    func emit() {
        do { try mergePending() } catch { mergeError = error }
        // A global aggregate over no rows still yields one row (count 0, sum NULL).
        if keys.isEmpty && groupCount == 0 { groupCount = 1 }
        let columns = keyColumns.finish() + states.map { $0.finish(groupCount: groupCount) }
        var batches: [Batch] = []
        var start = 0
        let full = Batch(columns: columns, count: groupCount)
        while start < groupCount {
            let end = min(groupCount, start + Batch.preferredSize)
            batches.append(full.rows(start..<end))
            start = end
        }
        output = batches
    }
}

/// A group key's bytes: each key column's validity and value, in a canonical encoding.
struct GroupKey: Hashable {
    var bytes: [UInt8]
}

struct KeyEncoder {
    private var buffer: [UInt8] = []

    mutating func encode(_ vectors: [Vector], row: Int) -> GroupKey {
        buffer.removeAll(keepingCapacity: true)
        for v in vectors {
            guard v.isValid(row) else { buffer.append(0); continue }
            buffer.append(1)
            let s = v.storageIndex(row)
            switch v.storage {
            case .bool(let a): buffer.append(a[s])
            case .int8(let a): append(Int64(a[s]))
            case .int16(let a): append(Int64(a[s]))
            case .int32(let a): append(Int64(a[s]))
            case .int64(let a): append(a[s])
            case .int128(let a): append(Int64(truncatingIfNeeded: a[s])); append(Int64(truncatingIfNeeded: a[s] >> 64))
            case .float32(let a): append(Int64(bitPattern: a[s] == 0 ? 0 : Double(a[s]).bitPattern))
            case .float64(let a): append(Int64(bitPattern: a[s] == 0 ? 0 : (a[s].isNaN ? Double.nan.bitPattern : a[s].bitPattern)))
            case .bytes(let b):
                let start = Int(b.offsets[s]), end = Int(b.offsets[s + 1])
                append(Int64(end - start))
                buffer.append(contentsOf: b.bytes[start..<end])
            case .list, .map, .row:
                let text = ValueText.text(v.value(at: row), type: v.type)
                append(Int64(text.utf8.count))
                buffer.append(contentsOf: text.utf8)
            }
        }
        return GroupKey(bytes: buffer)
    }

    private mutating func append(_ x: Int64) {
        withUnsafeBytes(of: x.littleEndian) { buffer.append(contentsOf: $0) }
    }
}
