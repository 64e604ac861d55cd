/// Draws an outcome 0..<n with fixed probabilities from 32 random bits: cumulative thresholds scaled to 2^32, and a
/// 256-entry guide (the first outcome each top byte can land on), so a draw is one table read and usually one or two
/// comparisons. Several distributions over the same outcomes can share one sampler as rows (stars by year, sentence
/// tones by star). Replaces the searches and libm calls (`exp`, `log`, `cos`) the generator used to make per row.
struct DiscreteSampler: @unchecked Sendable {
    /// Frees the tables when the last copy goes away; the hot path reads only the raw pointers.
    private final class Storage {
        let cumulative: UnsafeMutablePointer<UInt64>
        let guide: UnsafeMutablePointer<UInt8>

        init(rows: Int, count: Int) {
            cumulative = .allocate(capacity: rows * count)
            guide = .allocate(capacity: rows * 256)
        }

        deinit {
            cumulative.deallocate()
            guide.deallocate()
        }
    }

    private let storage: Storage
    /// cumulative[row * count + k]: 2^32 times the probability of outcomes 0...k in that row (the last is 2^32).
    private let cumulative: UnsafeMutablePointer<UInt64>
    private let guide: UnsafeMutablePointer<UInt8>
    /// Outcomes per row.
    let count: Int

    /// One distribution.
    init(weights: [Double]) { self.init(rows: [weights]) }

    /// One distribution per row, all with the same number of outcomes (at most 256); weights need not sum to one,
    /// and each row needs one positive weight.
    init(rows: [[Double]]) {
        let n = rows[0].count
        precondition(n > 0 && n <= 256 && rows.allSatisfy { $0.count == n && $0.contains { $0 > 0 } })
        count = n
        storage = Storage(rows: rows.count, count: n)
        cumulative = storage.cumulative
        guide = storage.guide
        for (r, weights) in rows.enumerated() {
            let total = weights.reduce(0) { $0 + max(0, $1) }
            let row = cumulative + r * n
            var running = 0.0
            for (k, weight) in weights.enumerated() {
                running += max(0, weight)
                row[k] = k == n - 1 ? 1 << 32 : min(1 << 32, UInt64((running / total * 4_294_967_296).rounded()))
            }
            var k = 0
            for top in 0..<256 {
                while row[k] <= UInt64(top) << 24 { k += 1 }
                guide[r * 256 + top] = UInt8(k)
            }
        }
    }

    /// The outcome in `row` for 32 uniform random bits (the low 32 bits of `bits`).
    @inline(__always)
    func sample(_ bits: UInt64, row: Int = 0) -> Int {
        let u = bits & 0xFFFF_FFFF
        let thresholds = cumulative + row &* count
        var k = Int(guide[row &* 256 &+ Int(u >> 24)])
        while u >= thresholds[k] { k &+= 1 }
        return k
    }

    /// The probability of outcome `k` in `row` as the thresholds give it (for tests).
    func probability(_ k: Int, row: Int = 0) -> Double {
        let thresholds = cumulative + row * count
        return Double(thresholds[k] - (k == 0 ? 0 : thresholds[k - 1])) / 4_294_967_296
    }
}
