/// The dense representation: a byte per bucket. airlift packs 4-bit deltas over a baseline in memory; a byte per
/// register costs at most 64 KiB and makes the hot update one load, one compare and one store. The packed layout is
/// produced only when serializing.
extension HyperLogLog {
    /// Below this share of empty buckets the raw estimate is used; above it, linear counting (airlift's 0.4).
    static let linearCountingMinEmptyBuckets = 0.4

    /// register[index] = max(register[index], leading zeros after the index bits + 1).
    @inline(__always)
    static func updateRegister(_ registers: UnsafeMutablePointer<UInt8>, hash: UInt64, indexBitLength p: UInt64) {
        // Masking shifts (p is 4...16) keep the loop free of over-shift branches.
        let index = Int(truncatingIfNeeded: hash &>> (64 &- p))
        // The sentinel bit caps the count when the remaining hash bits are all zero.
        let value = UInt8(truncatingIfNeeded: ((hash &<< p) | (1 &<< (p &- 1))).leadingZeroBitCount &+ 1)
        if value > registers[index] { registers[index] = value }
    }

    mutating func mergeRegisters(_ other: [UInt8]) {
        registers.withUnsafeMutableBufferPointer { mine in
            other.withUnsafeBufferPointer { theirs in
                // An unconditional max vectorises (pmaxub).
                for i in 0..<min(mine.count, theirs.count) { mine[i] = max(mine[i], theirs[i]) }
            }
        }
    }

    func denseCardinality() -> Int64 {
        let m = bucketCount
        return registers.withUnsafeBufferPointer { regs in
            var emptyBuckets = 0
            for value in regs where value == 0 { emptyBuckets += 1 }
            if Double(emptyBuckets) > Self.linearCountingMinEmptyBuckets * Double(m) {
                return javaRound(linearCounting(zeroBuckets: emptyBuckets, totalBuckets: m))
            }
            // Summed in bucket order with the same operations as airlift, so the double is bit-identical.
            var sum = 0.0
            for value in regs { sum += 1.0 / Double(UInt64(1) << UInt64(value)) }
            let raw = Self.alpha(indexBitLength: indexBitLength) * Double(m) * Double(m) / sum
            return javaRound(BiasCorrection.corrected(rawEstimate: raw, indexBitLength: indexBitLength))
        }
    }

    /// The HyperLogLog constant for m buckets (Flajolet et al.).
    static func alpha(indexBitLength p: Int) -> Double {
        switch p {
        case 4: return 0.673
        case 5: return 0.697
        case 6: return 0.709
        default: return 0.7213 / (1 + 1.079 / Double(1 << p))
        }
    }
}
