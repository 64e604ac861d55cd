import PintailCore
import PintailPlanner

/// Sorts row numbers by flat key columns, ties in row-number order (a stable sort). A leading integer key without
/// NULLs is compared straight from its buffer, and the generic comparators only see the rows that tie on it.
enum RowSort {
    static func sorted(_ rows: [Int32], columns: [Vector], keys: [SortKey]) -> [Int32] {
        var rows = rows
        let comparators = zip(columns, keys).map { RowComparator(vector: $0, key: $1) }
        guard !comparators.isEmpty else { return rows }
        let lead: [Int64]? = columns[0].mayHaveNulls || !columns[0].isFlat ? nil : columns[0].int64Values()
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
        return rows
    }
}
