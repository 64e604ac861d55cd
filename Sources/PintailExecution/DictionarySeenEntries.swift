import PintailCore

/// For f(DISTINCT x) without GROUP BY over dictionary vectors (Parquet dictionary pages): which entries of the
/// current dictionary have already been passed on, so that rows repeating an entry skip key encoding and the
/// distinct hash table. Kept while batches point at the same dictionary storage (one per row group).
struct DictionarySeenEntries {
    /// Held so that its buffers stay alive and their addresses identify it (see `StorageIdentity`).
    private var held: ColumnStorage? = nil
    private var identity: StorageIdentity? = nil
    /// One bit per dictionary entry: dictionaries reach hundreds of thousands of entries (a Parquet row group of
    /// customer ids), and a bit set stays in the caches where an array of Bools does not.
    private var seen: [UInt64] = []
    private var entries = 0

    /// The group the marks belong to: rows of another group start again.
    private var context: Int32 = 0

    /// The non-NULL rows of `v` whose dictionary entry has not been seen before (the first row of each), marking
    /// those entries seen; nil when `v` is not dictionary-shaped over a storage kind handled here. `context` is the
    /// group all rows belong to.
    mutating func firstRows(_ v: Vector, context: Int32 = 0) throws -> [Int32]? {
        guard case .dictionary(let indices) = v.shape, let id = StorageIdentity(v.storage) else { return nil }
        guard indices.count >= v.count else { throw ExecutionError("internal: dictionary vector has too few indices") }
        if id != identity || context != self.context {
            held = v.storage
            identity = id
            self.context = context
            entries = id.count
            seen = [UInt64](repeating: 0, count: (id.count + 63) / 64)
        }
        let validity = v.validity
        let entries = self.entries
        var badIndex: Int? = nil
        let n = v.count
        // The rows go straight into an array of capacity n (no append bookkeeping per row).
        let rows = [Int32](unsafeUninitializedCapacity: n) { out, kept in
            kept = 0
            indices.withUnsafeBufferPointer { idx in
                seen.withUnsafeMutableBufferPointer { bits in
                    // A non-throwing loop with one unsigned range check per row; a bad index stops it and throws
                    // below. Branch-free: every row is written at `kept`, which moves on only for an unseen entry
                    // (about one row in five on real data, so a branch on it would be mispredicted often).
                    @inline(__always) func visit(_ i: Int) -> Bool {
                        let e = Int(idx[i])
                        guard UInt(bitPattern: e) < UInt(entries) else { badIndex = e; return false }
                        let word = e &>> 6, shift = UInt64(e & 63)
                        let w = bits[word]
                        bits[word] = w | (1 &<< shift)
                        out[kept] = Int32(truncatingIfNeeded: i)
                        kept &+= Int(truncatingIfNeeded: (~w &>> shift) & 1)
                        return true
                    }
                    if let validity {
                        for i in 0..<n where validity.isSet(i) { if !visit(i) { return } }
                    } else {
                        for i in 0..<n { if !visit(i) { return } }
                    }
                }
            }
        }
        if let badIndex {
            throw ExecutionError("internal: dictionary index \(badIndex) outside a dictionary of \(entries) entries")
        }
        return rows
    }
}
