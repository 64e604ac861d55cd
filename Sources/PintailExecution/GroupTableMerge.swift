/// Merging another worker's group table into this one (parallel GROUP BY). The other table already holds each
/// group's key bytes and hash, so nothing is encoded or hashed again: its groups are looked up in this table on
/// several threads at once (read-only probes over disjoint ranges of the other's groups), then the groups this table
/// lacks are appended on one thread without key compares (the other's keys are distinct, so none can match another).
extension GroupTable {
    /// Below this many groups the lookups stay on the calling thread.
    static let parallelMergeThreshold = 16_384

    /// This table's group for each of `other`'s groups (`mapping[g]`), adding the groups it lacks; `newGroups` are the
    /// other's group numbers that were added, in the order they got their groups here.
    mutating func absorb(_ other: GroupTable, threads: Int) throws -> (mapping: [Int32], newGroups: [Int32]) {
        let n = other.count
        var mapping = [Int32](repeating: -1, count: n)
        let me = self
        if n >= Self.parallelMergeThreshold && threads > 1 {
            let chunk = (n + threads - 1) / threads
            try mapping.withUnsafeMutableBufferPointer { out in
                let out = out
                try WorkerThreads.run(threads) { t in
                    let lo = min(n, t * chunk), hi = min(n, lo + chunk)
                    me.lookupGroups(of: other, lo..<hi, into: out)
                }
            }
        } else {
            mapping.withUnsafeMutableBufferPointer { me.lookupGroups(of: other, 0..<n, into: $0) }
        }
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

    /// `out[g]` = this table's group of the other's group g, or -1; reads both tables only.
    private func lookupGroups(of other: GroupTable, _ range: Range<Int>, into out: UnsafeMutableBufferPointer<Int32>) {
        other.arena.withUnsafeBytes { a in
            other.keyBounds.withUnsafeBufferPointer { bounds in
                other.hashes.withUnsafeBufferPointer { hashes in
                    for g in range {
                        let key = UnsafeRawBufferPointer(rebasing: a[bounds[g]..<bounds[g + 1]])
                        out[g] = probe(key, hash: hashes[g]).group
                    }
                }
            }
        }
    }
}
