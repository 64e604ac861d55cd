import PintailCore
import PintailPlanner

/// Sorts row numbers by flat key columns, ties in row-number order (a stable sort). A leading integer key without
/// NULLs is compared straight from its buffer, and the generic comparators only see the rows that tie on it.
enum RowSort {
    /// With `limit`, only the first `limit` rows of the order are returned.
    static func sorted(_ rows: [Int32], columns: [Vector], keys: [SortKey], limit: Int? = nil) -> [Int32] {
        var rows = rows
        let comparators = zip(columns, keys).map { RowComparator(vector: $0, key: $1) }
        guard !comparators.isEmpty else { return limit.map { Array(rows.prefix($0)) } ?? rows }
        let lead: [Int64]? = columns[0].mayHaveNulls || !columns[0].isFlat ? nil : columns[0].int64Values()
        if let lead, let limit, limit > 0, rows.count > 2 * limit {
            // Rows whose leading key is worse than the limit-th best leading value cannot come out: drop them
            // before the (generic) sort. The cut-off comes from sorting the bare integers.
            var values = rows.map { lead[Int($0)] }
            values.sort()
            let ascending = keys[0].ascending
            let cutoff = ascending ? values[limit - 1] : values[values.count - limit]
            rows = rows.filter { ascending ? lead[Int($0)] <= cutoff : lead[Int($0)] >= cutoff }
        }
        // Comparators are borrowed from a buffer (a `for c in` copy would retain their arrays per comparison).
        comparators.withUnsafeBufferPointer { cs in
            guard let lead else {
                rows.sort { a, b in
                    for k in 0..<cs.count {
                        let r = cs[k].compare(Int(a), Int(b))
                        if r != 0 { return r < 0 }
                    }
                    return a < b
                }
                return
            }
            let ascending = keys[0].ascending
            lead.withUnsafeBufferPointer { lead in
                rows.sort { a, b in
                    let x = lead[Int(a)], y = lead[Int(b)]
                    if x != y { return ascending == (x < y) }
                    for k in 1..<cs.count {
                        let r = cs[k].compare(Int(a), Int(b))
                        if r != 0 { return r < 0 }
                    }
                    return a < b
                }
            }
        }
        if let limit, rows.count > limit { return Array(rows.prefix(limit)) }
        return rows
    }
}
