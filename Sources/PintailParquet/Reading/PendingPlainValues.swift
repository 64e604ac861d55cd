import PintailCore

/// Rows of one lazily read PLAIN page that belong to the batch being built.
struct PlainSegment {
    let values: PlainPageValues
    /// First value's byte offset from `values.values`.
    let byte: Int
    /// Payload bytes of the segment's byte-array values (without length prefixes).
    let payload: Int
    /// The page rows, and the page's definition levels when some of them are NULL.
    let rows: Range<Int>
    let defs: [Int32]?
    let maxDef: Int32
}

/// PLAIN page segments collected for one batch, copied into the batch's storage in one pass when the batch is
/// finished: each output array is allocated once at its final size and written without zero-filling.
struct PendingPlainValues {
    private(set) var segments: [PlainSegment] = []
    private var rows = 0
    private var payload = 0

    var isEmpty: Bool { segments.isEmpty }

    /// Takes `segment` for `storage` (the batch's values so far); throws when the two do not match, so that
    /// `flush` cannot fail.
    mutating func add(_ segment: PlainSegment, for storage: ColumnStorage) throws(ParquetDecodeError) {
        let matches: Bool
        switch (segment.values.kind, storage) {
        case (.fixed(4), .int32), (.fixed(4), .float32), (.fixed(8), .int64), (.fixed(8), .float64): matches = true
        case (.byteArray, .bytes(let b)): matches = b.bytes.count + payload + segment.payload <= Int(Int32.max)
        default: matches = false
        }
        guard matches else { throw ParquetDecodeError("PLAIN values do not match the column's storage (or exceed 2 GiB)") }
        segments.append(segment)
        rows += segment.rows.count
        payload += segment.payload
    }

    /// Appends the segments' values to `storage` (zero or empty values under NULL rows) and forgets them.
    mutating func flush(into storage: inout ColumnStorage) {
        guard !segments.isEmpty else { return }
        let current = storage
        storage = .bool([])  // drop the reference so the old payload is freed as soon as it is copied
        switch current {
        case .int32(let a): storage = .int32(Self.fixed(a, segments, rows))
        case .int64(let a): storage = .int64(Self.fixed(a, segments, rows))
        case .float32(let a): storage = .float32(Self.fixed(a, segments, rows))
        case .float64(let a): storage = .float64(Self.fixed(a, segments, rows))
        case .bytes(let b): storage = .bytes(Self.bytes(b, segments, rows, payload))
        default: storage = current  // `add` admits no other storage
        }
        segments.removeAll(keepingCapacity: true)
        rows = 0
        payload = 0
    }

    private static func fixed<T: BitwiseCopyable>(_ existing: [T], _ segments: [PlainSegment], _ rows: Int) -> [T] {
        let size = MemoryLayout<T>.size
        return [T](unsafeUninitializedCapacity: existing.count + rows) { dst, n in
            guard let out = dst.baseAddress else { n = 0; return }
            existing.withUnsafeBufferPointer { old in
                if let src = old.baseAddress { out.update(from: src, count: old.count) }
            }
            var at = existing.count
            for s in segments {
                let src = s.values.values + s.byte
                guard let defs = s.defs else {
                    UnsafeMutableRawPointer(out + at).copyMemory(from: src, byteCount: s.rows.count * size)
                    at += s.rows.count
                    continue
                }
                defs.withUnsafeBufferPointer { d in
                    var v = 0
                    for i in s.rows {
                        if d[i] == s.maxDef {
                            (out + at).initialize(to: src.loadUnaligned(fromByteOffset: v * size, as: T.self))
                            v += 1
                        } else {
                            UnsafeMutableRawPointer(out + at).initializeMemory(as: UInt8.self, repeating: 0, count: size)
                        }
                        at += 1
                    }
                }
            }
            n = at
        }
    }

    private static func bytes(_ existing: ByteColumn, _ segments: [PlainSegment], _ rows: Int, _ payload: Int) -> ByteColumn {
        let oldBytes = existing.bytes.count
        var bytes: [UInt8] = []
        let offsets = [Int32](unsafeUninitializedCapacity: existing.offsets.count + rows) { off, nOff in
            existing.offsets.withUnsafeBufferPointer { old in
                if let src = old.baseAddress, let dst = off.baseAddress { dst.update(from: src, count: old.count) }
            }
            var k = existing.offsets.count
            // Capacity at least 1 so the buffer has an address even when every value is empty.
            bytes = [UInt8](unsafeUninitializedCapacity: max(1, oldBytes + payload)) { dst, nBytes in
                let out = UnsafeMutableRawPointer(dst.baseAddress!)
                existing.bytes.withUnsafeBytes { old in
                    if let src = old.baseAddress { out.copyMemory(from: src, byteCount: old.count) }
                }
                var at = oldBytes
                for s in segments {
                    let base = s.values.values
                    var pos = s.byte
                    // Lengths were checked when the segment was added; the page buffer is immutable since.
                    s.defs.withUnsafeBufferPointerOrEmpty { d in
                        for i in s.rows {
                            if d.isEmpty || d[i] == s.maxDef {
                                let n = Int(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: pos, as: UInt32.self)))
                                (out + at).copyMemory(from: base + pos + 4, byteCount: n)
                                pos += 4 + n
                                at += n
                            }
                            off[k] = Int32(truncatingIfNeeded: at)
                            k += 1
                        }
                    }
                }
                nBytes = at
            }
            nOff = k
        }
        return ByteColumn(offsets: offsets, bytes: bytes)
    }
}

extension Optional where Wrapped == [Int32] {
    /// The levels' buffer, or an empty buffer for nil (no NULLs).
    func withUnsafeBufferPointerOrEmpty<R>(_ body: (UnsafeBufferPointer<Int32>) -> R) -> R {
        switch self {
        case .some(let a): return a.withUnsafeBufferPointer(body)
        case .none: return body(UnsafeBufferPointer(start: nil, count: 0))
        }
    }
}
