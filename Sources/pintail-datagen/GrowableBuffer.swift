import Foundation

/// A growable buffer of plain values written through a raw pointer: an append is a capacity check and a store or a
/// memcpy, with no reference counting or uniqueness checks (the generator appends tens of small pieces per row).
/// The owner frees it with `deallocate()`; copies share the storage, so only one copy may be used at a time.
struct GrowableBuffer<Element: BitwiseCopyable>: @unchecked Sendable {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private(set) var capacity: Int

    /// Elements allocated past `capacity`, so that `appendShort` may read and write whole words beyond a value's end.
    static var slack: Int { 64 }

    init(capacity: Int = 1024) {
        self.capacity = max(16, capacity)
        base = Self.allocateZeroed(self.capacity + Self.slack)
    }

    /// `n` elements of which the last `slack` are zeroed: whole-word reads past the end of the last value see
    /// defined bytes (bytes between `count` and `capacity` are scratch that later appends overwrite).
    private static func allocateZeroed(_ n: Int) -> UnsafeMutablePointer<Element> {
        let pointer = UnsafeMutablePointer<Element>.allocate(capacity: n)
        UnsafeMutableRawPointer(pointer + (n - slack)).initializeMemory(as: UInt8.self, repeating: 0,
                                                                        count: slack * MemoryLayout<Element>.stride)
        return pointer
    }

    func deallocate() { base.deallocate() }

    mutating func removeAll() { count = 0 }

    /// Makes room for `extra` more elements.
    @inline(__always)
    mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(to: count + extra) }
    }

    private mutating func grow(to needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let newBase = Self.allocateZeroed(newCapacity + Self.slack)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    @inline(__always)
    mutating func append(_ value: Element) {
        if count == capacity { grow(to: count + 1) }
        base[count] = value
        count += 1
    }

    @inline(__always)
    mutating func append(_ values: UnsafePointer<Element>, count n: Int) {
        reserve(n)
        (base + count).update(from: values, count: n)
        count += n
    }

    /// Counts `n` elements the caller wrote past the end after `reserve(n)`.
    @inline(__always)
    mutating func advance(_ n: Int) { count += n }

    /// Drops the last element (no-op when empty).
    mutating func removeLast() { if count > 0 { count -= 1 } }

    var last: Element? { count > 0 ? base[count - 1] : nil }

    subscript(i: Int) -> Element { base[i] }

    var buffer: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }

    /// The elements as an array (one copy).
    func toArray() -> [Element] { Array(buffer) }
}

extension GrowableBuffer where Element == UInt8 {
    /// Appends the decimal digits of a non-negative integer.
    @inline(__always)
    mutating func appendDecimal(_ value: Int) {
        if UInt(bitPattern: value) < 10 { return append(UInt8(truncatingIfNeeded: 0x30 &+ value)) }  // most vote counts
        var v = UInt(bitPattern: max(0, value))
        var digits = 1
        var probe = v
        while probe >= 10 { probe /= 10; digits += 1 }
        reserve(digits)
        var i = count + digits - 1
        repeat {
            base[i] = UInt8(truncatingIfNeeded: 0x30 + v % 10)
            v /= 10
            i -= 1
        } while v > 0
        count += digits
    }

    /// Appends `value` as exactly `width` decimal digits (leading zeros; higher digits dropped).
    @inline(__always)
    mutating func appendDigits(_ value: Int, width: Int) {
        reserve(width)
        var v = UInt(bitPattern: max(0, value))
        var i = count + width - 1
        while i >= count {
            base[i] = UInt8(truncatingIfNeeded: 0x30 + v % 10)
            v /= 10
            i -= 1
        }
        count += width
    }

    /// Appends `value` as exactly `width` decimal digits, two per step from `pairs` (`DecimalPairs.table`).
    @inline(__always)
    mutating func appendFixedDigits(_ value: Int, width: Int, pairs: UnsafePointer<UInt16>) {
        reserve(width)
        let chars = UnsafeMutableRawPointer(base + count)
        var v = UInt(bitPattern: max(0, value))
        var i = width
        while i >= 2 {
            chars.storeBytes(of: pairs[Int(v % 100)], toByteOffset: i - 2, as: UInt16.self)
            v /= 100
            i -= 2
        }
        if i == 1 { chars.storeBytes(of: UInt8(truncatingIfNeeded: 0x30 + v % 10), as: UInt8.self) }
        count += width
    }

    /// Appends `n` bytes from `source` with 16-byte vector copies instead of a memcpy call when `n` <= 64 (words,
    /// template pieces and whole sentences). `source` must stay readable 64 bytes from its start: the storage of a
    /// `GrowableBuffer`, a `WordPool` or a `SentenceBank` is (they allocate that much slack).
    @inline(__always)
    mutating func appendShort(_ source: UnsafePointer<UInt8>, count n: Int) {
        guard n <= 64 else { return append(source, count: n) }
        reserve(n)
        let from = UnsafeRawPointer(source), to = UnsafeMutableRawPointer(base + count)
        to.storeBytes(of: from.loadUnaligned(as: SIMD16<UInt8>.self), as: SIMD16<UInt8>.self)
        if n > 16 {
            to.storeBytes(of: from.loadUnaligned(fromByteOffset: 16, as: SIMD16<UInt8>.self), toByteOffset: 16,
                          as: SIMD16<UInt8>.self)
            if n > 32 {
                to.storeBytes(of: from.loadUnaligned(fromByteOffset: 32, as: SIMD16<UInt8>.self), toByteOffset: 32,
                              as: SIMD16<UInt8>.self)
                to.storeBytes(of: from.loadUnaligned(fromByteOffset: 48, as: SIMD16<UInt8>.self), toByteOffset: 48,
                              as: SIMD16<UInt8>.self)
            }
        }
        count += n
    }

    mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { if let b = $0.baseAddress { append(b, count: $0.count) } }
    }

    /// Appends the bytes of `other`.
    mutating func append(_ other: GrowableBuffer<UInt8>) { append(other.base, count: other.count) }
}
