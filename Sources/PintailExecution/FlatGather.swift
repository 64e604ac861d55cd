import PintailCore

#if canImport(Glibc)
import Glibc
#endif

/// Flat copies of selected rows of a vector, for the values an aggregation keeps (new groups' keys, distinct values).
/// Strings are copied with one memcpy each into a buffer sized up front; other storages use `sliced().flattened()`.
enum FlatGather {
    static func rows(_ v: Vector, _ rows: [Int32]) -> Vector {
        guard case .bytes(let column) = v.storage, !v.isConstant,
              let copied = gatherBytes(column, v.shape, rows: rows)
        else { return v.sliced(rows).flattened() }
        let validity = v.validity.map { bits in rows.withUnsafeBufferPointer { bits.gather($0) } }
        return Vector(type: v.type, count: rows.count, storage: .bytes(copied), validity: validity)
    }

    /// nil when an index points outside the column (the caller's generic path reports it).
    private static func gatherBytes(_ column: ByteColumn, _ shape: VectorShape, rows: [Int32]) -> ByteColumn? {
        var storageIndex = rows
        if case .dictionary(let indices) = shape {
            for (k, r) in rows.enumerated() {
                guard r >= 0, Int(r) < indices.count else { return nil }
                storageIndex[k] = indices[Int(r)]
            }
        }
        let n = storageIndex.count
        var offsets = [Int32](repeating: 0, count: n + 1)
        var total = 0
        let ok = column.offsets.withUnsafeBufferPointer { off -> Bool in
            let byteCount = column.bytes.count
            for (k, s) in storageIndex.enumerated() {
                guard s >= 0, Int(s) + 1 < off.count else { return false }
                let start = Int(off[Int(s)]), end = Int(off[Int(s) + 1])
                guard start >= 0, start <= end, end <= byteCount else { return false }
                total += end - start
                guard total <= Int(Int32.max) else { return false }
                offsets[k + 1] = Int32(total)
            }
            return true
        }
        guard ok else { return nil }
        let bytes = [UInt8](unsafeUninitializedCapacity: total) { dst, initialized in
            column.offsets.withUnsafeBufferPointer { off in
                column.bytes.withUnsafeBytes { src in
                    for (k, s) in storageIndex.enumerated() {
                        let start = Int(off[Int(s)]), length = Int(offsets[k + 1] - offsets[k])
                        if length > 0 { memcpy(dst.baseAddress! + Int(offsets[k]), src.baseAddress! + start, length) }
                    }
                }
            }
            initialized = total
        }
        return ByteColumn(offsets: offsets, bytes: bytes)
    }
}
