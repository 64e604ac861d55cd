import PintailCore

/// Hash-join lookups of one string key column in dictionary shape (a Parquet column chunk's dictionary, read batch
/// by batch, or a join's build-side strings): each dictionary entry is hashed and looked up once, when a row first
/// refers to it, and every other row takes its entry's answer. The 10M-review lake's row groups hold 5.6 rows per
/// product_id entry. One per probe copy, so it needs no lock.
final class DictionaryKeyLookup {
    /// The dictionary the answers belong to, held so that its buffers stay alive and their addresses identify it.
    private var held: ColumnStorage? = nil
    private var identity: StorageIdentity? = nil
    /// Per entry: the build key number, -1 for none, `unknown` until a row refers to it.
    private var answers: [Int32] = []
    private static let unknown: Int32 = -2
    /// A large dictionary seen once but not taken (it may last one batch only): taken when the next batch has it too.
    private var candidate: StorageIdentity? = nil

    /// The build key number of each row's key, -1 when none (as `JoinBuildTable.lookup`); nil when the keys are not
    /// one string column in dictionary shape, or a new dictionary is much larger than the batch and may not last.
    func lookup(_ keys: [Vector], count: Int, in table: JoinBuildTable) throws -> [Int32]? {
        guard keys.count == 1, count > 0, case .dictionary(let indices) = keys[0].shape,
              case .bytes = keys[0].storage, let id = StorageIdentity(keys[0].storage), indices.count >= count
        else { return nil }
        let key = keys[0]
        if id != identity {
            if id.count > 4 * count && id != candidate {
                candidate = id
                return nil
            }
            candidate = nil
            held = key.storage
            identity = id
            answers = [Int32](repeating: Self.unknown, count: id.count)
        }
        let entries = answers.count
        // Entries first referred to in this batch are looked up together.
        var fresh: [Int32] = []
        let inRange = answers.withUnsafeMutableBufferPointer { a -> Bool in
            for r in 0..<count where key.isValid(r) {
                let e = Int(indices[r])
                guard e >= 0 && e < entries else { return false }
                if a[e] == Self.unknown {
                    a[e] = -1
                    fresh.append(Int32(e))
                }
            }
            return true
        }
        guard inRange else {
            held = nil
            identity = nil
            return nil
        }
        if !fresh.isEmpty {
            let freshKeys = Vector(type: key.type, count: fresh.count, storage: key.storage, validity: nil,
                                   shape: .dictionary(indices: fresh))
            let found = try table.lookup([freshKeys], count: fresh.count)
            for (j, e) in fresh.enumerated() { answers[Int(e)] = found[j] }
        }
        var out = [Int32](repeating: -1, count: count)
        answers.withUnsafeBufferPointer { a in
            for r in 0..<count where key.isValid(r) { out[r] = a[Int(indices[r])] }
        }
        return out
    }
}
