import PintailCore

/// GROUP BY fast paths for batches where every key column but one is constant (partition columns, the single group
/// of a DISTINCT without GROUP BY): the varying column's distinct values in the batch are found without encoding or
/// hashing every row, and only each value's first row goes through the byte-key table. The key bytes of those rows
/// are the ones `KeyColumns.encode` gives, so these paths and the row-by-row path share one table.
extension GroupTable {
    /// Group numbers for the batch, or nil when the keys do not have this shape (the caller encodes every row).
    mutating func groupsWithOneVaryingKey(_ keys: [Vector], count: Int, onNewGroup: (Int) -> Void) -> [Int32]? {
        var varying = -1
        for (k, v) in keys.enumerated() where !v.isConstant {
            if varying >= 0 { return nil }
            varying = k
        }
        guard varying >= 0, count > 0, keys[varying].count >= count else { return nil }
        let v = keys[varying]
        switch v.shape {
        case .dictionary(let indices):
            return dictionaryGroups(keys, varying: varying, indices: indices, count: count, onNewGroup: onNewGroup)
        case .flat:
            switch v.storage {
            case .int8(let a): return a.withUnsafeBufferPointer { smallIntegerGroups(keys, values: $0, count: count, onNewGroup: onNewGroup) }
            case .int16(let a): return a.withUnsafeBufferPointer { smallIntegerGroups(keys, values: $0, count: count, onNewGroup: onNewGroup) }
            case .int32(let a): return a.withUnsafeBufferPointer { smallIntegerGroups(keys, values: $0, count: count, onNewGroup: onNewGroup) }
            case .int64(let a): return a.withUnsafeBufferPointer { smallIntegerGroups(keys, values: $0, count: count, onNewGroup: onNewGroup) }
            default: return nil
            }
        case .constant:
            return nil
        }
    }

    /// A dictionary-shaped varying key (Parquet dictionary pages): each entry's group is kept while later batches
    /// point at the same dictionary with the same constant keys, so most rows cost one array load. NULL rows share
    /// one extra entry after the dictionary's.
    private mutating func dictionaryGroups(
        _ keys: [Vector], varying: Int, indices: [Int32], count: Int, onNewGroup: (Int) -> Void
    ) -> [Int32]? {
        let v = keys[varying]
        guard indices.count >= count,
              dictionaryCache.prepare(v.storage, context: Self.constantContext(keys, varying: varying))
        else { return nil }
        let nullEntry = dictionaryCache.groupOfEntry.count - 1
        let validity = v.validity
        var out = [Int32](repeating: 0, count: count)
        var missRows: [Int32] = [], missEntries: [Int32] = []
        var badIndex = false
        indices.withUnsafeBufferPointer { idx in
            dictionaryCache.groupOfEntry.withUnsafeMutableBufferPointer { cache in
                out.withUnsafeMutableBufferPointer { o in
                    for row in 0..<count {
                        var e = Int(idx[row])
                        if let validity, !validity.isSet(row) { e = nullEntry } else if e < 0 || e >= nullEntry {
                            badIndex = true
                            return
                        }
                        let g = cache[e]
                        if g == -1 {
                            cache[e] = -2
                            missRows.append(Int32(row))
                            missEntries.append(Int32(e))
                        }
                        // Rows whose entry is new this batch carry -2 - entry until the entry has its group.
                        o[row] = g >= 0 ? g : Int32(-2 - e)
                    }
                }
            }
        }
        // Leave the cache as it was before this batch marked entries; the row-by-row path reports the bad index.
        if badIndex { dictionaryCache.reset(); return nil }
        if missRows.isEmpty { return out }
        let sample = keys.map { $0.sliced(missRows) }
        let (bytes, offsets) = KeyColumns.encode(sample, count: missRows.count)
        var missGroups = [Int32](repeating: 0, count: missRows.count)
        bytes.withUnsafeBytes { raw in
            findOrInsertKeys(raw, offsets: offsets, count: missRows.count) { k, g, inserted in
                if inserted { onNewGroup(Int(missRows[k])) }
                missGroups[k] = g
            }
        }
        dictionaryCache.groupOfEntry.withUnsafeMutableBufferPointer { cache in
            for (k, e) in missEntries.enumerated() { cache[Int(e)] = missGroups[k] }
            out.withUnsafeMutableBufferPointer { o in
                for row in 0..<count where o[row] < 0 { o[row] = cache[Int(-2 - o[row])] }
            }
        }
        return out
    }

    /// A flat integer varying key whose values in this batch span a small range (years, ratings, small codes): a
    /// direct-mapped array from value - minimum to group replaces hashing. Wide ranges return nil.
    private mutating func smallIntegerGroups<T: FixedWidthInteger>(
        _ keys: [Vector], values: UnsafeBufferPointer<T>, count: Int, onNewGroup: (Int) -> Void
    ) -> [Int32]? {
        guard values.count >= count, let varying = keys.firstIndex(where: { !$0.isConstant }) else { return nil }
        var slotOfRow = [Int32](repeating: 0, count: count)
        // Up to four slots per row: sorted sparse keys (TPC-H's l_orderkey, 8 of every 32 numbers) span about four
        // times a batch's rows, and a slot array that size still costs less than encoding and probing every row.
        guard let slots = Self.addIntegerCodes(keys[varying], values, times: 1, count: count,
                                               limit: Swift.max(256, Swift.min(4 * count, 1 << 16)), into: &slotOfRow)
        else { return nil }
        return groupsOfSlots(keys, slotOfRow: slotOfRow, slotCount: slots, count: count, onNewGroup: onNewGroup)
    }

    /// What the constant keys and the varying key's position encode to: the dictionary cache is only valid while
    /// this stays the same.
    private static func constantContext(_ keys: [Vector], varying: Int) -> [UInt8] {
        let constants = keys.enumerated().filter { $0.offset != varying }.map { k -> Vector in
            var one = k.element
            one.count = 1
            return one
        }
        var context = constants.isEmpty ? [] : KeyColumns.encode(constants, count: 1).0
        withUnsafeBytes(of: Int64(varying)) { context.append(contentsOf: $0) }
        return context
    }
}

/// Group numbers of the current dictionary's entries (see `GroupTable.groupsWithOneVaryingKey`): -1 for entries not
/// looked up yet, plus one entry for NULL rows.
struct DictionaryGroupCache {
    /// Held so that its buffers stay alive and their addresses identify it (see `StorageIdentity`).
    private var held: ColumnStorage? = nil
    private var identity: StorageIdentity? = nil
    private var context: [UInt8] = []
    var groupOfEntry: [Int32] = []

    /// Points the cache at `storage` with `context`, clearing it if either changed; false for storage kinds
    /// `StorageIdentity` does not cover.
    mutating func prepare(_ storage: ColumnStorage, context: [UInt8]) -> Bool {
        guard let id = StorageIdentity(storage) else { return false }
        if id != identity || context != self.context {
            held = storage
            identity = id
            self.context = context
            groupOfEntry = [Int32](repeating: -1, count: id.count + 1)
        }
        return true
    }

    mutating func reset() {
        held = nil
        identity = nil
        groupOfEntry = []
    }
}
