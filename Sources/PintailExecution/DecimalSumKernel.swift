import PintailCore

/// sum/avg of decimals read in place: flat or dictionary-shaped (Parquet dictionary pages) int64 or int128 unscaled
/// storage, added into Int128 sums with no flattening or widening copy (TPC-H Q1 spends most of its time here).
enum DecimalSumKernel {
    /// Adds each valid row of `v` to its group's sum and count; false when `v` has another storage or shape (the
    /// caller flattens). Throws on Int128 overflow, which only 128-bit inputs can reach.
    static func add(_ v: Vector, groups: [Int32], sums: inout [Int128], counts: inout [Int64]) throws -> Bool {
        switch v.storage {
        case .int64(let a): return try a.withUnsafeBufferPointer { try add(v, values: $0, groups: groups, sums: &sums, counts: &counts) }
        case .int128(let a): return try a.withUnsafeBufferPointer { try add(v, values: $0, groups: groups, sums: &sums, counts: &counts) }
        default: return false
        }
    }

    private static func add<T: FixedWidthInteger>(
        _ v: Vector, values x: UnsafeBufferPointer<T>, groups: [Int32], sums: inout [Int128], counts: inout [Int64]
    ) throws -> Bool {
        let n = groups.count
        let validity = v.validity
        var overflow = false
        var bad = false
        // Sums of 64-bit values cannot overflow Int128 (that takes 2^64 rows), so they add without a check.
        let checked = T.bitWidth > 64
        // One loop body for both shapes: `index` maps a row to its storage position (checked when `bounded`).
        @inline(__always) func run(_ index: (Int) -> Int, bounded: Bool) {
            groups.withUnsafeBufferPointer { gs in
                sums.withUnsafeMutableBufferPointer { s in
                    counts.withUnsafeMutableBufferPointer { c in
                        if validity == nil {
                            // The common case: no NULLs.
                            var inside = true
                            for i in 0..<n {
                                var e = index(i)
                                if bounded {
                                    inside = inside && UInt(bitPattern: e) < UInt(x.count)
                                    e = inside ? e : 0
                                }
                                let g = Int(gs[i])
                                if checked {
                                    let (sum, o) = s[g].addingReportingOverflow(Int128(x[e]))
                                    s[g] = sum
                                    overflow = overflow || o
                                } else {
                                    s[g] &+= Int128(x[e])
                                }
                                c[g] &+= 1
                            }
                            bad = !inside
                            return
                        }
                        for i in 0..<n {
                            if let validity, !validity.isSet(i) { continue }
                            let e = index(i)
                            guard e >= 0, e < x.count else { bad = true; return }
                            let g = Int(gs[i])
                            let (sum, o) = s[g].addingReportingOverflow(Int128(x[e]))
                            s[g] = sum
                            overflow = overflow || o
                            c[g] += 1
                        }
                    }
                }
            }
        }
        switch v.shape {
        case .flat:
            guard x.count >= n else { return false }
            run({ $0 }, bounded: false)
        case .dictionary(let indices):
            guard indices.count >= n else { return false }
            // Few groups times a small dictionary (TPC-H Q1: 4 groups, 50 quantities): count rows per (group, entry)
            // and multiply once per batch, instead of a 128-bit add per row.
            if validity == nil && sums.count * x.count <= max(1024, n) {
                guard try addByEntryCounts(indices, values: x, groups: groups, sums: &sums, counts: &counts) else {
                    throw ExecutionError("internal: dictionary index outside its dictionary in a decimal sum")
                }
                return true
            }
            indices.withUnsafeBufferPointer { idx in run({ Int(idx[$0]) }, bounded: true) }
        case .constant:
            return false
        }
        if bad { throw ExecutionError("internal: dictionary index outside its dictionary in a decimal sum") }
        if overflow { throw ExecutionError("Decimal overflow in sum") }
        return true
    }

    /// Counts the rows of each (group, dictionary entry) pair, then adds count x value to each group's sum. False
    /// when an index lies outside the dictionary.
    private static func addByEntryCounts<T: FixedWidthInteger>(
        _ indices: [Int32], values x: UnsafeBufferPointer<T>, groups: [Int32], sums: inout [Int128],
        counts: inout [Int64]
    ) throws -> Bool {
        let n = groups.count, entries = x.count
        var pairCounts = [Int32](repeating: 0, count: sums.count * entries)
        let inside = pairCounts.withUnsafeMutableBufferPointer { pc in
            indices.withUnsafeBufferPointer { idx in
                groups.withUnsafeBufferPointer { gs in
                    var inside = true
                    for i in 0..<n {
                        let e = Int(idx[i])
                        inside = inside && UInt(bitPattern: e) < UInt(entries)
                        pc[Int(gs[i]) &* entries &+ (inside ? e : 0)] &+= 1
                    }
                    return inside
                }
            }
        }
        guard inside else { return false }
        for g in 0..<sums.count {
            var rows: Int64 = 0
            for e in 0..<entries {
                let count = pairCounts[g * entries + e]
                guard count != 0 else { continue }
                rows += Int64(count)
                let (term, o1) = Int128(x[e]).multipliedReportingOverflow(by: Int128(count))
                let (sum, o2) = sums[g].addingReportingOverflow(term)
                if o1 || o2 { throw ExecutionError("Decimal overflow in sum") }
                sums[g] = sum
            }
            counts[g] += rows
        }
        return true
    }
}
