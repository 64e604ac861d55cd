import PintailCore

/// The build side's join keys, hashed and compared in place over typed key columns (one hash per row, no key bytes
/// copied). The rows are scattered by their hash's top bits into partitions of about 8K rows and each partition's
/// open-addressing table is built on its own, small enough to stay in cache meanwhile; on several threads (large
/// builds) each worker hashes and scatters a share of the rows, then builds whole partitions (disjoint, so no
/// locks). A key's number is its first build row, so partitions need no shared numbering: `chainHead[k] == k` for
/// every key k (-1 at other rows) and `chainNext` links a key's rows in row order. Rows with a NULL key join
/// nothing. Never changed after `init`: probes on any thread read it without locks.
final class JoinPartitionedKeyTable: @unchecked Sendable {
    private let columns: [JoinKeyColumn]
    private let kinds: [JoinKeyColumn.Kind]
    /// A hash's partition is its top bits: `hash &>> shift`.
    private let shift: UInt64
    /// Partition p's slots are `slots[slotStart[p] ..< slotStart[p + 1]]`, a power of two of them. A slot holds a
    /// tag of its key's hash (bits 22-53, apart from the partition and slot bits) over its key number.
    private let slotStart: [Int]
    private let slots: UnsafeMutableBufferPointer<UInt64>
    let chainHead: [Int32]
    let chainNext: [Int32]

    private static let empty = UInt64.max
    private static let tagMask: UInt64 = 0xFFFF_FFFF_0000_0000
    /// Rows a partition aims at: its slots (16 bytes a row) then fit in a core's L2 cache while it is built.
    private static let rowsPerPartition = 8_192

    @inline(__always) private static func tag(_ h: UInt64) -> UInt64 { (h >> 22) << 32 }

    /// Keys of `n` rows (flat or not, one vector per key column), built on up to `threads` threads.
    init(keys: [Vector], count n: Int, threads: Int) throws {
        var columns: [JoinKeyColumn] = []
        for (k, v) in keys.enumerated() {
            guard let c = JoinKeyColumn(v) else { throw ExecutionError("join key \(k + 1) of type \(v.type) cannot be hashed") }
            columns.append(c)
        }
        self.columns = columns
        kinds = keys.compactMap { JoinKeyColumn.kind($0.storage) }
        var bits = 1
        while bits < 10 && (n >> bits) > Self.rowsPerPartition { bits += 1 }
        shift = UInt64(64 - bits)
        var starts: [Int] = []
        var table = UnsafeMutableBufferPointer<UInt64>(start: nil, count: 0)
        var next: [Int32] = []
        chainHead = try [Int32](unsafeUninitializedCapacity: n) { head, headCount in
            next = try [Int32](unsafeUninitializedCapacity: n) { next, nextCount in
                (starts, table) = try JoinPartitionBuild.run(columns: columns, keys: keys, count: n, bits: bits,
                                                            threads: threads, head: head, next: next)
                nextCount = n
            }
            headCount = n
        }
        chainNext = next
        slotStart = starts
        slots = table
    }

    deinit { slots.deallocate() }

    /// The build key number (first build row) of each probe row's key, -1 when none.
    func lookup(_ keys: [Vector], count n: Int) throws -> [Int32] {
        let (probe, valid) = try JoinKeyColumn.probeColumns(keys, kinds: kinds, count: n)
        let hashes = JoinKeyColumn.hashes(probe, count: n)
        if probe.count == 1, case .ints(let a) = probe[0], case .ints(let b) = columns[0] {
            return lookupInts(a, b, hashes, valid)
        }
        var out = [Int32](repeating: -1, count: n)
        var position = [Int](repeating: 0, count: n)
        var pending: [Int32] = []
        pending.reserveCapacity(n)
        for r in 0..<n where valid[r] { pending.append(Int32(r)) }
        let shift = self.shift, slots = self.slots
        // First the next slot with the row's tag, for all rows in one loop; then the keys compared column by
        // column. Rows whose candidate differs (a tag collision) go round again from the following slot.
        var first = true
        while !pending.isEmpty {
            slotStart.withUnsafeBufferPointer { starts in
                hashes.withUnsafeBufferPointer { hashes in
                    out.withUnsafeMutableBufferPointer { out in
                        position.withUnsafeMutableBufferPointer { position in
                            for r32 in pending {
                                let r = Int(r32), h = hashes[r]
                                let p = Int(truncatingIfNeeded: h &>> shift)
                                let base = starts[p], mask = starts[p + 1] - base - 1, t = Self.tag(h)
                                var i = first ? Int(truncatingIfNeeded: h) & mask : position[r]
                                while true {
                                    let s = slots[base + i]
                                    if s == Self.empty { out[r] = -1; break }
                                    if s & Self.tagMask == t { out[r] = Int32(truncatingIfNeeded: s); break }
                                    i = (i + 1) & mask
                                }
                                position[r] = i
                            }
                        }
                    }
                }
            }
            first = false
            let others = pending.map { out[Int($0)] }
            var equal = [Bool](repeating: true, count: pending.count)
            for (c, column) in probe.enumerated() { column.check(pending, against: columns[c], at: others, equal: &equal) }
            var again: [Int32] = []
            for j in pending.indices where others[j] >= 0 && !equal[j] {
                let r = Int(pending[j]), p = Int(truncatingIfNeeded: hashes[r] &>> shift)
                out[r] = -1
                position[r] = (position[r] + 1) & (slotStart[p + 1] - slotStart[p] - 1)
                again.append(pending[j])
            }
            pending = again
        }
        return out
    }

    /// One integer key column: the keys are compared as each tag matches, in the same loop (a tag that matches a
    /// different key just lets the probe go on to the next slot, since every key has exactly one slot).
    private func lookupInts(_ probe: [Int64], _ build: [Int64], _ hashes: [UInt64], _ valid: [Bool]) -> [Int32] {
        let n = hashes.count, shift = self.shift, slots = self.slots
        var out = [Int32](repeating: -1, count: n)
        slotStart.withUnsafeBufferPointer { starts in
            probe.withUnsafeBufferPointer { probe in
                build.withUnsafeBufferPointer { build in
                    hashes.withUnsafeBufferPointer { hashes in
                        valid.withUnsafeBufferPointer { valid in
                            out.withUnsafeMutableBufferPointer { out in
                                for r in 0..<n where valid[r] {
                                    let h = hashes[r], key = probe[r]
                                    let p = Int(truncatingIfNeeded: h &>> shift)
                                    let base = starts[p], mask = starts[p + 1] - base - 1, t = Self.tag(h)
                                    var i = Int(truncatingIfNeeded: h) & mask
                                    while true {
                                        let s = slots[base + i]
                                        if s == Self.empty { break }
                                        if s & Self.tagMask == t {
                                            let k = Int32(truncatingIfNeeded: s)
                                            if build[Int(k)] == key { out[r] = k; break }
                                        }
                                        i = (i + 1) & mask
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return out
    }
}
