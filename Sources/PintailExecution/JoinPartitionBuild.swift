import PintailCore

/// The phases of a partitioned build: hash and count, scatter, then one table per partition.
enum JoinPartitionBuild {
    private static let empty = UInt64.max
    private static let tagMask: UInt64 = 0xFFFF_FFFF_0000_0000
    private static let noPartition = UInt16.max

    @inline(__always) private static func tag(_ h: UInt64) -> UInt64 { (h >> 22) << 32 }

    /// Fills `head` and `next` for all `n` rows; returns the partitions' slot ranges and the slots (the caller
    /// owns them).
    static func run(columns: [JoinKeyColumn], keys: [Vector], count n: Int, bits: Int, threads: Int,
                    head: UnsafeMutableBufferPointer<Int32>, next: UnsafeMutableBufferPointer<Int32>) throws
        -> (slotStart: [Int], slots: UnsafeMutableBufferPointer<UInt64>) {
        let partitions = 1 << bits, shift = UInt64(64 - bits)
        let ranges = JoinBuildWork.ranges(n, parts: threads)
        let workers = ranges.count
        let hash = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: max(1, n))
        let part = UnsafeMutableBufferPointer<UInt16>.allocate(capacity: max(1, n))
        let counts = UnsafeMutableBufferPointer<Int>.allocate(capacity: workers * partitions)
        counts.initialize(repeating: 0)
        defer { hash.deallocate(); part.deallocate(); counts.deallocate() }
        let nullable = keys.filter(\.mayHaveNulls)
        // 1. Each worker hashes its rows and counts them per partition. NULL-key rows go to no partition.
        try JoinBuildWork.forEach(workers, threads: workers) { w in
            let rows = ranges[w], count = w * partitions
            for r in rows { hash[r] = JoinHash.seed }
            for c in columns { c.mix(into: hash, rows: rows) }
            for r in rows { part[r] = UInt16(truncatingIfNeeded: hash[r] &>> shift) }
            for v in nullable {
                for r in rows where !v.isValid(r) { part[r] = noPartition; head[r] = -1; next[r] = -1 }
            }
            for r in rows where part[r] != noPartition { counts[count + Int(part[r])] += 1 }
        }
        // 2. Scatter: partition p lists worker 0's rows, then worker 1's, ..., so its rows stay in row order.
        var partStart = [Int](repeating: 0, count: partitions + 1)
        var total = 0
        for p in 0..<partitions {
            partStart[p] = total
            for w in 0..<workers {
                let c = counts[w * partitions + p]
                counts[w * partitions + p] = total
                total += c
            }
        }
        partStart[partitions] = total
        let partRow = UnsafeMutableBufferPointer<Int32>.allocate(capacity: max(1, total))
        let partHash = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: max(1, total))
        defer { partRow.deallocate(); partHash.deallocate() }
        try JoinBuildWork.forEach(workers, threads: workers) { w in
            let count = w * partitions
            for r in ranges[w] where part[r] != noPartition {
                let c = count + Int(part[r]), j = counts[c]
                counts[c] = j + 1
                partRow[j] = Int32(truncatingIfNeeded: r)
                partHash[j] = hash[r]
            }
        }
        // 3. Each partition's table on one worker: a power of two of slots, at least twice its rows.
        var slotStart = [Int](repeating: 0, count: partitions + 1)
        for p in 0..<partitions {
            var size = 16
            while size < 2 * (partStart[p + 1] - partStart[p]) { size *= 2 }
            slotStart[p + 1] = slotStart[p] + size
        }
        let slots = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: slotStart[partitions])
        do {
            try JoinBuildWork.forEach(partitions, threads: threads) { p in
                let table = UnsafeMutableBufferPointer(rebasing: slots[slotStart[p]..<slotStart[p + 1]])
                table.initialize(repeating: empty)
                let rows = UnsafeBufferPointer(rebasing: partRow[partStart[p]..<partStart[p + 1]])
                let hashes = UnsafeBufferPointer(rebasing: partHash[partStart[p]..<partStart[p + 1]])
                buildPartition(rows: rows, hashes: hashes, table: table, columns: columns, head: head, next: next)
            }
        } catch {
            slots.deallocate()
            throw error
        }
        return (slotStart, slots)
    }

    /// One partition's table and chains: rows are inserted by hash tag alone, then checked against their key's
    /// first row column by column; rows whose tag collided with a different key (practically never) are inserted
    /// again comparing whole keys.
    private static func buildPartition(rows: UnsafeBufferPointer<Int32>, hashes: UnsafeBufferPointer<UInt64>,
                                       table: UnsafeMutableBufferPointer<UInt64>, columns: [JoinKeyColumn],
                                       head: UnsafeMutableBufferPointer<Int32>, next: UnsafeMutableBufferPointer<Int32>) {
        let m = rows.count, mask = table.count - 1
        var keyOf = [Int32](repeating: -1, count: m)
        var shared = false
        keyOf.withUnsafeMutableBufferPointer { keyOf in
            for j in 0..<m {
                let r = rows[j], h = hashes[j], t = tag(h)
                var i = Int(truncatingIfNeeded: h) & mask
                while true {
                    let s = table[i]
                    if s == empty { table[i] = t | UInt64(UInt32(bitPattern: r)); keyOf[j] = r; break }
                    if s & tagMask == t { keyOf[j] = Int32(truncatingIfNeeded: s); shared = true; break }
                    i = (i + 1) & mask
                }
                head[Int(r)] = -1
            }
        }
        if shared {
            let rowList = Array(rows)
            let other = (0..<m).map { keyOf[$0] == rowList[$0] ? -1 : keyOf[$0] }
            var equal = [Bool](repeating: true, count: m)
            for c in columns { c.check(rowList, against: c, at: other, equal: &equal) }
            for j in 0..<m where !equal[j] {
                keyOf[j] = insertComparingKeys(row: rowList[j], hash: hashes[j], table: table, columns: columns)
            }
        }
        // Chains, last row first, so that each key's chain runs in row order and ends at its first row.
        for j in stride(from: m - 1, through: 0, by: -1) {
            let r = Int(rows[j]), k = Int(keyOf[j])
            next[r] = head[k]
            head[k] = Int32(r)
        }
    }

    private static func insertComparingKeys(row r: Int32, hash h: UInt64, table: UnsafeMutableBufferPointer<UInt64>,
                                            columns: [JoinKeyColumn]) -> Int32 {
        let mask = table.count - 1, t = tag(h)
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let s = table[i]
            if s == empty { table[i] = t | UInt64(UInt32(bitPattern: r)); return r }
            if s & tagMask == t {
                let k = Int32(truncatingIfNeeded: s)
                var equal = [true]
                for c in columns { c.check([r], against: c, at: [k], equal: &equal) }
                if equal[0] { return k }
            }
            i = (i + 1) & mask
        }
    }
}
