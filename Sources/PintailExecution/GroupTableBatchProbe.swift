/// Probing a batch of keys with the table's memory loaded ahead. A probe of a large table (a million groups no longer
/// fit the caches) waits for up to three misses in turn: the slot, the group's key bounds, its key bytes. Here a
/// chunk's keys are hashed first, then one loop loads every slot the chunk will read and a second loop the bounds and
/// first key bytes of tag matches: those loads do not depend on each other, so the CPU overlaps their misses. The
/// probes that follow are the usual `findOrInsert` and find the lines in cache; the loads only warm, so correctness
/// does not depend on them.
extension GroupTable {
    /// Keys per chunk: enough loads in flight, few enough that the chunk's lines stay in cache until probed.
    static let probeChunk = 256

    /// Finds or inserts the keys `raw[offsets[k] ..< offsets[k + 1]]` for k in 0..<count, in order, calling
    /// `found(k, group, inserted)` for each.
    mutating func findOrInsertKeys(
        _ raw: UnsafeRawBufferPointer, offsets: [Int], count: Int, _ found: (Int, Int32, Bool) -> Void
    ) {
        var hashes = [UInt64](repeating: 0, count: Swift.min(count, Self.probeChunk))
        var start = 0
        while start < count {
            let end = Swift.min(count, start + Self.probeChunk)
            for k in start..<end {
                hashes[k - start] = KeyColumns.hash(UnsafeRawBufferPointer(rebasing: raw[offsets[k]..<offsets[k + 1]]))
            }
            let loaded = hashes.withUnsafeBufferPointer { warm(UnsafeBufferPointer(rebasing: $0[0..<(end - start)])) }
            warmSink &+= loaded
            for k in start..<end {
                let key = UnsafeRawBufferPointer(rebasing: raw[offsets[k]..<offsets[k + 1]])
                let (g, inserted) = findOrInsert(key, hash: hashes[k - start])
                found(k, g, inserted)
            }
            start = end
        }
    }

    /// Loads the lines that probes of `hashes` will read first; returns a value only so that the loads are kept.
    func warm(_ hashes: UnsafeBufferPointer<UInt64>) -> UInt64 {
        let mask = slots.count - 1
        var sink: UInt64 = 0
        slots.withUnsafeBufferPointer { s in
            for h in hashes { sink &+= s[Int(truncatingIfNeeded: h) & mask] }
            keyBounds.withUnsafeBufferPointer { bounds in
                arena.withUnsafeBytes { a in
                    for h in hashes {
                        let entry = s[Int(truncatingIfNeeded: h) & mask]
                        guard entry != 0, entry >> 32 == h >> 32 else { continue }
                        let g = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
                        let at = bounds[g]
                        if at < a.count { sink &+= UInt64(a[at]) }
                    }
                }
            }
        }
        return sink
    }
}
