import PintailCore
import PintailSketch

/// Per-row hashes of a dictionary-shaped vector (Parquet dictionary pages), computed from its dictionary entries:
/// an entry is hashed the first time a row points at it, and the entry hashes are kept while later batches point at
/// the same dictionary storage (a scan hands out one dictionary per row group). This replaces gathering every row's
/// bytes and hashing them; the hashes are the same values `ValueHashing.hashes` gives for the flattened vector.
struct DictionaryHashCache {
    let murmur: Bool
    /// The dictionary the entry hashes belong to, held so that its buffers stay alive and their addresses cannot be
    /// reused by another dictionary while we compare them.
    private var held: ColumnStorage? = nil
    private var identity: StorageIdentity? = nil
    private var entryHashes: [Int64] = []
    private var entryKnown: [Bool] = []

    init(murmur: Bool) { self.murmur = murmur }

    /// One hash per row of `v` (0 for NULL rows, which callers skip), or nil when `v` is not dictionary-shaped or its
    /// storage kind is not handled here (the caller then flattens and hashes rows).
    mutating func rowHashes(_ v: Vector) throws -> [Int64]? {
        guard case .dictionary(let indices) = v.shape, let id = StorageIdentity(v.storage) else { return nil }
        if id != identity {
            held = v.storage
            identity = id
            entryHashes = [Int64](repeating: 0, count: id.count)
            entryKnown = [Bool](repeating: false, count: id.count)
        }
        guard indices.count >= v.count else { throw ExecutionError("internal: dictionary vector has too few indices") }
        var out = [Int64](repeating: 0, count: v.count)
        switch v.storage {
        case .bytes(let b): try hashBytes(b, indices: indices, validity: v.validity, into: &out)
        case .int64(let a): try hashIntegers(a, indices: indices, validity: v.validity, into: &out)
        case .int32(let a): try hashIntegers(a, indices: indices, validity: v.validity, into: &out)
        default: return nil
        }
        return out
    }

    private mutating func hashBytes(_ b: ByteColumn, indices: [Int32], validity: Bitmap?, into out: inout [Int64]) throws {
        let entries = entryHashes.count
        let murmur = self.murmur
        try indices.withUnsafeBufferPointer { idx in
            try entryHashes.withUnsafeMutableBufferPointer { h in
                try entryKnown.withUnsafeMutableBufferPointer { known in
                    try out.withUnsafeMutableBufferPointer { o in
                        try b.offsets.withUnsafeBufferPointer { off in
                            try b.bytes.withUnsafeBytes { raw in
                                for i in 0..<o.count {
                                    if let validity, !validity.isSet(i) { continue }
                                    let e = Int(idx[i])
                                    guard e >= 0, e < entries else { throw Self.badIndex(e, entries) }
                                    if !known[e] {
                                        let lo = Int(off[e]), hi = Int(off[e + 1])
                                        guard lo <= hi, hi <= raw.count else {
                                            throw ExecutionError("internal: dictionary entry \(e) has bad offsets")
                                        }
                                        let s = UnsafeRawBufferPointer(rebasing: raw[lo..<hi])
                                        h[e] = murmur ? Murmur3Hash128.hash64(s) : XxHash64.hash(s)
                                        known[e] = true
                                    }
                                    o[i] = h[e]
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private mutating func hashIntegers<T: FixedWidthInteger>(
        _ values: [T], indices: [Int32], validity: Bitmap?, into out: inout [Int64]
    ) throws {
        let entries = entryHashes.count
        let murmur = self.murmur
        try indices.withUnsafeBufferPointer { idx in
            try entryHashes.withUnsafeMutableBufferPointer { h in
                try entryKnown.withUnsafeMutableBufferPointer { known in
                    try out.withUnsafeMutableBufferPointer { o in
                        try values.withUnsafeBufferPointer { x in
                            for i in 0..<o.count {
                                if let validity, !validity.isSet(i) { continue }
                                let e = Int(idx[i])
                                guard e >= 0, e < entries else { throw Self.badIndex(e, entries) }
                                if !known[e] {
                                    let wide = Int64(truncatingIfNeeded: x[e])
                                    h[e] = murmur ? Murmur3Hash128.hash64(wide) : XxHash64.hash(wide)
                                    known[e] = true
                                }
                                o[i] = h[e]
                            }
                        }
                    }
                }
            }
        }
    }

    private static func badIndex(_ e: Int, _ entries: Int) -> ExecutionError {
        ExecutionError("internal: dictionary index \(e) outside a dictionary of \(entries) entries")
    }
}

/// Which buffers a column storage lives in: equal identities (while one of them is held) mean the same values.
struct StorageIdentity: Equatable {
    let first: UnsafeRawPointer?
    let second: UnsafeRawPointer?
    let count: Int

    init?(_ storage: ColumnStorage) {
        switch storage {
        case .bytes(let b):
            first = b.offsets.withUnsafeBytes { $0.baseAddress }
            second = b.bytes.withUnsafeBytes { $0.baseAddress }
            count = b.count
        case .int64(let a):
            first = a.withUnsafeBytes { $0.baseAddress }
            second = nil
            count = a.count
        case .int32(let a):
            first = a.withUnsafeBytes { $0.baseAddress }
            second = nil
            count = a.count
        default:
            return nil
        }
        // Empty arrays may share one static buffer; there is nothing to cache for them anyway.
        if count == 0 { return nil }
    }
}
