import PintailCore

/// Keys as dense key numbers, hashed and compared in place over typed key columns (one hash per row, no key bytes
/// copied): window partitions are numbered this way. Rows with a NULL key get -1. (Join build sides use
/// `JoinPartitionedKeyTable`, which numbers a key by its first row and is built in cache-sized partitions, on
/// several threads when large.)
struct JoinKeyTable {
    private let columns: [JoinKeyColumn]
    private let kinds: [JoinKeyColumn.Kind]
    /// Per key number: a build row holding that key, and the key's hash.
    private var keyRow: [Int32] = []
    private var keyHash: [UInt64] = []
    private var slots: [Int32]
    /// Key number of each build row (-1 for NULL keys).
    private(set) var keyOfRow: [Int32] = []

    var count: Int { keyRow.count }

    init?(keys: [Vector], count n: Int) {
        var columns: [JoinKeyColumn] = []
        for v in keys { guard let c = JoinKeyColumn(v) else { return nil }; columns.append(c) }
        self.columns = columns
        kinds = keys.compactMap { JoinKeyColumn.kind($0.storage) }
        var size = 16
        while size < 2 * n { size *= 2 }
        slots = [Int32](repeating: -1, count: size)
        let hashes = JoinKeyColumn.hashes(columns, count: n)
        let valid = JoinKeyColumn.validRows(keys, count: n)
        keyOfRow = [Int32](repeating: -1, count: n)
        let mask = size - 1
        // Insert by hash alone, then check every row against its key's row column by column; rows whose hash
        // collided with a different key (practically never) are inserted again comparing whole keys.
        for r in 0..<n where valid[r] {
            let h = hashes[r]
            var i = Int(truncatingIfNeeded: h) & mask
            while true {
                let k = slots[i]
                if k < 0 { slots[i] = newKey(row: r, hash: h); keyOfRow[r] = slots[i]; break }
                if keyHash[Int(k)] == h { keyOfRow[r] = k; break }
                i = (i + 1) & mask
            }
        }
        let rows = (0..<Int32(n)).map { $0 }
        let other = keyOfRow.map { $0 >= 0 ? keyRow[Int($0)] : -1 }
        var equal = [Bool](repeating: true, count: n)
        for c in columns { c.check(rows, against: c, at: other, equal: &equal) }
        for r in 0..<n where !equal[r] { insertComparingKeys(row: r, hash: hashes[r]) }
    }

    private mutating func newKey(row: Int, hash: UInt64) -> Int32 {
        keyRow.append(Int32(row))
        keyHash.append(hash)
        return Int32(keyRow.count - 1)
    }

    private mutating func insertComparingKeys(row r: Int, hash h: UInt64) {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let k = slots[i]
            if k < 0 { slots[i] = newKey(row: r, hash: h); keyOfRow[r] = slots[i]; return }
            if keyHash[Int(k)] == h {
                var equal = [true]
                for c in columns { c.check([Int32(r)], against: c, at: [keyRow[Int(k)]], equal: &equal) }
                if equal[0] { keyOfRow[r] = k; return }
            }
            i = (i + 1) & mask
        }
    }

    /// Key numbers of the probe rows' keys where the table has them, -1 elsewhere.
    func lookup(_ keys: [Vector], count n: Int) throws -> [Int32] {
        let (probe, valid) = try JoinKeyColumn.probeColumns(keys, kinds: kinds, count: n)
        let hashes = JoinKeyColumn.hashes(probe, count: n)
        var out = [Int32](repeating: -1, count: n)
        var candidateRow = [Int32](repeating: -1, count: n)
        var position = [Int](repeating: 0, count: n)
        let mask = slots.count - 1
        // First the next slot with the row's hash, for all rows in one loop; then the keys compared column by
        // column. Rows whose candidate differs (a hash collision) go round again from the following slot.
        var pending = (0..<Int32(n)).map { $0 }
        var first = true
        while !pending.isEmpty {
            slots.withUnsafeBufferPointer { slots in
                keyHash.withUnsafeBufferPointer { keyHash in
                    keyRow.withUnsafeBufferPointer { keyRow in
                        hashes.withUnsafeBufferPointer { hashes in
                            valid.withUnsafeBufferPointer { valid in
                                out.withUnsafeMutableBufferPointer { out in
                                    candidateRow.withUnsafeMutableBufferPointer { candidateRow in
                                        position.withUnsafeMutableBufferPointer { position in
                                            for r32 in pending {
                                                let r = Int(r32)
                                                guard valid[r] else { continue }
                                                let h = hashes[r]
                                                var i = first ? Int(truncatingIfNeeded: h) & mask : position[r]
                                                while true {
                                                    let k = slots[i]
                                                    if k < 0 { break }
                                                    if keyHash[Int(k)] == h { out[r] = k; candidateRow[r] = keyRow[Int(k)]; break }
                                                    i = (i + 1) & mask
                                                }
                                                position[r] = i
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            first = false
            let others = pending.map { candidateRow[Int($0)] }
            var equal = [Bool](repeating: true, count: pending.count)
            for (c, column) in probe.enumerated() { column.check(pending, against: columns[c], at: others, equal: &equal) }
            var again: [Int32] = []
            for j in pending.indices where others[j] >= 0 && !equal[j] {
                let r = Int(pending[j])
                out[r] = -1
                candidateRow[r] = -1
                position[r] = (position[r] + 1) & mask
                again.append(pending[j])
            }
            pending = again
        }
        return out
    }
}
