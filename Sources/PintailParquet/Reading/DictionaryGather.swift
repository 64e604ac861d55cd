import PintailCore

/// Appends dictionary values picked by already checked indices to a batch's flat storage in one typed loop,
/// zero under NULL rows. Each call makes the batch array once at its new size (no per-value appends).
enum DictionaryGather {
    /// Returns false when the storage kinds have no typed loop here (the caller falls back to a general gather).
    static func append(_ dictionary: ColumnStorage, _ indices: UnsafeBufferPointer<Int32>, _ defs: [Int32]?,
                       _ rows: Range<Int>, _ maxDef: Int32, into values: inout ColumnStorage) -> Bool {
        let current = values
        values = .bool([])  // drop the reference so the old payload is freed as soon as it is copied
        switch (current, dictionary) {
        case (.int32(let d), .int32(let s)): values = .int32(gathered(d, s, indices, defs, rows, maxDef, zero: 0))
        case (.int64(let d), .int64(let s)): values = .int64(gathered(d, s, indices, defs, rows, maxDef, zero: 0))
        case (.int128(let d), .int128(let s)): values = .int128(gathered(d, s, indices, defs, rows, maxDef, zero: 0))
        case (.float32(let d), .float32(let s)): values = .float32(gathered(d, s, indices, defs, rows, maxDef, zero: 0))
        case (.float64(let d), .float64(let s)): values = .float64(gathered(d, s, indices, defs, rows, maxDef, zero: 0))
        case (.int16(let d), .int16(let s)): values = .int16(gathered(d, s, indices, defs, rows, maxDef, zero: 0))
        case (.int8(let d), .int8(let s)): values = .int8(gathered(d, s, indices, defs, rows, maxDef, zero: 0))
        case (.bool(let d), .bool(let s)): values = .bool(gathered(d, s, indices, defs, rows, maxDef, zero: 0))
        default:
            values = current
            return false
        }
        return true
    }

    /// `existing` followed by one value per row of `rows`: the next index's dictionary value when the row is
    /// non-NULL (or every row when `defs` is nil), `zero` otherwise. `indices` holds one entry per non-NULL row.
    private static func gathered<T: BitwiseCopyable>(_ existing: [T], _ dictionary: [T], _ indices: UnsafeBufferPointer<Int32>,
                                                     _ defs: [Int32]?, _ rows: Range<Int>, _ maxDef: Int32, zero: T) -> [T] {
        let old = existing.count, n = rows.count
        return [T](unsafeUninitializedCapacity: old + n) { dst, initialized in
            guard let out = dst.baseAddress else { initialized = 0; return }
            existing.withUnsafeBufferPointer { e in
                if let base = e.baseAddress, old > 0 { out.initialize(from: base, count: old) }
            }
            dictionary.withUnsafeBufferPointer { dict in
                guard let src = dict.baseAddress, let idx = indices.baseAddress else {
                    (out + old).initialize(repeating: zero, count: n)
                    return
                }
                let at = out + old
                if let defs {
                    defs.withUnsafeBufferPointer { d in
                        var v = 0
                        for (k, i) in rows.enumerated() {
                            if d[i] == maxDef { (at + k).initialize(to: src[Int(idx[v])]); v += 1 } else { (at + k).initialize(to: zero) }
                        }
                    }
                } else {
                    for k in 0..<n { (at + k).initialize(to: src[Int(idx[k])]) }
                }
            }
            initialized = old + n
        }
    }
}
