import PintailCore

/// GROUP BY over several keys that each take few values in a batch (TPC-H Q1's `l_returnflag, l_linestatus`,
/// category and year): every key maps its rows to a small code (a dictionary entry, an integer's offset from the
/// batch's minimum, 0 for a constant; NULL gets a code of its own), the codes combine into one slot number, and
/// only each slot's first row goes through the byte-key table. Shares the table with the row-by-row path, because
/// the sampled rows are encoded by `KeyColumns.encode` like any other.
extension GroupTable {
    /// Group numbers for the batch, or nil when some key is not of such a shape or the slots would be too many.
    mutating func groupsWithSmallKeyProduct(_ keys: [Vector], count: Int, onNewGroup: (Int) -> Void) -> [Int32]? {
        guard count > 0, keys.count >= 2 else { return nil }
        let limit = Swift.max(256, Swift.min(count, 1 << 14))
        var slotOfRow = [Int32](repeating: 0, count: count)
        var stride = 1
        for v in keys {
            guard v.count >= count, let codes = Self.addCodes(of: v, times: stride, count: count, into: &slotOfRow)
            else { return nil }
            stride *= codes
            if stride > limit { return nil }
        }
        return groupsOfSlots(keys, slotOfRow: slotOfRow, slotCount: stride, count: count, onNewGroup: onNewGroup)
    }

    /// Group numbers of rows already mapped to `slotCount` small slot numbers (rows of one slot have equal keys):
    /// only each slot's first row is encoded and looked up in the table.
    mutating func groupsOfSlots(_ keys: [Vector], slotOfRow: [Int32], slotCount: Int, count: Int,
                                onNewGroup: (Int) -> Void) -> [Int32] {
        var out = slotOfRow
        var groupOfSlot = [Int32](repeating: -1, count: slotCount)
        var firstRows: [Int32] = []
        groupOfSlot.withUnsafeMutableBufferPointer { slots in
            out.withUnsafeBufferPointer { s in
                for row in 0..<count where slots[Int(s[row])] == -1 {
                    slots[Int(s[row])] = -2
                    firstRows.append(Int32(row))
                }
            }
        }
        let sample = keys.map { $0.sliced(firstRows) }
        let (bytes, offsets) = KeyColumns.encode(sample, count: firstRows.count)
        // Through the batch probe: a wide integer key (TPC-H Q18's l_orderkey) has thousands of first rows per batch,
        // each a cache miss in a table of a million groups unless loaded ahead.
        bytes.withUnsafeBytes { raw in
            findOrInsertKeys(raw, offsets: offsets, count: firstRows.count) { k, g, inserted in
                let row = Int(firstRows[k])
                if inserted { onNewGroup(row) }
                groupOfSlot[Int(out[row])] = g
            }
        }
        groupOfSlot.withUnsafeBufferPointer { slots in
            out.withUnsafeMutableBufferPointer { o in
                for row in 0..<count { o[row] = slots[Int(o[row])] }
            }
        }
        return out
    }

    /// Adds `code(row) * times` to `slots[row]` and returns how many codes the key has, or nil when the key is not
    /// a constant, a dictionary-shaped vector or a flat integer vector spanning a small range in this batch.
    private static func addCodes(of v: Vector, times: Int, count: Int, into slots: inout [Int32]) -> Int? {
        switch v.shape {
        case .constant:
            return 1
        case .dictionary(let indices):
            guard indices.count >= count else { return nil }
            let size = v.storage.count
            guard size < 1 << 14 else { return nil }
            let validity = v.validity
            var bad = false
            indices.withUnsafeBufferPointer { idx in
                slots.withUnsafeMutableBufferPointer { s in
                    for row in 0..<count {
                        var e = Int(idx[row])
                        if let validity, !validity.isSet(row) { e = size } else if e < 0 || e >= size { bad = true; return }
                        s[row] &+= Int32(truncatingIfNeeded: e &* times)
                    }
                }
            }
            return bad ? nil : size + 1
        case .flat:
            switch v.storage {
            case .int8(let a): return a.withUnsafeBufferPointer { addIntegerCodes(v, $0, times: times, count: count, limit: 1 << 14, into: &slots) }
            case .int16(let a): return a.withUnsafeBufferPointer { addIntegerCodes(v, $0, times: times, count: count, limit: 1 << 14, into: &slots) }
            case .int32(let a): return a.withUnsafeBufferPointer { addIntegerCodes(v, $0, times: times, count: count, limit: 1 << 14, into: &slots) }
            case .int64(let a): return a.withUnsafeBufferPointer { addIntegerCodes(v, $0, times: times, count: count, limit: 1 << 14, into: &slots) }
            default: return nil
            }
        }
    }

    /// A flat integer key's codes: value - the batch's minimum, NULL after the largest; nil when the values span
    /// `limit` or more.
    static func addIntegerCodes<T: FixedWidthInteger>(
        _ v: Vector, _ values: UnsafeBufferPointer<T>, times: Int, count: Int, limit: Int, into slots: inout [Int32]
    ) -> Int? {
        guard values.count >= count else { return nil }
        let validity = v.validity
        var lo = Int64.max, hi = Int64.min
        for row in 0..<count {
            if let validity, !validity.isSet(row) { continue }
            let x = Int64(truncatingIfNeeded: values[row])
            lo = Swift.min(lo, x)
            hi = Swift.max(hi, x)
        }
        if lo > hi { lo = 0; hi = 0 }
        let (span, overflow) = hi.subtractingReportingOverflow(lo)
        guard !overflow, span < Int64(limit) else { return nil }
        let nullCode = Int(span) + 1
        slots.withUnsafeMutableBufferPointer { s in
            for row in 0..<count {
                var c = Int(Int64(truncatingIfNeeded: values[row]) &- lo)
                if let validity, !validity.isSet(row) { c = nullCode }
                s[row] &+= Int32(truncatingIfNeeded: c &* times)
            }
        }
        return nullCode + 1
    }
}
