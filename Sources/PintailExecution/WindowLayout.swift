import PintailCore
import PintailPlanner

/// Rows sorted by a window's partition and order keys, with each sorted position's partition and peer-group
/// bounds. Window functions work over sorted positions and scatter their results back to input rows.
struct WindowLayout {
    /// Input row at each sorted position.
    var order: [Int32]
    /// Per sorted position: first position of its partition and one past its last.
    var partitionStart: [Int]
    var partitionEnd: [Int]
    /// Per sorted position: first position of its peers (equal ORDER BY keys) and one past the last.
    var peerStart: [Int]
    var peerEnd: [Int]

    var count: Int { order.count }

    init(partitionKeys: [Vector], orderKeys: [Vector], orderSpec: [SortKey], count n: Int) {
        let orderComparators = zip(orderKeys, orderSpec).map { RowComparator(vector: $0, key: $1) }
        // Partitions only need to be contiguous, not in key order (results go back to input rows): rows are
        // bucketed by a hashed partition number, then each partition is sorted by the ORDER BY keys alone.
        let partitionOf: [Int32]
        var order: [Int32]
        var bounds: [Int]
        if partitionKeys.isEmpty {
            partitionOf = [Int32](repeating: 0, count: n)
            order = (0..<Int32(n)).map { $0 }
            bounds = [0, n]
        } else if let table = JoinKeyTable(keys: partitionKeys, count: n) {
            // NULL partition keys (-1) form one more partition.
            let nullPartition = Int32(table.count)
            partitionOf = table.keyOfRow.map { $0 < 0 ? nullPartition : $0 }
            (order, bounds) = WindowLayout.bucket(partitionOf, partitions: table.count + 1)
        } else {
            // Nested partition keys: sort by them (ties in row order), then number the runs.
            let ascending = partitionKeys.map { SortKey(expression: .literal(.null, $0.type), ascending: true, nullsFirst: false) }
            let comparators = zip(partitionKeys, ascending).map { RowComparator(vector: $0, key: $1) }
            order = RowSort.sorted((0..<Int32(n)).map { $0 }, columns: partitionKeys, keys: ascending)
            var ids = [Int32](repeating: 0, count: n)
            var id: Int32 = 0
            bounds = [0]
            for p in 0..<n where p > 0 && comparators.contains(where: { $0.compare(Int(order[p - 1]), Int(order[p])) != 0 }) {
                bounds.append(p)
            }
            bounds.append(n)
            for b in 0..<(bounds.count - 1) {
                for p in bounds[b]..<bounds[b + 1] { ids[Int(order[p])] = id }
                id += 1
            }
            partitionOf = ids
        }
        if !orderComparators.isEmpty {
            // Prepared once: its per-row words cover all rows, whichever partition is sorted.
            let sorter = RowSorter(columns: orderKeys, keys: orderSpec)
            for b in 0..<(bounds.count - 1) where bounds[b + 1] - bounds[b] > 1 {
                let range = bounds[b]..<bounds[b + 1]
                order.replaceSubrange(range, with: sorter.sorted(Array(order[range])))
            }
        }
        self.order = order
        partitionStart = [Int](repeating: 0, count: n)
        partitionEnd = [Int](repeating: n, count: n)
        peerStart = [Int](repeating: 0, count: n)
        peerEnd = [Int](repeating: n, count: n)
        // Forward pass: starts; backward pass: ends.
        orderComparators.withUnsafeBufferPointer { cs in
            for p in 0..<n {
                if p > 0 && partitionOf[Int(order[p - 1])] == partitionOf[Int(order[p])] {
                    partitionStart[p] = partitionStart[p - 1]
                    var differs = false
                    for k in 0..<cs.count where cs[k].compare(Int(order[p - 1]), Int(order[p])) != 0 { differs = true; break }
                    peerStart[p] = differs ? p : peerStart[p - 1]
                } else {
                    partitionStart[p] = p
                    peerStart[p] = p
                }
            }
        }
        for p in stride(from: n - 1, through: 0, by: -1) {
            if p + 1 < n && partitionStart[p + 1] == partitionStart[p] {
                partitionEnd[p] = partitionEnd[p + 1]
                peerEnd[p] = peerStart[p + 1] == peerStart[p] ? peerEnd[p + 1] : p + 1
            } else {
                partitionEnd[p] = p + 1
                peerEnd[p] = p + 1
            }
        }
    }

    /// Rows grouped by partition number (a counting sort, rows in input order within a partition), and where
    /// each non-empty partition starts (plus the end).
    private static func bucket(_ partitionOf: [Int32], partitions: Int) -> ([Int32], [Int]) {
        var start = [Int](repeating: 0, count: partitions + 1)
        for p in partitionOf { start[Int(p) + 1] += 1 }
        for i in 0..<partitions { start[i + 1] += start[i] }
        var bounds = [0]
        for i in 1...partitions where start[i] > start[i - 1] { bounds.append(start[i]) }
        var next = start
        var order = [Int32](repeating: 0, count: partitionOf.count)
        for (row, p) in partitionOf.enumerated() {
            order[next[Int(p)]] = Int32(row)
            next[Int(p)] += 1
        }
        return (order, bounds)
    }

    /// The frame of sorted position `p` as a range of sorted positions (possibly empty).
    @inline(__always)
    func frame(_ p: Int, _ spec: WindowFrameSpec) -> Range<Int> {
        let ps = partitionStart[p], pe = partitionEnd[p]
        let s: Int, e: Int
        switch spec.start {
        case .unboundedPreceding: s = ps
        case .preceding(let k): s = max(ps, p - k)
        case .currentRow: s = spec.unit == .rows ? p : peerStart[p]
        case .following(let k): s = min(pe, p + k)
        case .unboundedFollowing: s = pe
        }
        switch spec.end {
        case .unboundedPreceding: e = ps
        case .preceding(let k): e = max(ps, p - k + 1)
        case .currentRow: e = spec.unit == .rows ? p + 1 : peerEnd[p]
        case .following(let k): e = min(pe, p + k + 1)
        case .unboundedFollowing: e = pe
        }
        return s < e ? s..<e : s..<s
    }
}
