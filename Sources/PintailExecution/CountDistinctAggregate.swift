import PintailCore

/// count(DISTINCT x), with or without GROUP BY, mergeable across workers. Each worker keeps its (group, value) pairs
/// in hash partitions chosen by the value's hash; merging another worker's partial is only recorded, and `finish`
/// merges all partials partition by partition on as many threads as there were workers (each thread owns disjoint
/// partitions, so there is no locking and each partition's tables are small), then counts the pairs per group.
/// NULL values are never stored: count ignores them.
final class CountDistinctAggregate: AggregateState {
    static let partitionBits = 5
    static let partitionCount = 1 << partitionBits

    private let partitions = (0..<CountDistinctAggregate.partitionCount).map { _ in DistinctPairSet() }
    private var pending: [(CountDistinctAggregate, [Int32])] = []
    /// For batches whose rows all belong to one group: dictionary entries already passed on for that group.
    private var seenEntries = DictionarySeenEntries()
    private var counts: [Int64]? = nil
    /// Where the chunked loads leave their sum, so that the compiler keeps them.
    private var warmSink: UInt64 = 0

    @inline(__always)
    private static func partition(_ valueHash: UInt64) -> Int { Int(truncatingIfNeeded: valueHash >> (64 - partitionBits)) }

    func update(groups: [Int32], groupCount: Int, arguments: [Vector]) throws {
        guard var v = arguments.first else { throw ExecutionError("internal: count(DISTINCT) needs an argument") }
        guard groups.count <= v.count else { throw ExecutionError("internal: count(DISTINCT) argument is too short") }
        var groups = groups
        // One group for the whole batch (no GROUP BY, or a partition key): over a dictionary, only each entry's
        // first row can be new, so rows repeating an entry skip hashing and the table.
        if let g = groups.first, groups.allSatisfy({ $0 == g }), let rows = try seenEntries.firstRows(v, context: g) {
            if rows.isEmpty { return }
            if rows.count < groups.count {
                v = v.sliced(rows)
                groups = [Int32](repeating: g, count: rows.count)
            }
        }
        if case .bytes(let column) = v.storage {
            try insertStrings(v, column: column, groups: groups)
        } else if !insertIntegers(v, groups: groups) {
            insertEncoded(v, groups: groups)
        }
    }

    /// Strings hash and compare as their raw bytes, read in place. Rows go in chunks: the chunk's hashes first, then
    /// the slots and records their probes will read are loaded together (see GroupTableBatchProbe.swift).
    private func insertStrings(_ v: Vector, column: ByteColumn, groups: [Int32]) throws {
        let storageCount = column.count
        let chunk = GroupTable.probeChunk
        var starts = [Int](repeating: 0, count: chunk), ends = starts, rows = starts
        var hashes = [UInt64](repeating: 0, count: chunk)
        try column.offsets.withUnsafeBufferPointer { off in
            try column.bytes.withUnsafeBytes { raw in
                var row = 0
                while row < groups.count {
                    var n = 0
                    while row < groups.count && n < chunk {
                        defer { row += 1 }
                        guard v.isValid(row) else { continue }
                        let s = v.storageIndex(row)
                        guard s >= 0, s < storageCount else { throw ExecutionError("internal: string index \(s) out of range") }
                        let start = Int(off[s]), end = Int(off[s + 1])
                        guard start <= end, end <= raw.count, end - start < Int(DistinctPairSet.rawStringFlag) else {
                            throw ExecutionError("internal: string \(s) has bad offsets")
                        }
                        starts[n] = start
                        ends[n] = end
                        rows[n] = row
                        hashes[n] = KeyColumns.hash(UnsafeRawBufferPointer(rebasing: raw[start..<end]))
                        n += 1
                    }
                    var loaded: UInt64 = 0
                    for k in 0..<n { loaded &+= partitions[Self.partition(hashes[k])].touch(hashes[k], group: groups[rows[k]]) }
                    warmSink &+= loaded
                    for k in 0..<n {
                        let value = UnsafeRawBufferPointer(rebasing: raw[starts[k]..<ends[k]])
                        partitions[Self.partition(hashes[k])].insert(
                            group: groups[rows[k]], value: value.baseAddress,
                            length: UInt32(ends[k] - starts[k]) | DistinctPairSet.rawStringFlag, valueHash: hashes[k])
                    }
                }
            }
        }
    }

    /// Integers (and booleans) are stored as the GROUP BY key encoding stores them, a marker byte and the value
    /// widened to 8 bytes, built on the stack row by row instead of through a whole-batch key buffer.
    private func insertIntegers(_ v: Vector, groups: [Int32]) -> Bool {
        let flat = v.flattened()
        guard let values = flat.int64Values() else { return false }
        let validity = flat.validity
        withUnsafeTemporaryAllocation(byteCount: 16, alignment: 8) { buffer in
            let key = buffer.baseAddress!
            key.storeBytes(of: 1, as: UInt8.self)
            let encoded = UnsafeRawBufferPointer(start: key, count: 9)
            values.withUnsafeBufferPointer { x in
                for (row, g) in groups.enumerated() where validity?.isSet(row) ?? true {
                    key.storeBytes(of: UInt64(bitPattern: x[row]), toByteOffset: 1, as: UInt64.self)
                    let h = KeyColumns.hash(encoded)
                    partitions[Self.partition(h)].insert(group: g, value: key, length: 9, valueHash: h)
                }
            }
        }
        return true
    }

    /// Other kinds go through the GROUP BY key encoding (integers widened, -0.0 and NaN canonical).
    private func insertEncoded(_ v: Vector, groups: [Int32]) {
        let (bytes, offsets) = KeyColumns.encode([v], count: groups.count)
        bytes.withUnsafeBytes { raw in
            for (row, g) in groups.enumerated() where v.isValid(row) {
                let key = UnsafeRawBufferPointer(rebasing: raw[offsets[row]..<offsets[row + 1]])
                let h = KeyColumns.hash(key)
                partitions[Self.partition(h)].insert(group: g, value: key.baseAddress, length: UInt32(key.count), valueHash: h)
            }
        }
    }

    func merge(_ other: AggregateState, mapping: [Int32], groupCount: Int) throws {
        guard let o = other as? CountDistinctAggregate else { throw ExecutionError("internal: count(DISTINCT) merged with another aggregate") }
        pending.append((o, mapping))
    }

    /// Merges the pending partials (one thread per worker, each on its own partitions), then counts per group.
    private func mergeAndCount(groupCount: Int) throws -> [Int64] {
        if !pending.isEmpty {
            let others = pending, partitions = self.partitions
            pending = []
            let threads = min(others.count + 1, partitions.count)
            try WorkerThreads.run(threads) { t in
                for p in stride(from: t, to: partitions.count, by: threads) {
                    for (other, mapping) in others { try partitions[p].absorb(other.partitions[p], mapping: mapping) }
                }
            }
        }
        var counts = [Int64](repeating: 0, count: groupCount)
        for p in partitions { try p.addCounts(into: &counts) }
        return counts
    }

    /// Set when the merge in `finish` failed; `HashAggregateOperator.next` throws it.
    private(set) var finishError: Error? = nil

    func finish(groupCount: Int) -> Vector {
        if counts == nil {
            do { counts = try mergeAndCount(groupCount: groupCount) } catch { finishError = error }
        }
        guard var out = counts else { return .nulls(.bigint, count: groupCount) }
        extend(&out, to: groupCount, with: 0)
        return Vector(type: .bigint, count: groupCount, storage: .int64(Array(out.prefix(groupCount))))
    }
}
