/// MurmurHash3 x64_128 (Austin Appleby's SMHasher), reduced to its first 64 bits as airlift's
/// `Murmur3Hash128.hash64` does: that is the value Trino's `approx_set` feeds its HyperLogLog.
/// All arithmetic wraps (`&*`, `&+`) like Java's `long`.
public enum Murmur3Hash128 {
    @usableFromInline static let c1: UInt64 = 0x87c3_7b91_1142_53d5
    @usableFromInline static let c2: UInt64 = 0x4cf5_ad43_2745_937f

    /// hash64 of a single 8-byte little-endian value (bigint, and double through its IEEE bits).
    @inlinable @inline(__always)
    public static func hash64(_ value: Int64, seed: UInt64 = 0) -> Int64 {
        // The general algorithm specialised to exactly one 8-byte tail block.
        let h2 = seed ^ 8
        let k1 = rotateLeft(UInt64(bitPattern: value) &* c1, 31) &* c2
        let h1 = (seed ^ k1 ^ 8) &+ h2
        return Int64(bitPattern: fmix64(h1) &+ fmix64(h1 &+ h2))
    }

    /// hash64 of `bytes` (varchar, varbinary).
    @inlinable
    public static func hash64(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0) -> Int64 {
        let length = bytes.count
        var h1 = seed
        var h2 = seed
        var current = 0
        guard let base = bytes.baseAddress else { return Int64(bitPattern: finish(h1, h2, length: 0)) }
        while current + 16 <= length {
            let k1 = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: current, as: UInt64.self))
            let k2 = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: current + 8, as: UInt64.self))
            current += 16
            h1 ^= rotateLeft(k1 &* c1, 31) &* c2
            h1 = rotateLeft(h1, 27) &+ h2
            h1 = h1 &* 5 &+ 0x52dc_e729
            h2 ^= rotateLeft(k2 &* c2, 33) &* c1
            h2 = rotateLeft(h2, 31) &+ h1
            h2 = h2 &* 5 &+ 0x3849_5ab5
        }
        // Tail: up to 15 bytes, little-endian into k1 (bytes 0-7) and k2 (bytes 8-14).
        let tail = length & 15
        var k1: UInt64 = 0
        var k2: UInt64 = 0
        var i = 0
        if tail >= 8 {
            k1 = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: current, as: UInt64.self))
            i = 8
        } else if tail >= 4 {
            k1 = UInt64(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: current, as: UInt32.self)))
            i = 4
        }
        while i < tail {
            let byte = UInt64(base.load(fromByteOffset: current + i, as: UInt8.self))
            if i < 8 { k1 |= byte &<< UInt64(i * 8) } else { k2 |= byte &<< UInt64((i - 8) * 8) }
            i += 1
        }
        if tail > 8 { h2 ^= rotateLeft(k2 &* c2, 33) &* c1 }
        if tail > 0 { h1 ^= rotateLeft(k1 &* c1, 31) &* c2 }
        return Int64(bitPattern: finish(h1, h2, length: length))
    }

    @inlinable @inline(__always)
    static func finish(_ a: UInt64, _ b: UInt64, length: Int) -> UInt64 {
        var h1 = a ^ UInt64(length)
        var h2 = b ^ UInt64(length)
        h1 = h1 &+ h2
        h2 = h2 &+ h1
        return fmix64(h1) &+ fmix64(h2)
    }

    @inlinable @inline(__always)
    static func fmix64(_ value: UInt64) -> UInt64 {
        var k = value
        k ^= k >> 33
        k = k &* 0xff51_afd7_ed55_8ccd
        k ^= k >> 33
        k = k &* 0xc4ce_b9fe_1a85_ec53
        k ^= k >> 33
        return k
    }
}

@inlinable @inline(__always)
func rotateLeft(_ value: UInt64, _ distance: UInt64) -> UInt64 {
    (value &<< distance) | (value &>> (64 &- distance))
}
