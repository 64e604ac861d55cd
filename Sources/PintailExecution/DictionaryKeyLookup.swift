import PintailCore

/// Hash-join lookups of one string key column in dictionary shape (a Parquet column chunk's dictionary, read batch
/// by batch, or a join's build-side strings): each dictionary entry is hashed and looked up once, when a row first
/// refers to it, and every other row takes its entry's answer. The 10M-review lake's row groups hold 5.6 rows per
/// product_id entry. One per probe copy, so it needs no lock.
final class DictionaryKeyLookup {
    /// The dictionary the answers belong to, retained so that its buffers cannot be freed and reused by another
    /// dictionary while its answers are kept.
    private var dictionary: ByteColumn? = nil
    /// Per entry: the build key number, -1 for none, `unknown` until a row refers to it.
    private var answers: [Int32] = []
    private static let unknown: Int32 = -2
    /// A large dictionary seen once but not taken (it may last one batch only): taken when the next batch has it too.
    private var candidate: (offsets: UnsafeRawPointer?, count: Int)? = nil

    /// The build key number of each row's key, -1 when none (as `JoinBuildTable.lookup`); nil when the keys are not
    /// one string column in dictionary shape, or a new dictionary is much larger than the batch and may not last.
    func lookup(_ keys: [Vector], count: Int, in table: JoinBuildTable) throws -> [Int32]? {
        guard keys.count == 1, count > 0, case .dictionary(let indices) = keys[0].shape,
              case .bytes(let column) = keys[0].storage, column.count > 0, indices.count >= count else { return nil }
        let key = keys[0]
        if !Self.same(dictionary, column) {
            let identity = Self.identity(column)
            if column.count > 4 * count && (candidate?.offsets != identity.offsets || candidate?.count != identity.count) {
                candidate = identity
                return nil
            }
            candidate = nil
            dictionary = column
            answers = [Int32](repeating: Self.unknown, count: column.count)
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
            dictionary = nil
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

    private static func identity(_ column: ByteColumn) -> (offsets: UnsafeRawPointer?, count: Int) {
        (column.offsets.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }, column.count)
    }

    /// Whether `column` shares the kept dictionary's buffers (then it is the same dictionary: shared buffers are
    /// never written).
    private static func same(_ kept: ByteColumn?, _ column: ByteColumn) -> Bool {
        guard let kept, kept.count == column.count else { return false }
        let offsets = kept.offsets.withUnsafeBufferPointer { a in
            column.offsets.withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress }
        }
        return offsets && kept.bytes.withUnsafeBufferPointer { a in
            column.bytes.withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress }
        }
    }
}
