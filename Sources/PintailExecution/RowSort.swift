import PintailCore
import PintailPlanner

/// Sorts row numbers by flat key columns, ties in row-number order (a stable sort). The first two keys, when they
/// are integers or strings without NULLs, are compared through one UInt64 per row in key order (integers exactly,
/// strings by their first 8 bytes), and the generic comparators only see the rows that tie there.
enum RowSort {
    /// With `limit`, only the first `limit` rows of the order are returned.
    static func sorted(_ rows: [Int32], columns: [Vector], keys: [SortKey], limit: Int? = nil) -> [Int32] {
        RowSorter(columns: columns, keys: keys).sorted(rows, limit: limit)
    }
}

/// The comparison state of a sort, prepared once for sorting many row sets over the same columns (window
/// partitions).
struct RowSorter {
    private let comparators: [RowComparator]
    private let ascending: [Bool]
    private let w0: [UInt64], w1: [UInt64]
    private let exact0: Bool, exact1: Bool
    private let fastCount: Int

    init(columns: [Vector], keys: [SortKey]) {
        comparators = zip(columns, keys).map { RowComparator(vector: $0, key: $1) }
        ascending = keys.map(\.ascending)
        var fast: [OrderedWords] = []
        for c in columns.prefix(2) {
            guard let words = OrderedWords(c) else { break }
            fast.append(words)
        }
        w0 = fast.count > 0 ? fast[0].words : []
        w1 = fast.count > 1 ? fast[1].words : []
        exact0 = fast.count > 0 && fast[0].exact
        exact1 = fast.count > 1 && fast[1].exact
        fastCount = fast.count
    }

    /// `rows` in key order (the first `limit` of them with a limit), ties in row-number order.
    func sorted(_ rows: [Int32], limit: Int? = nil) -> [Int32] {
        var rows = rows
        guard !comparators.isEmpty else { return limit.map { Array(rows.prefix($0)) } ?? rows }
        if fastCount > 0, exact0, let limit, limit > 0, rows.count > 2 * limit {
            // Rows whose leading key is worse than the limit-th best leading value cannot come out: drop them
            // before the sort. The cut-off comes from sorting the bare words.
            let ascending = self.ascending[0], lead = self.w0
            var values = rows.map { lead[Int($0)] }
            values.sort()
            let cutoff = ascending ? values[limit - 1] : values[values.count - limit]
            rows = rows.filter { ascending ? lead[Int($0)] <= cutoff : lead[Int($0)] >= cutoff }
        }
        let fastCount = self.fastCount, exact0 = self.exact0, exact1 = self.exact1
        let up0 = ascending[0], up1 = ascending.count > 1 && ascending[1]
        // Comparators are borrowed from a buffer (a `for c in` copy would retain their arrays per comparison).
        comparators.withUnsafeBufferPointer { cs in
            w0.withUnsafeBufferPointer { w0 in
                w1.withUnsafeBufferPointer { w1 in
                    @inline(__always) func less(_ a: Int32, _ b: Int32) -> Bool {
                        if fastCount > 0 {
                            let x = w0[Int(a)], y = w0[Int(b)]
                            if x != y { return up0 == (x < y) }
                            if !exact0 { let r = cs[0].compare(Int(a), Int(b)); if r != 0 { return r < 0 } }
                        }
                        if fastCount > 1 {
                            let x = w1[Int(a)], y = w1[Int(b)]
                            if x != y { return up1 == (x < y) }
                            if !exact1 { let r = cs[1].compare(Int(a), Int(b)); if r != 0 { return r < 0 } }
                        }
                        for k in fastCount..<cs.count {
                            let r = cs[k].compare(Int(a), Int(b))
                            if r != 0 { return r < 0 }
                        }
                        return a < b
                    }
                    if let limit, limit > 0, rows.count > 8 * limit {
                        rows = Self.first(limit, of: rows, by: less)
                    } else {
                        rows.sort(by: less)
                    }
                }
            }
        }
        if let limit, rows.count > limit { return Array(rows.prefix(limit)) }
        return rows
    }
}

extension RowSorter {
    /// The first `k` of `rows` in `less` order (a total order), sorted: a max-heap of the best `k` seen so far, so a
    /// top 20 of 38,000 groups (TPC-H Q10) costs about one comparison per row instead of a full sort.
    static func first(_ k: Int, of rows: [Int32], by less: (Int32, Int32) -> Bool) -> [Int32] {
        var heap = Array(rows.prefix(k))
        // Heap order: the parent is not less than its children (the worst kept row on top).
        func siftDown(_ start: Int) {
            var i = start
            while true {
                let l = 2 * i + 1, r = l + 1
                var top = i
                if l < heap.count && less(heap[top], heap[l]) { top = l }
                if r < heap.count && less(heap[top], heap[r]) { top = r }
                if top == i { return }
                heap.swapAt(i, top)
                i = top
            }
        }
        for i in stride(from: heap.count / 2 - 1, through: 0, by: -1) { siftDown(i) }
        for row in rows.dropFirst(k) where less(row, heap[0]) {
            heap[0] = row
            siftDown(0)
        }
        heap.sort(by: less)
        return heap
    }
}

/// One UInt64 per row whose unsigned order is the key's ascending order: integers with the sign bit flipped
/// (exact), strings as their first 8 bytes big-endian, zero-padded (equal words need the full comparison).
struct OrderedWords {
    let words: [UInt64]
    let exact: Bool

    /// Nil for NULLs, non-flat vectors and other kinds.
    init?(_ v: Vector) {
        guard v.isFlat, !v.mayHaveNulls else { return nil }
        if case .int128 = v.storage { return nil }
        if let ints = v.int64Values() {
            words = ints.map { UInt64(bitPattern: $0) ^ (1 << 63) }
            exact = true
            return
        }
        guard let b = v.byteColumn else { return nil }
        var out = [UInt64](repeating: 0, count: v.count)
        b.offsets.withUnsafeBufferPointer { off in
            b.bytes.withUnsafeBufferPointer { bytes in
                for r in 0..<v.count {
                    let s = Int(off[r]), n = min(8, Int(off[r + 1]) - s)
                    var w: UInt64 = 0
                    for i in 0..<8 { w = (w << 8) | (i < n ? UInt64(bytes[s + i]) : 0) }
                    out[r] = w
                }
            }
        }
        words = out
        exact = false
    }
}
