import PintailCore

/// Dense group numbers for GROUP BY keys. A batch's key columns are first encoded column by column into one byte
/// buffer (one typed loop per key column), then each row's bytes are hashed and looked up in an open-addressing
/// table whose keys live in one arena: no allocation per row.
struct GroupTable {
    private var arena: [UInt8] = []
    private var keyStart: [Int] = []
    private var keyLength: [Int] = []
    private var hashes: [UInt64] = []
    private var slots: [Int32] = [Int32](repeating: -1, count: 1024)

    var count: Int { keyStart.count }

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
        // One dictionary-encoded key (Parquet dictionary pages): look up each distinct entry once. NULL rows share
        // one extra entry after the dictionary's.
        if keys.count == 1, case .dictionary(let indices) = keys[0].shape {
            let validity = keys[0].validity
            let nullEntry = keys[0].storage.count
            @inline(__always) func entry(_ row: Int) -> Int {
                if let validity, !validity.isSet(row) { return nullEntry }
                return Int(indices[row])
            }
            var groupOfEntry = [Int32](repeating: -1, count: nullEntry + 1)
            var out = [Int32](repeating: 0, count: count)
            var entryRows: [Int] = []
            for row in 0..<count where groupOfEntry[entry(row)] == -1 {
                groupOfEntry[entry(row)] = -2
                entryRows.append(row)
            }
            let sample = keys[0].sliced(entryRows.map { Int32($0) })
            let (bytes, offsets) = KeyColumns.encode([sample], count: entryRows.count)
            bytes.withUnsafeBytes { raw in
                for (k, row) in entryRows.enumerated() {
                    let key = UnsafeRawBufferPointer(rebasing: raw[offsets[k]..<offsets[k + 1]])
                    let (g, inserted) = findOrInsert(key, hash: KeyColumns.hash(key))
                    if inserted { onNewGroup(row) }
                    groupOfEntry[entry(row)] = g
                }
            }
            for row in 0..<count { out[row] = groupOfEntry[entry(row)] }
            return out
        }
        let (bytes, offsets) = KeyColumns.encode(keys, count: count)
        var out = [Int32](repeating: 0, count: count)
        bytes.withUnsafeBytes { raw in
            for row in 0..<count {
                let key = UnsafeRawBufferPointer(rebasing: raw[offsets[row]..<offsets[row + 1]])
                let h = KeyColumns.hash(key)
                let (g, inserted) = findOrInsert(key, hash: h)
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
        let mask = slots.count - 1
        bytes.withUnsafeBytes { raw in
            for row in 0..<count {
                let key = UnsafeRawBufferPointer(rebasing: raw[offsets[row]..<offsets[row + 1]])
                let h = KeyColumns.hash(key)
                var i = Int(truncatingIfNeeded: h) & mask
                while true {
                    let g = slots[i]
                    if g < 0 { break }
                    if hashes[Int(g)] == h && keyLength[Int(g)] == key.count && equal(Int(g), key) { out[row] = g; break }
                    i = (i + 1) & mask
                }
            }
        }
        return out
    }

    private mutating func findOrInsert(_ key: UnsafeRawBufferPointer, hash: UInt64) -> (Int32, Bool) {
        var mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        while true {
            let g = slots[i]
            if g < 0 { break }
            if hashes[Int(g)] == hash && keyLength[Int(g)] == key.count && equal(Int(g), key) { return (g, false) }
            i = (i + 1) & mask
        }
        let g = Int32(keyStart.count)
        keyStart.append(arena.count)
        keyLength.append(key.count)
        hashes.append(hash)
        arena.append(contentsOf: key)
        slots[i] = g
        if keyStart.count * 2 > slots.count {
            grow()
            mask = slots.count - 1
        }
        return (g, true)
    }

    private func equal(_ g: Int, _ key: UnsafeRawBufferPointer) -> Bool {
        arena.withUnsafeBytes { a in
            key.count == 0 || memcmp(a.baseAddress! + keyStart[g], key.baseAddress!, key.count) == 0
        }
    }

    private mutating func grow() {
        var bigger = [Int32](repeating: -1, count: slots.count * 2)
        let mask = bigger.count - 1
        for g in 0..<keyStart.count {
            var i = Int(truncatingIfNeeded: hashes[g]) & mask
            while bigger[i] >= 0 { i = (i + 1) & mask }
            bigger[i] = Int32(g)
        }
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
