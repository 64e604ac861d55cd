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
        // One loop body for both shapes: `index` maps a row to its storage position.
        @inline(__always) func run(_ index: (Int) -> Int) {
            groups.withUnsafeBufferPointer { gs in
                sums.withUnsafeMutableBufferPointer { s in
                    counts.withUnsafeMutableBufferPointer { c in
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
            run { $0 }
        case .dictionary(let indices):
            guard indices.count >= n else { return false }
            indices.withUnsafeBufferPointer { idx in run { Int(idx[$0]) } }
        case .constant:
            return false
        }
        if bad { throw ExecutionError("internal: dictionary index outside its dictionary in a decimal sum") }
        if overflow { throw ExecutionError("Decimal overflow in sum") }
        return true
    }
}
