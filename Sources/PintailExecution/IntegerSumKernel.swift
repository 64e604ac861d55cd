import PintailCore

/// sum/avg as doubles over an integer column read in place: flat or dictionary-shaped (Parquet dictionary pages)
/// int8/16/32/64 storage, no flattening, widening copy or per-batch Double array. Adds `Double(value)` per row in
/// row order, exactly as the flattened path does, so results are identical.
enum IntegerSumKernel {
    /// Adds each valid row of `v` to its group's sum and count; false when `v` has another storage or shape (the
    /// caller flattens).
    static func add(_ v: Vector, groups: [Int32], sums: inout [Double], counts: inout [Int64]) throws -> Bool {
        switch v.storage {
        case .int8(let a): return try a.withUnsafeBufferPointer { try add(v, values: $0, groups: groups, sums: &sums, counts: &counts) }
        case .int16(let a): return try a.withUnsafeBufferPointer { try add(v, values: $0, groups: groups, sums: &sums, counts: &counts) }
        case .int32(let a): return try a.withUnsafeBufferPointer { try add(v, values: $0, groups: groups, sums: &sums, counts: &counts) }
        case .int64(let a): return try a.withUnsafeBufferPointer { try add(v, values: $0, groups: groups, sums: &sums, counts: &counts) }
        default: return false
        }
    }

    private static func add<T: FixedWidthInteger>(
        _ v: Vector, values x: UnsafeBufferPointer<T>, groups: [Int32], sums: inout [Double], counts: inout [Int64]
    ) throws -> Bool {
        let n = groups.count
        let validity = v.validity
        switch v.shape {
        case .flat:
            guard x.count >= n else { return false }
            groups.withUnsafeBufferPointer { gs in
                sums.withUnsafeMutableBufferPointer { s in
                    counts.withUnsafeMutableBufferPointer { c in
                        for i in 0..<n {
                            if let validity, !validity.isSet(i) { continue }
                            let g = Int(gs[i])
                            s[g] += Double(x[i])
                            c[g] += 1
                        }
                    }
                }
            }
            return true
        case .dictionary(let indices):
            guard indices.count >= n else { return false }
            var bad = false
            indices.withUnsafeBufferPointer { idx in
                groups.withUnsafeBufferPointer { gs in
                    sums.withUnsafeMutableBufferPointer { s in
                        counts.withUnsafeMutableBufferPointer { c in
                            for i in 0..<n {
                                if let validity, !validity.isSet(i) { continue }
                                let e = Int(idx[i])
                                guard e >= 0, e < x.count else { bad = true; return }
                                let g = Int(gs[i])
                                s[g] += Double(x[e])
                                c[g] += 1
                            }
                        }
                    }
                }
            }
            if bad { throw ExecutionError("internal: dictionary index outside its dictionary in sum/avg") }
            return true
        case .constant:
            return false
        }
    }
}
