import PintailCore

/// The keys of a join's build side as one bit per value between their minimum and maximum, for a single integer
/// key whose range is dense enough: a runtime filter then tests a bit per probe row instead of hashing it (TPC-H Q4
/// hashes 3.8M line items against 57,000 order keys spread over 6M values). Exact: a bit is set when some build
/// row has that key. NULL keys are left out, as they join nothing.
struct JoinKeyBitmap: Sendable {
    let minimum: Int64
    /// maximum - minimum + 1.
    let span: UInt64
    private let words: [UInt64]

    /// At most this many bits per build row unless the bitmap is small anyway (1 MiB), and this many bits in all
    /// (16 MiB).
    static let bitsPerKey: UInt64 = 256
    static let smallBits: UInt64 = 1 << 23
    static let maximumBits: UInt64 = 1 << 27

    init?(_ keys: Vector, count: Int) {
        guard count > 0 else { return nil }
        let flat = keys.flattened()
        let validity = flat.validity
        func build<T: FixedWidthInteger & SignedInteger>(_ values: [T]) -> (Int64, UInt64, [UInt64])? {
            guard values.count >= count else { return nil }
            var low = Int64.max, high = Int64.min
            for i in 0..<count where validity?[i] ?? true {
                let v = Int64(values[i])
                low = min(low, v)
                high = max(high, v)
            }
            guard low <= high else { return nil }
            let (range, overflow) = high.subtractingReportingOverflow(low)
            guard !overflow, range >= 0 else { return nil }
            let span = UInt64(range) + 1
            guard span <= Self.maximumBits, span <= Self.smallBits || span <= Self.bitsPerKey * UInt64(count) else {
                return nil
            }
            var words = [UInt64](repeating: 0, count: Int((span + 63) / 64))
            words.withUnsafeMutableBufferPointer { w in
                for i in 0..<count where validity?[i] ?? true {
                    let bit = Int(Int64(values[i]) &- low)
                    w[bit >> 6] |= 1 << UInt64(bit & 63)
                }
            }
            return (low, span, words)
        }
        let built: (Int64, UInt64, [UInt64])?
        switch flat.storage {
        case .int64(let a): built = build(a)
        case .int32(let a): built = build(a)
        case .int16(let a): built = build(a)
        case .int8(let a): built = build(a)
        default: built = nil
        }
        guard let (low, span, words) = built else { return nil }
        minimum = low
        self.span = span
        self.words = words
    }

    /// Appends to `out` each of `rows` (positions in the batch `values` was computed from, one value per row of
    /// `rows`; nil: every row of `values`) whose value is a build key. False when `values` has no integer storage.
    func keep(_ values: Vector, rows: [Int32]?, into out: inout [Int32]) -> Bool {
        let flat = values.flattened()
        let validity = flat.validity
        let count = rows?.count ?? flat.count
        func run<T: FixedWidthInteger & SignedInteger>(_ v: [T]) -> Bool {
            guard v.count >= count else { return false }
            words.withUnsafeBufferPointer { w in
                v.withUnsafeBufferPointer { v in
                    for i in 0..<count {
                        let offset = UInt64(bitPattern: Int64(v[i]) &- minimum)
                        // Out of range, or its bit clear: most rows of a selective join stop here.
                        guard offset < span, w[Int(offset >> 6)] & (1 << (offset & 63)) != 0 else { continue }
                        if validity?[i] ?? true { out.append(rows?[i] ?? Int32(i)) }
                    }
                }
            }
            return true
        }
        switch flat.storage {
        case .int64(let a): return run(a)
        case .int32(let a): return run(a)
        case .int16(let a): return run(a)
        case .int8(let a): return run(a)
        default: return false
        }
    }
}
