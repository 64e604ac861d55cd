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
        let partitionComparators = partitionKeys.map {
            RowComparator(vector: $0, key: SortKey(expression: .literal(.null, $0.type), ascending: true, nullsFirst: false))
        }
        let orderComparators = zip(orderKeys, orderSpec).map { RowComparator(vector: $0, key: $1) }
        var order = (0..<Int32(n)).map { $0 }
        if !partitionComparators.isEmpty || !orderComparators.isEmpty {
            let all = partitionComparators + orderComparators
            order.sort { a, b in
                for c in all {
                    let r = c.compare(Int(a), Int(b))
                    if r != 0 { return r < 0 }
                }
                return a < b
            }
        }
        self.order = order
        partitionStart = [Int](repeating: 0, count: n)
        partitionEnd = [Int](repeating: n, count: n)
        peerStart = [Int](repeating: 0, count: n)
        peerEnd = [Int](repeating: n, count: n)
        func differs(_ comparators: [RowComparator], _ p: Int) -> Bool {
            comparators.contains { $0.compare(Int(order[p - 1]), Int(order[p])) != 0 }
        }
        // Forward pass: starts; backward pass: ends.
        for p in 0..<n {
            if p > 0 && !differs(partitionComparators, p) {
                partitionStart[p] = partitionStart[p - 1]
                peerStart[p] = differs(orderComparators, p) ? p : peerStart[p - 1]
            } else {
                partitionStart[p] = p
                peerStart[p] = p
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
