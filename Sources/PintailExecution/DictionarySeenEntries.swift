import PintailCore

/// For f(DISTINCT x) without GROUP BY over dictionary vectors (Parquet dictionary pages): which entries of the
/// current dictionary have already been passed on, so that rows repeating an entry skip key encoding and the
/// distinct hash table. Kept while batches point at the same dictionary storage (one per row group).
struct DictionarySeenEntries {
    /// Held so that its buffers stay alive and their addresses identify it (see `StorageIdentity`).
    private var held: ColumnStorage? = nil
    private var identity: StorageIdentity? = nil
    private var seen: [Bool] = []

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
            seen = [Bool](repeating: false, count: id.count)
        }
        var rows: [Int32] = []
        let validity = v.validity
        let entries = seen.count
        var badIndex: Int? = nil
        indices.withUnsafeBufferPointer { idx in
            seen.withUnsafeMutableBufferPointer { s in
                // A non-throwing loop with one unsigned range check per row; a bad index stops it and throws below.
                for i in 0..<v.count {
                    if let validity, !validity.isSet(i) { continue }
                    let e = Int(idx[i])
                    guard UInt(bitPattern: e) < UInt(entries) else { badIndex = e; return }
                    if !s[e] {
                        s[e] = true
                        rows.append(Int32(i))
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
