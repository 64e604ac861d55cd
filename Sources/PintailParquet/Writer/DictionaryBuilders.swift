/// Hash maps from values to dense dictionary ids, in insertion order, for dictionary-encoded column chunks.
/// Open addressing with linear probing over raw slot arrays (at most half full): no per-value allocation or
/// bounds checks. One dictionary per column chunk; callers replace it with a fresh one per chunk.

/// 64-bit bit patterns (every fixed-width physical type fits) to ids. Keys below 2^16 (small counts, years,
/// dates as days) index a direct table instead of the hash table: no hashing or probing for them. The table
/// grows with the largest such key, so columns of small numbers keep it small.
final class FixedWidthDictionary {
    let values = WriterBuffer<UInt64>()
    private var slotKeys: UnsafeMutablePointer<UInt64>
    private var slotIds: UnsafeMutablePointer<Int32>
    private var mask: Int
    /// Ids of keys below `directCount`, -1 where absent.
    private var direct: UnsafeMutablePointer<Int32>
    private var directCount = 256
    private static let directLimit = 1 << 16

    init(slots: Int = 2048) {
        slotKeys = .allocate(capacity: slots)
        slotIds = .allocate(capacity: slots)
        slotIds.initialize(repeating: -1, count: slots)
        mask = slots - 1
        direct = .allocate(capacity: directCount)
        direct.initialize(repeating: -1, count: directCount)
    }

    deinit {
        slotKeys.deallocate()
        slotIds.deallocate()
        direct.deallocate()
    }

    var count: Int { values.count }

    @inline(__always)
    func id(for key: UInt64) -> Int32 {
        if key < UInt64(directCount) {
            let id = direct[Int(key)]
            if id >= 0 { return id }
            let newId = Int32(truncatingIfNeeded: values.count)
            direct[Int(key)] = newId
            values.append(key)
            return newId
        }
        return otherId(for: key)
    }

    /// Forgets every key, keeping the allocated tables.
    func reset() {
        for key in values.buffer where key < UInt64(directCount) { direct[Int(key)] = -1 }
        slotIds.update(repeating: -1, count: mask + 1)
        values.removeAll()
    }

    /// Keys outside the direct table: small ones grow it, the rest go to the hash table.
    private func otherId(for key: UInt64) -> Int32 {
        if key < UInt64(Self.directLimit) {
            var grown = directCount
            while UInt64(grown) <= key { grown *= 2 }
            let table = UnsafeMutablePointer<Int32>.allocate(capacity: grown)
            table.initialize(repeating: -1, count: grown)
            // Every key below 2^16 met so far is in the old table (it grows before taking one): copy it over.
            table.update(from: direct, count: directCount)
            direct.deallocate()
            direct = table
            directCount = grown
            return id(for: key)
        }
        var slot = Int(truncatingIfNeeded: mix(key)) & mask
        while true {
            let id = slotIds[slot]
            if id < 0 { break }
            if slotKeys[slot] == key { return id }
            slot = (slot + 1) & mask
        }
        let id = Int32(truncatingIfNeeded: values.count)
        slotKeys[slot] = key
        slotIds[slot] = id
        values.append(key)
        if values.count * 2 > mask + 1 { grow() }
        return id
    }

    private func grow() {
        let slots = (mask + 1) * 2
        slotKeys.deallocate()
        slotIds.deallocate()
        slotKeys = .allocate(capacity: slots)
        slotIds = .allocate(capacity: slots)
        slotIds.initialize(repeating: -1, count: slots)
        mask = slots - 1
        for id in 0..<values.count {
            let key = values.base[id]
            if key < UInt64(directCount) { continue }  // in the direct table
            var slot = Int(truncatingIfNeeded: mix(key)) & mask
            while slotIds[slot] >= 0 { slot = (slot + 1) & mask }
            slotKeys[slot] = key
            slotIds[slot] = Int32(truncatingIfNeeded: id)
        }
    }
}

/// Byte strings to ids; the distinct values are kept back to back in `bytes`, value `i` at
/// `offsets[i] ..< offsets[i + 1]`. Slots hold the full hash next to the id so most misses never touch the bytes.
final class BytesDictionary {
    let offsets = WriterBuffer<Int32>()
    let bytes = WriterBuffer<UInt8>(capacity: 1 << 14)
    private var slotHashes: UnsafeMutablePointer<UInt64>
    private var slotIds: UnsafeMutablePointer<Int32>
    private var mask: Int

    init(slots: Int = 1024) {
        slotHashes = .allocate(capacity: slots)
        slotIds = .allocate(capacity: slots)
        slotIds.initialize(repeating: -1, count: slots)
        mask = slots - 1
        offsets.append(0)
    }

    deinit {
        slotHashes.deallocate()
        slotIds.deallocate()
    }

    var count: Int { offsets.count - 1 }

    /// The id of the `length` bytes at `value` (which may be any pointer when `length` is 0).
    @inline(__always)
    func id(for value: UnsafeRawPointer, length: Int) -> Int32 {
        let hash = hashBytes(value, length)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let id = slotIds[slot]
            if id < 0 { break }
            if slotHashes[slot] == hash && equals(Int(id), value, length) { return id }
            slot = (slot + 1) & mask
        }
        let id = Int32(truncatingIfNeeded: count)
        slotHashes[slot] = hash
        slotIds[slot] = id
        bytes.reserve(length)
        copyBytes(UnsafeMutableRawPointer(bytes.end), value, length)
        bytes.count += length
        offsets.append(Int32(truncatingIfNeeded: bytes.count))
        if count * 2 > mask + 1 { grow() }
        return id
    }

    @inline(__always)
    private func equals(_ id: Int, _ value: UnsafeRawPointer, _ length: Int) -> Bool {
        let start = Int(offsets.base[id])
        guard Int(offsets.base[id + 1]) - start == length else { return false }
        return bytesEqual(UnsafeRawPointer(bytes.base + start), value, length)
    }

    private func grow() {
        let oldSlots = mask + 1
        let oldHashes = slotHashes, oldIds = slotIds
        let slots = oldSlots * 2
        slotHashes = .allocate(capacity: slots)
        slotIds = .allocate(capacity: slots)
        slotIds.initialize(repeating: -1, count: slots)
        mask = slots - 1
        for old in 0..<oldSlots where oldIds[old] >= 0 {
            let hash = oldHashes[old]
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slotIds[slot] >= 0 { slot = (slot + 1) & mask }
            slotHashes[slot] = hash
            slotIds[slot] = oldIds[old]
        }
        oldHashes.deallocate()
        oldIds.deallocate()
    }
}

@inline(__always)
private func mix(_ key: UInt64) -> UInt64 {
    var x = key &* 0x9E37_79B9_7F4A_7C15
    x ^= x >> 29
    x = x &* 0xBF58_476D_1CE4_E5B9
    return x ^ (x >> 32)
}

/// Multiplies to 128 bits and folds the halves: one strong mixing step for 16 input bytes (as in wyhash).
@inline(__always)
private func fold(_ a: UInt64, _ b: UInt64) -> UInt64 {
    let product = a.multipliedFullWidth(by: b)
    return product.high ^ product.low
}

/// A fast non-cryptographic hash: 16 bytes per 128-bit multiply, short tails read as overlapping words.
@inline(__always)
func hashBytes(_ p: UnsafeRawPointer, _ n: Int) -> UInt64 {
    let k0: UInt64 = 0xA076_1D64_78BD_642F, k1: UInt64 = 0xE703_7ED1_A0B4_28DB
    var seed = k0 ^ UInt64(truncatingIfNeeded: n)
    var a: UInt64 = 0, b: UInt64 = 0
    if n > 16 {
        var i = 0
        while i + 16 < n {
            seed = fold(p.loadUnaligned(fromByteOffset: i, as: UInt64.self) ^ k1,
                        p.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self) ^ seed)
            i += 16
        }
        a = p.loadUnaligned(fromByteOffset: n - 16, as: UInt64.self)
        b = p.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
    } else if n >= 8 {
        a = p.loadUnaligned(fromByteOffset: 0, as: UInt64.self)
        b = p.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
    } else if n >= 4 {
        a = UInt64(p.loadUnaligned(fromByteOffset: 0, as: UInt32.self))
        b = UInt64(p.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self))
    } else if n > 0 {
        a = UInt64(p.load(fromByteOffset: 0, as: UInt8.self)) << 16 | UInt64(p.load(fromByteOffset: n >> 1, as: UInt8.self)) << 8
            | UInt64(p.load(fromByteOffset: n - 1, as: UInt8.self))
    }
    return fold(k1 ^ UInt64(truncatingIfNeeded: n), fold(a ^ k1, b ^ seed))
}

/// Whether `n` bytes at `a` and `b` are equal; the tail is compared as an overlapping word.
@inline(__always)
func bytesEqual(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, _ n: Int) -> Bool {
    if n >= 8 {
        var i = 0
        while i + 8 < n {
            if a.loadUnaligned(fromByteOffset: i, as: UInt64.self) != b.loadUnaligned(fromByteOffset: i, as: UInt64.self) {
                return false
            }
            i += 8
        }
        return a.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self) == b.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
    }
    if n >= 4 {
        return a.loadUnaligned(fromByteOffset: 0, as: UInt32.self) == b.loadUnaligned(fromByteOffset: 0, as: UInt32.self)
            && a.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self) == b.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)
    }
    for i in 0..<n where a.load(fromByteOffset: i, as: UInt8.self) != b.load(fromByteOffset: i, as: UInt8.self) { return false }
    return true
}
