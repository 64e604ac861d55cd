import PintailCore

/// Where the picked rows of one page segment find their values: the segment's definition levels reduced to the
/// picked rows, and each picked non-NULL row's value offset from the segment's first value.
struct PickedValues {
    /// Definition levels of the picked rows (one per pick), nil when none of them is NULL.
    var defs: [Int32]?
    /// Value offsets of the picked non-NULL rows, ascending.
    var offsets: [Int32]
    /// Non-NULL values in the whole segment (all of them are consumed, picked or not).
    var used: Int

    /// `picks` plus `shift` are page rows inside `rows`, ascending.
    init(_ pageDefs: [Int32]?, rows: Range<Int>, picks: UnsafeBufferPointer<Int32>, shift: Int, maxDef: Int32) {
        guard let pageDefs else {
            let delta = Int32(truncatingIfNeeded: shift - rows.lowerBound)
            offsets = [Int32](unsafeUninitializedCapacity: picks.count) { out, n in
                for j in 0..<picks.count { out[j] = picks[j] &+ delta }
                n = picks.count
            }
            defs = nil
            used = rows.count
            return
        }
        var offsets: [Int32] = [], defs: [Int32] = []
        offsets.reserveCapacity(picks.count)
        defs.reserveCapacity(picks.count)
        var anyNull = false, value: Int32 = 0
        pageDefs.withUnsafeBufferPointer { d in
            var k = 0
            for i in rows {
                let present = d[i] == maxDef
                if k < picks.count && Int(picks[k]) + shift == i {
                    defs.append(d[i])
                    if present { offsets.append(value) } else { anyNull = true }
                    k += 1
                }
                if present { value += 1 }
            }
        }
        self.offsets = offsets
        self.defs = anyNull ? defs : nil
        used = Int(value)
    }
}

extension OutputBuilder {
    /// Appends only `picks` (plus `shift`: ascending page rows inside `rows`) of the segment `rows` of `page`, whose first
    /// non-NULL value is `valueStart`. Values of rows not picked are passed over, not copied: dictionary indices
    /// before the first pick are skipped undecoded, fixed-width PLAIN values are loaded one by one.
    /// Returns the values the whole segment consumed.
    mutating func appendSelected(_ page: DecodedPage, rows: Range<Int>, picks: UnsafeBufferPointer<Int32>, shift: Int,
                                 valueStart: Int, dictionary: ColumnStorage?, maxDef: Int32) throws -> Int {
        let p = PickedValues(page.definitionLevels, rows: rows, picks: picks, shift: shift, maxDef: maxDef)
        guard valueStart + p.used <= page.valueCount else { throw ParquetDecodeError("page holds fewer values than its levels") }
        let m = picks.count
        appendValidity(p.defs, 0..<m, maxDef)
        if let pageIndices = page.dictionaryIndices {
            try appendPicked(p.offsets.map { pageIndices[valueStart + Int($0)] }, keepShape: true, dictionary, p.defs, m, maxDef)
        } else if let stream = page.indexStream {
            var picked: [Int32] = []
            if let first = p.offsets.first, let last = p.offsets.last {
                try stream.skip(to: valueStart + Int(first))
                let run = try stream.next(Int(last - first) + 1)
                picked = p.offsets.map { run[Int($0 - first)] }
            }
            try appendPicked(picked, keepShape: stream.keepsDictionaryShape, dictionary, p.defs, m, maxDef)
        } else if let plain = page.plain {
            flattenIndices(dictionary)
            pending.flush(into: &values)
            let (byte, _) = try plain.span(first: valueStart, count: p.used)
            appendValues(try Self.pick(plain, from: byte, p.offsets, like: values), 0, p.defs, 0..<m, maxDef)
        } else if let pageValues = page.values {
            flattenIndices(dictionary)
            pending.flush(into: &values)
            let start = Int32(valueStart)
            appendValues(pageValues.gather(p.offsets.map { $0 + start }), 0, p.defs, 0..<m, maxDef)
        } else {
            throw ParquetDecodeError("dictionary-encoded page without a dictionary")
        }
        count += m
        return p.used
    }

    /// Picked dictionary indices (one per non-NULL pick): kept as indices when the batch is in dictionary shape,
    /// else gathered from the dictionary into the batch's values.
    private mutating func appendPicked(_ picked: [Int32], keepShape: Bool, _ dictionary: ColumnStorage?, _ defs: [Int32]?,
                                       _ m: Int, _ maxDef: Int32) throws {
        if keepShape {
            if indices == nil && count == 0 { indices = [] ; indices!.reserveCapacity(capacity) }
            if indices != nil {
                picked.withUnsafeBufferPointer { Self.scatter($0, 0, defs, 0..<m, maxDef, zero: 0, into: &indices!) }
                return
            }
        }
        guard let dictionary else { throw ParquetDecodeError("dictionary-encoded page without a dictionary") }
        flattenIndices(dictionary)
        pending.flush(into: &values)
        let done = picked.withUnsafeBufferPointer { DictionaryGather.append(dictionary, $0, defs, 0..<m, maxDef, into: &values) }
        if !done { appendValues(dictionary.gather(picked), 0, defs, 0..<m, maxDef) }
    }

    /// The PLAIN values at `offsets` (value numbers from the one starting `byte` bytes into the page's values), as
    /// dense storage of the batch's kind. Byte-array lengths were checked by `span`.
    private static func pick(_ plain: PlainPageValues, from byte: Int, _ offsets: [Int32], like storage: ColumnStorage) throws
        -> ColumnStorage
    {
        let base = plain.values + byte
        switch (plain.kind, storage) {
        case (.fixed(4), .int32): return .int32(load(base, offsets))
        case (.fixed(4), .float32): return .float32(load(base, offsets))
        case (.fixed(8), .int64): return .int64(load(base, offsets))
        case (.fixed(8), .float64): return .float64(load(base, offsets))
        case (.byteArray, .bytes): return .bytes(pickBytes(base, offsets))
        default: throw ParquetDecodeError("PLAIN values do not match the column's storage")
        }
    }

    private static func load<T: BitwiseCopyable>(_ base: UnsafeRawPointer, _ offsets: [Int32]) -> [T] {
        let size = MemoryLayout<T>.size
        return [T](unsafeUninitializedCapacity: offsets.count) { dst, n in
            offsets.withUnsafeBufferPointer { o in
                guard let out = dst.baseAddress else { return }
                for k in 0..<o.count { (out + k).initialize(to: base.loadUnaligned(fromByteOffset: Int(o[k]) &* size, as: T.self)) }
            }
            n = offsets.count
        }
    }

    /// Walks length-prefixed values from `base`, copying those at `offsets`.
    private static func pickBytes(_ base: UnsafeRawPointer, _ offsets: [Int32]) -> ByteColumn {
        var out: [Int32] = [0], bytes: [UInt8] = []
        out.reserveCapacity(offsets.count + 1)
        var pos = 0, value: Int32 = 0
        for target in offsets {
            while value < target {
                pos += 4 + Int(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: pos, as: UInt32.self)))
                value += 1
            }
            let n = Int(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: pos, as: UInt32.self)))
            bytes.append(contentsOf: UnsafeRawBufferPointer(start: base + pos + 4, count: n))
            pos += 4 + n
            value += 1
            out.append(Int32(truncatingIfNeeded: bytes.count))
        }
        return ByteColumn(offsets: out, bytes: bytes)
    }
}
