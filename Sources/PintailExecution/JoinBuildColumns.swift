import PintailCore

/// A build side's column concatenated from its batches a part at a time (whole arrays and byte runs appended,
/// validity set word by word), optionally followed by the all-NULL row that unmatched outer probe rows point at.
enum JoinBuildColumns {
    static func concatenate(_ parts: [Vector], type: DataType, nullRow: Bool) throws -> Vector {
        let flat = parts.map { $0.flattened() }
        let rows = flat.reduce(0) { $0 + $1.count }
        let total = rows + (nullRow ? 1 : 0)
        let storage: ColumnStorage
        switch ColumnStorage.empty(for: type) {
        case .bool: storage = .bool(join(flat, total, 0, nullRow) { if case .bool(let a) = $0 { return a }; return nil })
        case .int8: storage = .int8(join(flat, total, 0, nullRow) { if case .int8(let a) = $0 { return a }; return nil })
        case .int16: storage = .int16(join(flat, total, 0, nullRow) { if case .int16(let a) = $0 { return a }; return nil })
        case .int32: storage = .int32(join(flat, total, 0, nullRow) { if case .int32(let a) = $0 { return a }; return nil })
        case .int64: storage = .int64(join(flat, total, 0, nullRow) { if case .int64(let a) = $0 { return a }; return nil })
        case .int128: storage = .int128(join(flat, total, 0, nullRow) { if case .int128(let a) = $0 { return a }; return nil })
        case .float32: storage = .float32(join(flat, total, 0, nullRow) { if case .float32(let a) = $0 { return a }; return nil })
        case .float64: storage = .float64(join(flat, total, 0, nullRow) { if case .float64(let a) = $0 { return a }; return nil })
        case .bytes: storage = .bytes(try joinBytes(flat, total, nullRow))
        case .list, .map, .row:
            // Nested values: rare on build sides, so the general path.
            return Vector.concatenate(nullRow ? parts + [.nulls(type, count: 1)] : parts, type: type)
        }
        return Vector(type: type, count: total, storage: storage, validity: validity(flat, total, nullRow))
    }

    /// Each part's array appended whole (parts are flat: their storage holds exactly their rows).
    private static func join<T>(_ flat: [Vector], _ total: Int, _ zero: T, _ nullRow: Bool,
                                _ extract: (ColumnStorage) -> [T]?) -> [T] {
        var out = [T]()
        out.reserveCapacity(total)
        for part in flat { if let a = extract(part.storage) { out += a } }
        if nullRow { out.append(zero) }
        return out
    }

    private static func joinBytes(_ flat: [Vector], _ total: Int, _ nullRow: Bool) throws -> ByteColumn {
        var offsets: [Int32] = [0]
        offsets.reserveCapacity(total + 1)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(flat.reduce(0) { acc, p in if case .bytes(let b) = p.storage { return acc + b.bytes.count }; return acc })
        for part in flat {
            guard case .bytes(let b) = part.storage, b.count > 0 else { continue }
            let first = Int(b.offsets[0]), last = Int(b.offsets[b.count])
            guard bytes.count + (last - first) <= Int(Int32.max) else {
                throw ExecutionError("join build side holds more than 2 GiB of string data in one column")
            }
            let shift = Int32(bytes.count - first)
            bytes += b.bytes[first..<last]
            b.offsets.withUnsafeBufferPointer { o in
                for i in 1...b.count { offsets.append(o[i] + shift) }
            }
        }
        if nullRow { offsets.append(Int32(bytes.count)) }
        return ByteColumn(offsets: offsets, bytes: bytes)
    }

    /// NULL bits of the parts that have any, and of the NULL row; nil when every row is valid.
    private static func validity(_ flat: [Vector], _ total: Int, _ nullRow: Bool) -> Bitmap? {
        guard nullRow || flat.contains(where: \.mayHaveNulls) else { return nil }
        var words = [UInt64](repeating: ~0, count: (total + 63) >> 6)
        words.withUnsafeMutableBufferPointer { w in
            var base = 0
            for part in flat {
                if part.mayHaveNulls {
                    for i in 0..<part.count where !part.isValid(i) {
                        let r = base + i
                        w[r >> 6] &= ~(1 << UInt64(r & 63))
                    }
                }
                base += part.count
            }
            if nullRow { w[base >> 6] &= ~(1 << UInt64(base & 63)) }
        }
        return Bitmap(words: words, count: total)
    }
}
