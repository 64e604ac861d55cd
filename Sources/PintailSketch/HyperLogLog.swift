/// A HyperLogLog distinct-count sketch with airlift's semantics (what Presto, Trino and Athena use for
/// `approx_distinct`, `approx_set`, `merge` and `cardinality`).
///
/// Small sets live in a sparse list of 26-bit hash prefixes (nearly exact); once that list would take more memory
/// than the registers, the sketch turns dense: one register per bucket holding the longest run of leading zeros seen.
/// The value is a plain struct: copy it per thread, add hashes, then `merge` the partial sketches.
public struct HyperLogLog: Sendable {
    /// log2 of the bucket count, 4...16.
    public let indexBitLength: Int
    /// Sparse entries sorted by their 26-bit bucket: `bucket << 6 | zeros after the 26 bits` (airlift's encoding).
    var entries: [UInt32]
    /// The capacity airlift's `int[]` of entries would have; decides the sparse-to-dense switch exactly as airlift.
    var modelCapacity: Int
    /// Dense registers, one byte per bucket (value = leading zeros + 1); empty while the sketch is sparse.
    var registers: [UInt8]

    /// An empty sketch with `2^indexBitLength` buckets.
    public init(indexBitLength: Int) throws(SketchError) {
        guard (4...16).contains(indexBitLength) else {
            throw SketchError(.invalidArgument, "indexBitLength must be in [4, 16], actual: \(indexBitLength)")
        }
        self.indexBitLength = indexBitLength
        entries = []
        modelCapacity = 1
        registers = []
    }

    /// An empty sketch with `bucketCount` buckets (a power of two in 16...65536).
    public init(bucketCount: Int) throws(SketchError) {
        try self.init(indexBitLength: try Self.indexBitLength(bucketCount: bucketCount))
    }

    /// An empty sketch sized for a maximum standard error, as `approx_distinct(x, e)` does.
    public init(maxStandardError: Double) throws(SketchError) {
        try self.init(bucketCount: try Self.bucketCount(maxStandardError: maxStandardError))
    }

    /// `empty_approx_set()` and the state of `approx_set(x)`: 4096 buckets.
    public static func approxSet() -> HyperLogLog {
        HyperLogLog(validIndexBitLength: 12)
    }

    init(validIndexBitLength: Int) {
        indexBitLength = validIndexBitLength
        entries = []
        modelCapacity = 1
        registers = []
    }

    public var bucketCount: Int { 1 << indexBitLength }
    public var isSparse: Bool { registers.isEmpty }

    /// Adds one 64-bit hash (see `Murmur3Hash128` / `XxHash64`, or the batch entry points that hash for you).
    public mutating func addHash(_ hash: Int64) {
        let bits = UInt64(bitPattern: hash)
        if registers.isEmpty {
            insertSparse(bits)
        } else {
            let p = UInt64(indexBitLength)
            registers.withUnsafeMutableBufferPointer { regs in
                Self.updateRegister(regs.baseAddress.unsafelyUnwrapped, hash: bits, indexBitLength: p)
            }
        }
    }

    /// Adds every hash of a contiguous buffer.
    public mutating func addHashes(_ hashes: UnsafeBufferPointer<Int64>) {
        add(PrecomputedHashes(hashes: hashes))
    }

    /// The estimated number of distinct values (airlift's estimator: linear counting while many buckets are empty,
    /// then the bias-corrected HyperLogLog estimate).
    public func cardinality() -> Int64 {
        isSparse ? sparseCardinality() : denseCardinality()
    }

    /// Switches to the dense representation now (airlift's `makeDense`).
    public mutating func makeDense() {
        if isSparse { convertToDense() }
    }

    /// Folds `other` into this sketch: the result estimates the size of the union. Two sparse sketches always
    /// merge (their entries do not depend on the bucket count; the result keeps this sketch's); otherwise the bucket
    /// counts must match, with airlift's error message.
    public mutating func merge(_ other: HyperLogLog) throws(SketchError) {
        if isSparse && other.isSparse {
            mergeSparse(other.entries)
            return
        }
        guard indexBitLength == other.indexBitLength else {
            throw SketchError(
                .incompatibleSketches,
                "Cannot merge HLLs with different number of buckets: \(bucketCount) vs \(other.bucketCount)")
        }
        makeDense()
        if other.isSparse {
            insertSparseEntriesIntoRegisters(other.entries)
        } else {
            mergeRegisters(other.registers)
        }
    }

    /// The union of two sketches.
    public func merging(_ other: HyperLogLog) throws(SketchError) -> HyperLogLog {
        var copy = self
        try copy.merge(other)
        return copy
    }
}

extension HyperLogLog: Equatable {
    /// Same bucket count, same representation and same content (what serializes to the same bytes).
    public static func == (lhs: HyperLogLog, rhs: HyperLogLog) -> Bool {
        lhs.indexBitLength == rhs.indexBitLength && lhs.entries == rhs.entries && lhs.registers == rhs.registers
    }
}
