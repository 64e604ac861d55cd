import PintailCore

/// Dense group numbers for GROUP BY keys. A batch's key columns are first encoded column by column into one byte
/// buffer (one typed loop per key column), then each row's bytes are hashed and looked up in an open-addressing
/// table whose keys live in one arena: no allocation per row.
struct GroupTable {
    private(set) var arena: [UInt8] = []
    /// Group g's key bytes are arena[keyBounds[g] ..< keyBounds[g + 1]].
    private(set) var keyBounds: [Int] = [0]
    /// Each group's full hash, read when the slot array grows and when another worker's table merges into this one.
    private(set) var hashes: [UInt64] = []
    /// 0 for an empty slot, else the hash's high 32 bits above group + 1: a probe compares that tag before it
    /// touches the group's key, so mismatches cost no further memory loads.
    private(set) var slots: [UInt64] = [UInt64](repeating: 0, count: 1024)
    /// Where `warm` leaves its loads' sum, so that the compiler keeps them (see GroupTableBatchProbe.swift).
    var warmSink: UInt64 = 0
    /// Groups of the current dictionary's entries, for `groupsWithOneVaryingKey`.
    var dictionaryCache = DictionaryGroupCache()

    var count: Int { hashes.count }

    /// Group numbers for every row of the batch's key vectors; `onNewGroup(row)` is called for rows that start a group.
    mutating func groups(for keys: [Vector], count: Int, onNewGroup: (Int) -> Void) -> [Int32] {
        // Constant keys (partition columns) are one group for the whole batch.
        if count > 0, keys.allSatisfy({ $0.isConstant }) {
            let (bytes, offsets) = KeyColumns.encode(keys.map { v in var one = v; one.count = 1; return one }, count: 1)
            let g = bytes.withUnsafeBytes { raw -> Int32 in
                let key = UnsafeRawBufferPointer(rebasing: raw[offsets[0]..<offsets[1]])
                let (g, inserted) = findOrInsert(key, hash: KeyColumns.hash(key))
                if inserted { onNewGroup(0) }
                return g
            }
            return [Int32](repeating: g, count: count)
        }
        // One key varies and the others are constant: dictionary entries or small integers, no per-row encoding.
        if let out = groupsWithOneVaryingKey(keys, count: count, onNewGroup: onNewGroup) { return out }
        // Several keys with few values each: one slot per combination, no per-row encoding.
        if let out = groupsWithSmallKeyProduct(keys, count: count, onNewGroup: onNewGroup) { return out }
        let (bytes, offsets) = KeyColumns.encode(keys, count: count)
        var out = [Int32](repeating: 0, count: count)
        bytes.withUnsafeBytes { raw in
            findOrInsertKeys(raw, offsets: offsets, count: count) { row, g, inserted in
                if inserted { onNewGroup(row) }
                out[row] = g
            }
        }
        return out
    }

    /// Group numbers of the rows' keys where the table has them, -1 elsewhere; never inserts (join probes).
    func lookup(_ keys: [Vector], count: Int) -> [Int32] {
        let (bytes, offsets) = KeyColumns.encode(keys, count: count)
        var out = [Int32](repeating: -1, count: count)
        bytes.withUnsafeBytes { raw in
            for row in 0..<count {
                let key = UnsafeRawBufferPointer(rebasing: raw[offsets[row]..<offsets[row + 1]])
                out[row] = probe(key, hash: KeyColumns.hash(key)).group
            }
        }
        return out
    }

    mutating func findOrInsert(_ key: UnsafeRawBufferPointer, hash: UInt64) -> (Int32, Bool) {
        let (slot, found) = probe(key, hash: hash)
        if found >= 0 { return (found, false) }
        return (appendGroup(key, hash: hash, slot: slot), true)
    }

    /// Stores a new group's key and hash in the empty slot `slot`.
    private mutating func appendGroup(_ key: UnsafeRawBufferPointer, hash: UInt64, slot: Int) -> Int32 {
        let g = Int32(hashes.count)
        hashes.append(hash)
        // As typed bytes so that the append is one copy, not the generic element-by-element path.
        arena.append(contentsOf: key.assumingMemoryBound(to: UInt8.self))
        keyBounds.append(arena.count)
        slots[slot] = Self.slotEntry(hash: hash, group: g)
        if hashes.count * 2 > slots.count { grow() }
        return g
    }

    /// Adds a key the caller knows is absent (another worker's group that a lookup did not find): no key compare.
    mutating func appendAbsent(_ key: UnsafeRawBufferPointer, hash: UInt64) -> Int32 {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        slots.withUnsafeBufferPointer { s in
            while s[i] != 0 { i = (i + 1) & mask }
        }
        return appendGroup(key, hash: hash, slot: i)
    }

    /// Grows the slot array once for `groups` groups in all (instead of doubling step by step while appending).
    mutating func reserve(groups: Int, keyBytes: Int) {
        arena.reserveCapacity(keyBytes)
        var size = slots.count
        while groups * 2 > size { size *= 2 }
        if size > slots.count { grow(to: size) }
    }

    @inline(__always)
    private static func slotEntry(hash: UInt64, group: Int32) -> UInt64 {
        (hash >> 32) << 32 | UInt64(UInt32(truncatingIfNeeded: group) &+ 1)
    }

    /// The slot holding `key` and its group, or the empty slot where it would go and -1.
    @inline(__always)
    func probe(_ key: UnsafeRawBufferPointer, hash: UInt64) -> (slot: Int, group: Int32) {
        let mask = slots.count - 1
        let tag = hash >> 32
        var i = Int(truncatingIfNeeded: hash) & mask
        return slots.withUnsafeBufferPointer { s in
            keyBounds.withUnsafeBufferPointer { bounds in
                arena.withUnsafeBytes { a in
                    while true {
                        let entry = s[i]
                        if entry == 0 { return (i, -1) }
                        if entry >> 32 == tag {
                            let g = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
                            let start = bounds[g], n = bounds[g + 1] - start
                            if n == key.count && (n == 0 || memcmp(a.baseAddress! + start, key.baseAddress!, n) == 0) {
                                return (i, Int32(g))
                            }
                        }
                        i = (i + 1) & mask
                    }
                }
            }
        }
    }

    /// Re-inserts every group into a slot array of `size` (twice the current by default). Each chunk's first slots
    /// are loaded in one loop before it inserts: with a million groups each slot is a cache miss, and independent
    /// loads overlap where the insert loop would wait for each in turn.
    private mutating func grow(to size: Int? = nil) {
        var bigger = [UInt64](repeating: 0, count: size ?? slots.count * 2)
        let mask = bigger.count - 1
        var sink: UInt64 = 0
        hashes.withUnsafeBufferPointer { h in
            bigger.withUnsafeMutableBufferPointer { b in
                var start = 0
                while start < h.count {
                    let end = Swift.min(h.count, start + Self.probeChunk)
                    for g in start..<end { sink &+= b[Int(truncatingIfNeeded: h[g]) & mask] }
                    for g in start..<end {
                        var i = Int(truncatingIfNeeded: h[g]) & mask
                        while b[i] != 0 { i = (i + 1) & mask }
                        b[i] = Self.slotEntry(hash: h[g], group: Int32(g))
                    }
                    start = end
                }
            }
        }
        warmSink &+= sink
        slots = bigger
    }
}

#if canImport(Glibc)
import Glibc
#endif

/// Canonical key bytes: per key column, a validity byte and then the value (8 bytes for integer kinds and
/// doubles, 16 for wide decimals, length + bytes for strings). Equal keys give equal bytes.
enum KeyColumns {
    static func encode(_ keys: [Vector], count: Int) -> ([UInt8], [Int]) {
        // Pass 1: each row's length.
        var lengths = [Int](repeating: 0, count: count)
        for v in keys {
            switch v.storage {
            case .bytes(let b):
                for r in 0..<count { lengths[r] += v.isValid(r) ? 5 + b.length(at: v.storageIndex(r)) : 1 }
            case .int128: for r in 0..<count { lengths[r] += v.isValid(r) ? 17 : 1 }
            case .list, .map, .row:
                for r in 0..<count { lengths[r] += 5 + ValueText.text(v.value(at: r), type: v.type).utf8.count }
            default: for r in 0..<count { lengths[r] += v.isValid(r) ? 9 : 1 }
            }
        }
        var offsets = [Int](repeating: 0, count: count + 1)
        for r in 0..<count { offsets[r + 1] = offsets[r] + lengths[r] }
        var out = [UInt8](repeating: 0, count: offsets[count])
        var cursor = Array(offsets.dropLast())
        // Pass 2: write column by column.
        out.withUnsafeMutableBytes { dst in
            for v in keys {
                @inline(__always) func put64(_ r: Int, _ x: UInt64) {
                    dst[cursor[r]] = 1
                    dst.storeBytes(of: x, toByteOffset: cursor[r] + 1, as: UInt64.self)
                    cursor[r] += 9
                }
                switch v.storage {
                case .bytes(let b):
                    b.bytes.withUnsafeBytes { src in
                        for r in 0..<count {
                            guard v.isValid(r) else { cursor[r] += 1; continue }
                            let s = v.storageIndex(r)
                            let start = Int(b.offsets[s]), n = Int(b.offsets[s + 1]) - start
                            dst[cursor[r]] = 1
                            dst.storeBytes(of: UInt32(n), toByteOffset: cursor[r] + 1, as: UInt32.self)
                            if n > 0 { (dst.baseAddress! + cursor[r] + 5).copyMemory(from: src.baseAddress! + start, byteCount: n) }
                            cursor[r] += 5 + n
                        }
                    }
                case .int128(let a):
                    for r in 0..<count {
                        guard v.isValid(r) else { cursor[r] += 1; continue }
                        let x = a[v.storageIndex(r)]
                        dst[cursor[r]] = 1
                        dst.storeBytes(of: UInt64(truncatingIfNeeded: x), toByteOffset: cursor[r] + 1, as: UInt64.self)
                        dst.storeBytes(of: UInt64(truncatingIfNeeded: x >> 64), toByteOffset: cursor[r] + 9, as: UInt64.self)
                        cursor[r] += 17
                    }
                case .float64, .float32:
                    let d = v.flattened().doubleValues() ?? []
                    for r in 0..<count {
                        guard v.isValid(r) else { cursor[r] += 1; continue }
                        // -0.0 groups with 0.0, and every NaN with every other.
                        let x = d[r] == 0 ? 0 : (d[r].isNaN ? Double.nan : d[r])
                        put64(r, x.bitPattern)
                    }
                case .list, .map, .row:
                    for r in 0..<count {
                        let text = Array(ValueText.text(v.value(at: r), type: v.type).utf8)
                        dst.storeBytes(of: UInt32(text.count), toByteOffset: cursor[r] + 1, as: UInt32.self)
                        for (k, byte) in text.enumerated() { dst[cursor[r] + 5 + k] = byte }
                        cursor[r] += 5 + text.count
                    }
                default:
                    let x = v.flattened().int64Values() ?? []
                    for r in 0..<count {
                        guard v.isValid(r) else { cursor[r] += 1; continue }
                        put64(r, UInt64(bitPattern: x[r]))
                    }
                }
            }
        }
        return (out, offsets)
    }

    /// A fast 64-bit hash of key bytes (8 bytes at a time, multiply-xorshift mixing).
    @inline(__always)
    static func hash(_ p: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(p.count)
        var i = 0
        while i + 8 <= p.count {
            h = (h ^ p.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < p.count { tail |= UInt64(p[i]) << shift; shift += 8; i += 1 }
        h = (h ^ tail) &* 0x94D0_49BB_1331_11EB
        h ^= h >> 29
        h = h &* 0xBF58_476D_1CE4_E5B9
        return h ^ (h >> 32)
    }
}
