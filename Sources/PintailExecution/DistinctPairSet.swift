#if canImport(Glibc)
import Glibc
#endif

/// One hash partition of the distinct (group, value) pairs of a count(DISTINCT x): an open-addressing table whose
/// slots point straight at the pair's record in one byte arena, so a probe that matches a slot's tag touches one
/// more cache line (the record), not an index array and then the key. A class so that worker threads can fill
/// different partitions of one aggregate at the same time without touching a shared array buffer.
///
/// Record layout: value hash (8 bytes), group (4), value length (4, high bit set for raw string bytes), value bytes.
final class DistinctPairSet {
    static let headerSize = 16
    /// Marks a value stored as raw string bytes rather than `KeyColumns` bytes, so the two encodings never compare
    /// equal.
    static let rawStringFlag: UInt32 = 0x8000_0000

    /// The records, one after another: raw memory that grows by doubling, so that adding a record is one capacity
    /// check and plain stores (an array's appends checked uniqueness and capacity once per field).
    private var arena: UnsafeMutableRawPointer
    private var arenaCount = 0
    private var arenaCapacity: Int
    /// 0 for an empty slot, else the pair hash's top 24 bits above the record's arena offset + 1 (40 bits).
    private var slots = [UInt64](repeating: 0, count: 16)
    private(set) var count = 0

    init() {
        arenaCapacity = 256
        arena = .allocate(byteCount: arenaCapacity, alignment: 16)
    }

    deinit { arena.deallocate() }

    /// Mixes the value's hash with its group (the slot hash); the partition is chosen from the value hash alone, so
    /// a pair stays in its partition when another worker's group numbers are mapped onto this worker's.
    @inline(__always)
    static func pairHash(_ valueHash: UInt64, group: Int32) -> UInt64 {
        var h = valueHash ^ (UInt64(UInt32(bitPattern: group)) &* 0x9E37_79B9_7F4A_7C15)
        h ^= h >> 29
        h = h &* 0xBF58_476D_1CE4_E5B9
        return h ^ (h >> 32)
    }

    /// Adds the pair unless present; true when it was new. `length` includes `rawStringFlag` when set.
    @discardableResult
    func insert(group: Int32, value: UnsafeRawPointer?, length: UInt32, valueHash: UInt64) -> Bool {
        let hash = Self.pairHash(valueHash, group: group)
        let tag = hash >> 40
        let n = Int(length & ~Self.rawStringFlag)
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        let a = arena
        let found: Bool = slots.withUnsafeBufferPointer { s in
            while true {
                let entry = s[i]
                if entry == 0 { return false }
                if entry >> 40 == tag {
                    let at = Int(entry & 0xFF_FFFF_FFFF) - 1
                    if a.loadUnaligned(fromByteOffset: at + 8, as: Int32.self) == group,
                       a.loadUnaligned(fromByteOffset: at + 12, as: UInt32.self) == length,
                       n == 0 || (value != nil && memcmp(a + at + Self.headerSize, value!, n) == 0) {
                        return true
                    }
                }
                i = (i + 1) & mask
            }
        }
        if found { return false }
        let at = arenaCount
        reserve(Self.headerSize + n)
        arena.storeBytes(of: valueHash, toByteOffset: at, as: UInt64.self)
        arena.storeBytes(of: group, toByteOffset: at + 8, as: Int32.self)
        arena.storeBytes(of: length, toByteOffset: at + 12, as: UInt32.self)
        if n > 0, let value { (arena + at + Self.headerSize).copyMemory(from: value, byteCount: n) }
        arenaCount = at + Self.headerSize + n
        slots[i] = tag << 40 | UInt64(at + 1)
        count += 1
        if count * 2 > slots.count { grow() }
        return true
    }

    /// Loads the slot, and on a tag match the record, that inserting this pair will read first; returns a value
    /// only so that the loads are kept.
    func touch(_ valueHash: UInt64, group: Int32) -> UInt64 {
        let hash = Self.pairHash(valueHash, group: group)
        return slots.withUnsafeBufferPointer { s in
            let entry = s[Int(truncatingIfNeeded: hash) & (s.count - 1)]
            guard entry != 0, entry >> 40 == hash >> 40 else { return entry }
            let at = Int(entry & 0xFF_FFFF_FFFF) - 1
            return at + 8 < arenaCount ? entry &+ UInt64(arena.load(fromByteOffset: at + 8, as: UInt8.self)) : entry
        }
    }

    /// Room for `bytes` more arena bytes.
    @inline(__always)
    private func reserve(_ bytes: Int) {
        guard arenaCount + bytes > arenaCapacity else { return }
        var capacity = arenaCapacity * 2
        while arenaCount + bytes > capacity { capacity *= 2 }
        let bigger = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
        bigger.copyMemory(from: arena, byteCount: arenaCount)
        arena.deallocate()
        arena = bigger
        arenaCapacity = capacity
    }

    /// Adds every pair of `other`, its group g becoming `mapping[g]` (another worker's partial of the same query).
    func absorb(_ other: DistinctPairSet, mapping: [Int32]) throws {
        try other.forEachRecord { _, valueHash, group, length, value in
            guard group >= 0, Int(group) < mapping.count else {
                throw ExecutionError("internal: distinct pair of group \(group) has no merged group")
            }
            insert(group: mapping[Int(group)], value: value, length: length, valueHash: valueHash)
        }
    }

    /// Adds one to `counts[g]` for every pair of group g.
    func addCounts(into counts: inout [Int64]) throws {
        let groups = counts.count
        try counts.withUnsafeMutableBufferPointer { c in
            try forEachRecord { _, _, group, _, _ in
                guard group >= 0, Int(group) < groups else {
                    throw ExecutionError("internal: distinct pair of group \(group) beyond \(groups) groups")
                }
                c[Int(group)] += 1
            }
        }
    }

    /// Visits the records in insertion order (one sequential pass over the arena): offset, value hash, group, length
    /// and value bytes.
    private func forEachRecord(_ body: (Int, UInt64, Int32, UInt32, UnsafeRawPointer?) throws -> Void) rethrows {
        let a = UnsafeRawPointer(arena), end = arenaCount
        var at = 0
        while at + Self.headerSize <= end {
            let valueHash = a.loadUnaligned(fromByteOffset: at, as: UInt64.self)
            let group = a.loadUnaligned(fromByteOffset: at + 8, as: Int32.self)
            let length = a.loadUnaligned(fromByteOffset: at + 12, as: UInt32.self)
            let n = Int(length & ~Self.rawStringFlag)
            try body(at, valueHash, group, length, a + at + Self.headerSize)
            at += Self.headerSize + n
        }
    }

    private func grow() {
        var bigger = [UInt64](repeating: 0, count: slots.count * 2)
        let mask = bigger.count - 1
        bigger.withUnsafeMutableBufferPointer { b in
            forEachRecord { at, valueHash, group, _, _ in
                let hash = Self.pairHash(valueHash, group: group)
                var i = Int(truncatingIfNeeded: hash) & mask
                while b[i] != 0 { i = (i + 1) & mask }
                b[i] = (hash >> 40) << 40 | UInt64(at + 1)
            }
        }
        slots = bigger
    }
}
