/// XXH64 (Yann Collet's xxHash, 64-bit), seed 0 by default. Trino's `approx_distinct` hashes values with its
/// XX_HASH_64 operator, which is airlift's `XxHash64` over the value's 8 bytes (bigint, double bits) or bytes.
public enum XxHash64 {
    @usableFromInline static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
    @usableFromInline static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    @usableFromInline static let prime3: UInt64 = 0x1656_67B1_9E37_79F9
    @usableFromInline static let prime4: UInt64 = 0x85EB_CA77_C2B2_AE63
    @usableFromInline static let prime5: UInt64 = 0x27D4_EB2F_1656_67C5

    /// XXH64 of one 8-byte little-endian value.
    @inlinable @inline(__always)
    public static func hash(_ value: Int64, seed: UInt64 = 0) -> Int64 {
        let hash = seed &+ prime5 &+ 8
        return Int64(bitPattern: avalanche(mergeLane(hash, UInt64(bitPattern: value))))
    }

    /// XXH64 of `bytes`.
    @inlinable
    public static func hash(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0) -> Int64 {
        let length = bytes.count
        guard let base = bytes.baseAddress else { return Int64(bitPattern: avalanche(seed &+ prime5)) }
        var index = 0
        var hash: UInt64
        if length >= 32 {
            var v1 = seed &+ prime1 &+ prime2
            var v2 = seed &+ prime2
            var v3 = seed
            var v4 = seed &- prime1
            while index + 32 <= length {
                v1 = round(v1, load64(base, index))
                v2 = round(v2, load64(base, index + 8))
                v3 = round(v3, load64(base, index + 16))
                v4 = round(v4, load64(base, index + 24))
                index += 32
            }
            hash = rotateLeft(v1, 1) &+ rotateLeft(v2, 7) &+ rotateLeft(v3, 12) &+ rotateLeft(v4, 18)
            hash = (hash ^ round(0, v1)) &* prime1 &+ prime4
            hash = (hash ^ round(0, v2)) &* prime1 &+ prime4
            hash = (hash ^ round(0, v3)) &* prime1 &+ prime4
            hash = (hash ^ round(0, v4)) &* prime1 &+ prime4
        } else {
            hash = seed &+ prime5
        }
        hash = hash &+ UInt64(length)
        while index + 8 <= length {
            hash = mergeLane(hash, load64(base, index))
            index += 8
        }
        if index + 4 <= length {
            let word = UInt64(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt32.self)))
            hash = rotateLeft(hash ^ (word &* prime1), 23) &* prime2 &+ prime3
            index += 4
        }
        while index < length {
            let byte = UInt64(base.load(fromByteOffset: index, as: UInt8.self))
            hash = rotateLeft(hash ^ (byte &* prime5), 11) &* prime1
            index += 1
        }
        return Int64(bitPattern: avalanche(hash))
    }

    @inlinable @inline(__always)
    static func load64(_ base: UnsafeRawPointer, _ offset: Int) -> UInt64 {
        UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    @inlinable @inline(__always)
    static func round(_ accumulator: UInt64, _ lane: UInt64) -> UInt64 {
        rotateLeft(accumulator &+ lane &* prime2, 31) &* prime1
    }

    @inlinable @inline(__always)
    static func mergeLane(_ hash: UInt64, _ lane: UInt64) -> UInt64 {
        rotateLeft(hash ^ round(0, lane), 27) &* prime1 &+ prime4
    }

    @inlinable @inline(__always)
    static func avalanche(_ value: UInt64) -> UInt64 {
        var hash = value
        hash ^= hash >> 33
        hash = hash &* prime2
        hash ^= hash >> 29
        hash = hash &* prime3
        hash ^= hash >> 32
        return hash
    }
}
