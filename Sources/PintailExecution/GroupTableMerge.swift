/// Merging another worker's group table into this one (parallel GROUP BY). The other table already holds each
/// group's key bytes and hash, so nothing is encoded or hashed again: its groups are looked up in this table on
/// several threads at once (read-only probes over disjoint ranges of the other's groups), then the groups this table
/// lacks are appended on one thread without key compares (the other's keys are distinct, so none can match another).
/// The last merge (`mapping(of:)`) does not append them at all, it only numbers them.
extension GroupTable {
    /// Below this many groups the lookups stay on the calling thread.
    static let parallelMergeThreshold = 16_384

    /// This table's group for each of `other`'s groups (`mapping[g]`), adding the groups it lacks; `newGroups` are the
    /// other's group numbers that were added, in the order they got their groups here.
    mutating func absorb(_ other: GroupTable, threads: Int) throws -> (mapping: [Int32], newGroups: [Int32]) {
        let n = other.count
        var mapping = [Int32](repeating: -1, count: n)
        warmSink &+= try lookupAll(of: other, into: &mapping, threads: threads)
        var missing = 0, missingBytes = 0
        for g in 0..<n where mapping[g] < 0 {
            missing += 1
            missingBytes += other.keyBounds[g + 1] - other.keyBounds[g]
        }
        var newGroups: [Int32] = []
        guard missing > 0 else { return (mapping, newGroups) }
        newGroups.reserveCapacity(missing)
        reserve(groups: count + missing, keyBytes: arena.count + missingBytes)
        other.arena.withUnsafeBytes { a in
            other.keyBounds.withUnsafeBufferPointer { bounds in
                other.hashes.withUnsafeBufferPointer { hashes in
                    for g in 0..<n where mapping[g] < 0 {
                        let key = UnsafeRawBufferPointer(rebasing: a[bounds[g]..<bounds[g + 1]])
                        mapping[g] = appendAbsent(key, hash: hashes[g])
                        newGroups.append(Int32(g))
                    }
                }
            }
        }
        return (mapping, newGroups)
    }

    /// The last merge of a GROUP BY: like `absorb`, but the groups this table lacks are only numbered (count, count
    /// + 1, ... in the order of the other's groups), not inserted. Nothing probes the table after the last merge, so
    /// the serial inserts into a table of a million groups (a cache miss each) would be wasted; this table is left
    /// unchanged.
    mutating func mapping(of other: GroupTable, threads: Int) throws -> (mapping: [Int32], newGroups: [Int32]) {
        let n = other.count
        var mapping = [Int32](repeating: -1, count: n)
        warmSink &+= try lookupAll(of: other, into: &mapping, threads: threads)
        var newGroups: [Int32] = []
        var next = Int32(count)
        mapping.withUnsafeMutableBufferPointer { m in
            for g in 0..<n where m[g] < 0 {
                m[g] = next
                next += 1
                newGroups.append(Int32(g))
            }
        }
        return (mapping, newGroups)
    }

    /// `mapping[g]` = this table's group of the other's group g, or -1, on `threads` threads for large tables.
    /// Returns the warming loads' sum (see `warmSink`).
    private func lookupAll(of other: GroupTable, into mapping: inout [Int32], threads: Int) throws -> UInt64 {
        let n = other.count, me = self
        guard n >= Self.parallelMergeThreshold && threads > 1 else {
            return mapping.withUnsafeMutableBufferPointer { me.lookupGroups(of: other, 0..<n, into: $0) }
        }
        let chunk = (n + threads - 1) / threads
        var sinks = [UInt64](repeating: 0, count: threads)
        try mapping.withUnsafeMutableBufferPointer { out in
            try sinks.withUnsafeMutableBufferPointer { sinks in
                let out = out, sinks = sinks
                try WorkerThreads.run(threads) { t in
                    let lo = min(n, t * chunk), hi = min(n, lo + chunk)
                    sinks[t] = me.lookupGroups(of: other, lo..<hi, into: out)
                }
            }
        }
        return sinks.reduce(0, &+)
    }

    /// `out[g]` = this table's group of the other's group g, or -1; reads both tables only. Each chunk's slots and
    /// keys are loaded ahead (see GroupTableBatchProbe.swift): the other's groups hit this table in random order.
    private func lookupGroups(
        of other: GroupTable, _ range: Range<Int>, into out: UnsafeMutableBufferPointer<Int32>
    ) -> UInt64 {
        var sink: UInt64 = 0
        other.arena.withUnsafeBytes { a in
            other.keyBounds.withUnsafeBufferPointer { bounds in
                other.hashes.withUnsafeBufferPointer { hashes in
                    var start = range.lowerBound
                    while start < range.upperBound {
                        let end = Swift.min(range.upperBound, start + Self.probeChunk)
                        sink &+= warm(UnsafeBufferPointer(rebasing: hashes[start..<end]))
                        for g in start..<end {
                            let key = UnsafeRawBufferPointer(rebasing: a[bounds[g]..<bounds[g + 1]])
                            out[g] = probe(key, hash: hashes[g]).group
                        }
                        start = end
                    }
                }
            }
        }
        return sink
    }
}
