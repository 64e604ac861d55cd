/// Which hash feeds the sketch. Trino hashes with Murmur3 for sketches that users keep (`approx_set`, whose bytes
/// must match across engines) and with XXH64 for `approx_distinct`, whose sketch never leaves the query.
public enum SketchHashing: Sendable {
    /// airlift `Murmur3Hash128.hash64`: `approx_set(x)` and `approx_set(x, e)`.
    case murmur3
    /// airlift `XxHash64.hash` (Trino's XX_HASH_64 operator): `approx_distinct(x [, e])`.
    case xxHash64
}

/// Batch entry points: hash a whole contiguous column straight into the sketch, one specialised loop per value
/// type and hash, with no allocation or dynamic dispatch per value.
extension HyperLogLog {
    /// bigint and the integer family (widened to 64 bits), date, timestamp: the 8-byte two's complement value.
    public mutating func add(_ values: UnsafeBufferPointer<Int64>, hashing: SketchHashing) {
        switch hashing {
        case .murmur3: add(Int64Murmur3(values: values))
        case .xxHash64: add(Int64XxHash64(values: values))
        }
    }

    /// double: the IEEE bits with NaNs collapsed to one (Java `doubleToLongBits`); for `xxHash64` also -0.0 as
    /// 0.0, as Trino's DOUBLE XX_HASH_64 operator does.
    public mutating func add(_ values: UnsafeBufferPointer<Double>, hashing: SketchHashing) {
        switch hashing {
        case .murmur3: add(DoubleMurmur3(values: values))
        case .xxHash64: add(DoubleXxHash64(values: values))
        }
    }

    /// varchar / varbinary: value `i` is `bytes[offsets[i] ..< offsets[i + 1]]` (so `offsets` has one entry more
    /// than there are values). Offsets that are negative, decreasing or past the end throw before anything is added.
    public mutating func add(
        offsets: UnsafeBufferPointer<Int32>, bytes: UnsafeRawBufferPointer, hashing: SketchHashing
    ) throws(SketchError) {
        guard offsets.count >= 1 else { return }
        var previous = offsets[0]
        guard previous >= 0 else { throw SketchError(.invalidArgument, "String offsets must not be negative") }
        for offset in offsets.dropFirst() {
            guard offset >= previous else { throw SketchError(.invalidArgument, "String offsets must not decrease") }
            previous = offset
        }
        guard Int(previous) <= bytes.count else {
            throw SketchError(.invalidArgument, "String offset \(previous) is past the \(bytes.count) bytes")
        }
        switch hashing {
        case .murmur3: add(BytesMurmur3(offsets: offsets, bytes: bytes))
        case .xxHash64: add(BytesXxHash64(offsets: offsets, bytes: bytes))
        }
    }

    /// The shared loop: sparse inserts until the sketch turns dense, then straight register updates.
    mutating func add<Source: HashSource>(_ source: Source) {
        let count = source.count
        var i = 0
        while i < count && registers.isEmpty {
            insertSparse(source.hash(at: i))
            i += 1
        }
        guard i < count else { return }
        let p = UInt64(indexBitLength)
        registers.withUnsafeMutableBufferPointer { regs in
            let base = regs.baseAddress.unsafelyUnwrapped
            while i < count {
                Self.updateRegister(base, hash: source.hash(at: i), indexBitLength: p)
                i += 1
            }
        }
    }
}

/// A column viewed as a sequence of 64-bit hashes; generic specialisation turns each conformer into its own loop.
protocol HashSource {
    var count: Int { get }
    func hash(at index: Int) -> UInt64
}

struct PrecomputedHashes: HashSource {
    let hashes: UnsafeBufferPointer<Int64>
    var count: Int { hashes.count }
    @inline(__always) func hash(at index: Int) -> UInt64 { UInt64(bitPattern: hashes[index]) }
}

struct Int64Murmur3: HashSource {
    let values: UnsafeBufferPointer<Int64>
    var count: Int { values.count }
    @inline(__always) func hash(at index: Int) -> UInt64 {
        UInt64(bitPattern: Murmur3Hash128.hash64(values[index]))
    }
}

struct Int64XxHash64: HashSource {
    let values: UnsafeBufferPointer<Int64>
    var count: Int { values.count }
    @inline(__always) func hash(at index: Int) -> UInt64 { UInt64(bitPattern: XxHash64.hash(values[index])) }
}

/// Java's `Double.doubleToLongBits`: every NaN becomes 0x7ff8000000000000.
@inline(__always)
func javaDoubleBits(_ value: Double) -> Int64 {
    value.isNaN ? 0x7ff8_0000_0000_0000 : Int64(bitPattern: value.bitPattern)
}

struct DoubleMurmur3: HashSource {
    let values: UnsafeBufferPointer<Double>
    var count: Int { values.count }
    @inline(__always) func hash(at index: Int) -> UInt64 {
        UInt64(bitPattern: Murmur3Hash128.hash64(javaDoubleBits(values[index])))
    }
}

struct DoubleXxHash64: HashSource {
    let values: UnsafeBufferPointer<Double>
    var count: Int { values.count }
    @inline(__always) func hash(at index: Int) -> UInt64 {
        let value = values[index]
        return UInt64(bitPattern: XxHash64.hash(javaDoubleBits(value == 0 ? 0 : value)))
    }
}

struct BytesMurmur3: HashSource {
    let offsets: UnsafeBufferPointer<Int32>
    let bytes: UnsafeRawBufferPointer
    var count: Int { offsets.count - 1 }
    @inline(__always) func hash(at index: Int) -> UInt64 {
        UInt64(bitPattern: Murmur3Hash128.hash64(slice(bytes, offsets, index)))
    }
}

struct BytesXxHash64: HashSource {
    let offsets: UnsafeBufferPointer<Int32>
    let bytes: UnsafeRawBufferPointer
    var count: Int { offsets.count - 1 }
    @inline(__always) func hash(at index: Int) -> UInt64 {
        UInt64(bitPattern: XxHash64.hash(slice(bytes, offsets, index)))
    }
}

/// Value `index` of an offsets + bytes column whose offsets were validated by the caller.
@inline(__always)
func slice(
    _ bytes: UnsafeRawBufferPointer, _ offsets: UnsafeBufferPointer<Int32>, _ index: Int
) -> UnsafeRawBufferPointer {
    let start = Int(offsets[index])
    let end = Int(offsets[index + 1])
    return UnsafeRawBufferPointer(rebasing: bytes[start..<end])
}
