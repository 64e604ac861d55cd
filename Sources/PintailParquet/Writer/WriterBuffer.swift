/// A growable buffer of plain values that hot loops write through a raw pointer: reserve room once per batch, then
/// store without the per-value capacity and uniqueness checks of `Array.append`. One owner; freed on deinit.
final class WriterBuffer<Element: BitwiseCopyable> {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var capacity: Int
    /// Initialized elements; hot loops write past it (after `reserve`) and then set it.
    var count = 0

    init(capacity: Int = 1024) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// Makes room for `extra` more elements after `count`; grows at least twofold so that appends stay amortized O(1).
    @inline(__always)
    func reserve(_ extra: Int) {
        if count + extra > capacity { grow(to: count + extra) }
    }

    /// Where the next element goes; valid until the next `reserve`.
    @inline(__always)
    var end: UnsafeMutablePointer<Element> { base + count }

    @inline(__always)
    func append(_ value: Element) {
        reserve(1)
        base[count] = value
        count += 1
    }

    func append(_ values: UnsafeBufferPointer<Element>) {
        guard let source = values.baseAddress, !values.isEmpty else { return }
        reserve(values.count)
        (base + count).update(from: source, count: values.count)
        count += values.count
    }

    func removeAll() { count = 0 }

    var buffer: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }

    private func grow(to needed: Int) {
        let newCapacity = max(needed, capacity * 2)
        let newBase = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }
}

extension WriterBuffer where Element == UInt8 {
    var rawBuffer: UnsafeRawBufferPointer { UnsafeRawBufferPointer(buffer) }

    func append(_ bytes: UnsafeRawBufferPointer) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        UnsafeMutableRawPointer(base + count).copyMemory(from: source, byteCount: bytes.count)
        count += bytes.count
    }

    /// A little-endian UInt32 (PLAIN lengths, level lengths).
    @inline(__always)
    func appendUInt32(_ value: UInt32) {
        reserve(4)
        UnsafeMutableRawPointer(base + count).storeBytes(of: value.littleEndian, as: UInt32.self)
        count += 4
    }

    /// Overwrites 4 bytes at `offset` with a little-endian UInt32.
    func setUInt32(_ value: UInt32, at offset: Int) {
        UnsafeMutableRawPointer(base + offset).storeBytes(of: value.littleEndian, as: UInt32.self)
    }
}

/// Copies `n` bytes; values up to 64 bytes as 8-byte words (the last one overlapping) instead of a `memcpy` call.
/// Reads and writes stay within the `n` bytes.
@inline(__always)
func copyBytes(_ dst: UnsafeMutableRawPointer, _ src: UnsafeRawPointer, _ n: Int) {
    if n >= 8 && n <= 64 {
        var i = 0
        while i + 8 < n {
            dst.storeBytes(of: src.loadUnaligned(fromByteOffset: i, as: UInt64.self), toByteOffset: i, as: UInt64.self)
            i += 8
        }
        dst.storeBytes(of: src.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self), toByteOffset: n - 8, as: UInt64.self)
    } else if n >= 4 && n < 8 {
        dst.storeBytes(of: src.loadUnaligned(fromByteOffset: 0, as: UInt32.self), as: UInt32.self)
        dst.storeBytes(of: src.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self), toByteOffset: n - 4, as: UInt32.self)
    } else if n < 4 {
        for i in 0..<n { dst.storeBytes(of: src.load(fromByteOffset: i, as: UInt8.self), toByteOffset: i, as: UInt8.self) }
    } else {
        dst.copyMemory(from: src, byteCount: n)
    }
}
