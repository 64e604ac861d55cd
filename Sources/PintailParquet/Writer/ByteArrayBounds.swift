import PintailCore

/// The running minimum and maximum of a byte-array column chunk. During a batch the bounds are tracked as pointers
/// into the batch's bytes; only a bound that changed is copied, once, at the end.
final class ByteArrayBounds {
    /// Decimals (FIXED_LEN_BYTE_ARRAY) compare their first byte as signed; strings compare unsigned throughout.
    let signedFirstByte: Bool
    private let minimum = WriterBuffer<UInt8>(capacity: 64)
    private let maximum = WriterBuffer<UInt8>(capacity: 64)
    private(set) var isEmpty = true
    /// Offsets 0 and n for folding a single value.
    private let singleOffsets = WriterBuffer<Int32>(capacity: 2)

    init(signedFirstByte: Bool) {
        self.signedFirstByte = signedFirstByte
    }

    /// Folds the values among `rows` (value `i` at `base + offsets[i] ..< base + offsets[i + 1]`, offsets already
    /// checked by the caller) into the bounds, skipping NULL rows. Most values fall strictly between the bounds'
    /// 8-byte prefix keys and need no byte comparison.
    func fold(_ base: UnsafeRawPointer, _ offsets: UnsafePointer<Int32>, _ rows: Range<Int>, _ validity: Bitmap?) {
        var minPointer = UnsafeRawPointer(minimum.base), minLength = minimum.count
        var maxPointer = UnsafeRawPointer(maximum.base), maxLength = maximum.count
        var minKey = prefixKey(minPointer, minLength), maxKey = prefixKey(maxPointer, maxLength)
        var has = !isEmpty
        var minChanged = false, maxChanged = false
        for i in rows {
            if let validity, !validity[i] { continue }
            let start = Int(offsets[i]), length = Int(offsets[i + 1]) - start
            let p = base + start
            let key = prefixKey(p, length)
            if !has {
                minPointer = p; minLength = length; minKey = key
                maxPointer = p; maxLength = length; maxKey = key
                has = true; minChanged = true; maxChanged = true
                continue
            }
            if key > minKey && key < maxKey { continue }
            if compare(p, length, minPointer, minLength) < 0 {
                minPointer = p; minLength = length; minKey = key; minChanged = true
            } else if compare(p, length, maxPointer, maxLength) > 0 {
                maxPointer = p; maxLength = length; maxKey = key; maxChanged = true
            }
        }
        guard has else { return }
        isEmpty = false
        if minChanged { Self.store(minPointer, minLength, in: minimum) }
        if maxChanged { Self.store(maxPointer, maxLength, in: maximum) }
    }

    /// The first 8 bytes as a big-endian number, zero-padded (sign bit flipped for decimals): a strictly smaller
    /// key means a strictly smaller value, so values strictly between the bounds' keys are skipped.
    @inline(__always)
    private func prefixKey(_ p: UnsafeRawPointer, _ length: Int) -> UInt64 {
        var key: UInt64 = 0
        if length >= 8 {
            key = p.loadUnaligned(as: UInt64.self).bigEndian
        } else {
            for i in 0..<length { key |= UInt64(p.load(fromByteOffset: i, as: UInt8.self)) << UInt64(56 - 8 * i) }
        }
        return signedFirstByte ? key ^ (1 << 63) : key
    }

    /// Folds one value.
    func fold(_ value: UnsafeRawBufferPointer) {
        singleOffsets.base[0] = 0
        singleOffsets.base[1] = Int32(truncatingIfNeeded: value.count)
        fold(value.baseAddress ?? UnsafeRawPointer(minimum.base), singleOffsets.base, 0..<1, nil)
    }

    /// The bounds as arrays and forgets them; nil when no value was folded.
    func take() -> (min: [UInt8], max: [UInt8])? {
        defer {
            isEmpty = true
            minimum.removeAll()
            maximum.removeAll()
        }
        return isEmpty ? nil : (Array(minimum.buffer), Array(maximum.buffer))
    }

    private static func store(_ p: UnsafeRawPointer, _ length: Int, in buffer: WriterBuffer<UInt8>) {
        buffer.removeAll()
        buffer.append(UnsafeRawBufferPointer(start: p, count: length))
    }

    /// Lexicographic order of unsigned bytes (signed first byte for decimals): 8 bytes at a time, big-endian.
    @inline(__always)
    private func compare(_ a: UnsafeRawPointer, _ aLength: Int, _ b: UnsafeRawPointer, _ bLength: Int) -> Int {
        let n = min(aLength, bLength)
        if signedFirstByte && n > 0 {
            let x = a.load(as: Int8.self), y = b.load(as: Int8.self)
            if x != y { return x < y ? -1 : 1 }
        }
        var i = 0
        while i + 8 <= n {
            let x = a.loadUnaligned(fromByteOffset: i, as: UInt64.self).bigEndian
            let y = b.loadUnaligned(fromByteOffset: i, as: UInt64.self).bigEndian
            if x != y { return x < y ? -1 : 1 }
            i += 8
        }
        while i < n {
            let x = a.load(fromByteOffset: i, as: UInt8.self), y = b.load(fromByteOffset: i, as: UInt8.self)
            if x != y { return x < y ? -1 : 1 }
            i += 1
        }
        return aLength == bLength ? 0 : (aLength < bLength ? -1 : 1)
    }
}
