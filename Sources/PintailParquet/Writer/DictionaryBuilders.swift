/// Hash maps from values to dense dictionary ids, in insertion order, for dictionary-encoded column chunks.
/// Open addressing with linear probing over flat arrays: no per-value allocation.

/// 64-bit bit patterns (every fixed-width physical type fits) to ids.
struct FixedWidthDictionary {
    private(set) var values: [UInt64] = []
    private var slotKeys: [UInt64]
    private var slotIds: [Int32]
    private var mask: Int

    init(capacity: Int = 1024) {
        var slots = 16
        while slots < capacity * 2 { slots <<= 1 }
        slotKeys = [UInt64](repeating: 0, count: slots)
        slotIds = [Int32](repeating: -1, count: slots)
        mask = slots - 1
    }

    var count: Int { values.count }

    @inline(__always)
    mutating func id(for key: UInt64) -> Int32 {
        var slot = Int(truncatingIfNeeded: mix(key)) & mask
        while true {
            let id = slotIds[slot]
            if id < 0 { break }
            if slotKeys[slot] == key { return id }
            slot = (slot + 1) & mask
        }
        let id = Int32(values.count)
        slotKeys[slot] = key
        slotIds[slot] = id
        values.append(key)
        if values.count * 2 > slotIds.count { grow() }
        return id
    }

    mutating func reset() { self = FixedWidthDictionary() }

    private mutating func grow() {
        let slots = slotIds.count * 2
        slotKeys = [UInt64](repeating: 0, count: slots)
        slotIds = [Int32](repeating: -1, count: slots)
        mask = slots - 1
        for (id, key) in values.enumerated() {
            var slot = Int(truncatingIfNeeded: mix(key)) & mask
            while slotIds[slot] >= 0 { slot = (slot + 1) & mask }
            slotKeys[slot] = key
            slotIds[slot] = Int32(id)
        }
    }
}

/// Byte strings to ids; the distinct values are kept back to back in `bytes` with `offsets`.
struct BytesDictionary {
    private(set) var offsets: [Int32] = [0]
    private(set) var bytes: [UInt8] = []
    private var hashes: [UInt64] = []
    private var slotIds: [Int32]
    private var mask: Int

    init() {
        slotIds = [Int32](repeating: -1, count: 1024)
        mask = 1023
    }

    var count: Int { hashes.count }

    @inline(__always)
    mutating func id(for value: UnsafeRawBufferPointer) -> Int32 {
        let hash = hashBytes(value)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let id = slotIds[slot]
            if id < 0 { break }
            if hashes[Int(id)] == hash && equals(Int(id), value) { return id }
            slot = (slot + 1) & mask
        }
        let id = Int32(hashes.count)
        slotIds[slot] = id
        hashes.append(hash)
        bytes.append(contentsOf: value)
        offsets.append(Int32(truncatingIfNeeded: bytes.count))
        if hashes.count * 2 > slotIds.count { grow() }
        return id
    }

    mutating func reset() { self = BytesDictionary() }

    private func equals(_ id: Int, _ value: UnsafeRawBufferPointer) -> Bool {
        let start = Int(offsets[id]), end = Int(offsets[id + 1])
        guard end - start == value.count else { return false }
        return bytes.withUnsafeBytes { stored in
            value.count == 0 || memoryEqual(stored.baseAddress! + start, value.baseAddress!, value.count)
        }
    }

    private mutating func grow() {
        let slots = slotIds.count * 2
        slotIds = [Int32](repeating: -1, count: slots)
        mask = slots - 1
        for (id, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slotIds[slot] >= 0 { slot = (slot + 1) & mask }
            slotIds[slot] = Int32(id)
        }
    }
}

@inline(__always)
private func mix(_ key: UInt64) -> UInt64 {
    var x = key &* 0x9E37_79B9_7F4A_7C15
    x ^= x >> 29
    x = x &* 0xBF58_476D_1CE4_E5B9
    return x ^ (x >> 32)
}

/// A fast non-cryptographic hash: 8 bytes at a time, multiply and mix.
@inline(__always)
func hashBytes(_ value: UnsafeRawBufferPointer) -> UInt64 {
    var h: UInt64 = 0x243F_6A88_85A3_08D3 ^ UInt64(value.count)
    var i = 0
    let n = value.count
    while i + 8 <= n {
        h = mix(h ^ value.loadUnaligned(fromByteOffset: i, as: UInt64.self))
        i += 8
    }
    var tail: UInt64 = 0
    var shift: UInt64 = 0
    while i < n {
        tail |= UInt64(value[i]) << shift
        shift += 8
        i += 1
    }
    return mix(h ^ tail)
}

@inline(__always)
private func memoryEqual(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, _ count: Int) -> Bool {
    var i = 0
    while i + 8 <= count {
        if a.loadUnaligned(fromByteOffset: i, as: UInt64.self) != b.loadUnaligned(fromByteOffset: i, as: UInt64.self) {
            return false
        }
        i += 8
    }
    while i < count {
        if a.load(fromByteOffset: i, as: UInt8.self) != b.load(fromByteOffset: i, as: UInt8.self) { return false }
        i += 1
    }
    return true
}
