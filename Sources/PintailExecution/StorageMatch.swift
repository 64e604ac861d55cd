import PintailCore

/// A per-row 0/1 result computed from a test on the vector's storage entries, without flattening the vector
/// first. Parquet dictionary columns and filtered batches are dictionary-shaped: gathering their strings only to
/// compare them with a constant costs more than the comparison, and a small dictionary is tested once per entry.
enum StorageMatch {
    /// `test(entry)` for the storage entry each row reads (0 for rows whose entry is not tested: NULL rows are the
    /// caller's business through the vector's validity).
    @inline(__always)
    static func rows(_ v: Vector, _ test: (Int) -> UInt8) -> [UInt8] {
        let n = v.count
        switch v.shape {
        case .flat:
            return [UInt8](unsafeUninitializedCapacity: n) { out, done in
                for i in 0..<n { out[i] = test(i) }
                done = n
            }
        case .constant:
            return [UInt8](repeating: n > 0 ? test(0) : 0, count: n)
        case .dictionary(let indices):
            let entries = v.storage.count
            return indices.withUnsafeBufferPointer { idx in
                [UInt8](unsafeUninitializedCapacity: n) { out, done in
                    if entries <= n {
                        // Each entry once, then one load per row.
                        var table = [UInt8](repeating: 0, count: entries)
                        for e in 0..<entries { table[e] = test(e) }
                        table.withUnsafeBufferPointer { t in
                            for i in 0..<n { out[i] = t[Int(idx[i])] }
                        }
                    } else {
                        for i in 0..<n { out[i] = test(Int(idx[i])) }
                    }
                    done = n
                }
            }
        }
    }

    /// Whether byte value `i` of `column` equals one of `constants`, for a handful of constants.
    @inline(__always)
    static func equalsAny(_ bytes: UnsafeRawBufferPointer, _ offsets: UnsafeBufferPointer<Int32>, _ i: Int,
                          _ constants: [[UInt8]]) -> Bool {
        let s = Int(offsets[i]), n = Int(offsets[i + 1]) - s
        for c in constants where c.count == n {
            if n == 0 { return true }
            let equal = c.withUnsafeBytes { memcmp(bytes.baseAddress! + s, $0.baseAddress!, n) == 0 }
            if equal { return true }
        }
        return false
    }
}

#if canImport(Glibc)
import Glibc
#endif
