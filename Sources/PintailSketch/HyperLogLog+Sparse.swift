import Foundation

/// The sparse representation: one 32-bit entry per distinct 26-bit hash prefix, kept sorted. Linear counting over
/// 2^26 virtual buckets makes estimates exact for small sets (collisions are rare below a few thousand values).
extension HyperLogLog {
    /// Hash bits kept per entry (airlift's EXTENDED_PREFIX_BITS); the other 6 bits count the zeros that follow.
    static let extendedPrefixBits = 26
    static let valueBits: UInt32 = 6
    static let valueMask: UInt32 = (1 << valueBits) - 1

    @inline(__always)
    static func sparseEntry(_ hash: UInt64) -> UInt32 {
        let bucket = UInt32(truncatingIfNeeded: hash >> 38)
        let zeros = UInt32(((hash << 26) | (1 << 25)).leadingZeroBitCount)
        return bucket << valueBits | zeros
    }

    /// Index of the entry for `bucket`, or where it belongs (as a negative `-(insertionPoint + 1)`).
    @inline(__always)
    func searchEntry(bucket: UInt32) -> Int {
        entries.withUnsafeBufferPointer { list in
            var low = 0
            var high = list.count - 1
            while low <= high {
                let middle = (low + high) >> 1
                let middleBucket = list[middle] >> Self.valueBits
                if bucket > middleBucket {
                    low = middle + 1
                } else if bucket < middleBucket {
                    high = middle - 1
                } else {
                    return middle
                }
            }
            return -(low + 1)
        }
    }

    mutating func insertSparse(_ hash: UInt64) {
        let entry = Self.sparseEntry(hash)
        let position = searchEntry(bucket: entry >> Self.valueBits)
        if position >= 0 {
            if entry & Self.valueMask > entries[position] & Self.valueMask { entries[position] = entry }
            return
        }
        entries.insert(entry, at: -(position + 1))
        // airlift grows its int[] by 10 slots at a time; its size decides when dense becomes cheaper.
        if entries.count > modelCapacity { modelCapacity += 10 }
        if sparseOutgrown { convertToDense() }
    }

    /// Sorted merge keeping the larger zero count per bucket, like airlift's `SparseHll.mergeWith`.
    mutating func mergeSparse(_ other: [UInt32]) {
        var merged: [UInt32] = []
        merged.reserveCapacity(entries.count + other.count)
        var left = 0
        var right = 0
        while left < entries.count && right < other.count {
            let a = entries[left]
            let b = other[right]
            let bucketA = a >> Self.valueBits
            let bucketB = b >> Self.valueBits
            if bucketA < bucketB {
                merged.append(a)
                left += 1
            } else if bucketA > bucketB {
                merged.append(b)
                right += 1
            } else {
                merged.append(max(a, b))  // same bucket bits: the larger entry has the larger zero count
                left += 1
                right += 1
            }
        }
        merged.append(contentsOf: entries[left...])
        merged.append(contentsOf: other[right...])
        entries = merged
        modelCapacity = merged.count  // airlift trims the merged array to its length
        if sparseOutgrown { convertToDense() }
    }

    /// airlift switches to dense once the sparse instance's JVM footprint exceeds the dense one's. We model the
    /// usual 64-bit HotSpot layout with compressed oops: 16-byte array headers, objects aligned to 8 bytes,
    /// SparseHll 24 bytes, DenseHll 40 bytes. Either representation reads back anywhere; this only keeps the bytes
    /// identical to Trino's for the same input.
    var sparseOutgrown: Bool {
        let sparseBytes = 24 + Self.alignedTo8(16 + 4 * modelCapacity)
        let denseBytes = 40 + Self.alignedTo8(16 + bucketCount / 2)
        return sparseBytes > denseBytes
    }

    static func alignedTo8(_ value: Int) -> Int { (value + 7) & ~7 }

    mutating func convertToDense() {
        registers = [UInt8](repeating: 0, count: bucketCount)
        insertSparseEntriesIntoRegisters(entries)
        entries = []
        modelCapacity = 0
    }

    /// Registers implied by sparse entries: the index is the top bits of the prefix; the zero run continues into
    /// the entry's counted zeros when the rest of the prefix is all zero.
    mutating func insertSparseEntriesIntoRegisters(_ list: [UInt32]) {
        let p = indexBitLength
        let remainingPrefixBits = Self.extendedPrefixBits - p
        registers.withUnsafeMutableBufferPointer { regs in
            for entry in list {
                let bucket = Int(entry >> UInt32(32 - p))
                var zeros = (entry << UInt32(p)).leadingZeroBitCount
                if zeros >= remainingPrefixBits {
                    zeros = remainingPrefixBits + Int(entry & Self.valueMask)
                }
                let value = UInt8(zeros + 1)
                if value > regs[bucket] { regs[bucket] = value }
            }
        }
    }

    func sparseCardinality() -> Int64 {
        let totalBuckets = 1 << Self.extendedPrefixBits
        return javaRound(linearCounting(zeroBuckets: totalBuckets - entries.count, totalBuckets: totalBuckets))
    }
}

func linearCounting(zeroBuckets: Int, totalBuckets: Int) -> Double {
    Double(totalBuckets) * log(Double(totalBuckets) / Double(zeroBuckets))
}

/// Java's `Math.round(double)`: the closest long, ties toward positive infinity.
func javaRound(_ value: Double) -> Int64 {
    let rounded = (value + 0.5).rounded(.down)
    guard rounded.isFinite else { return value > 0 ? .max : 0 }
    return rounded >= 9.2e18 ? .max : Int64(rounded)
}
