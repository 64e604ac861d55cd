/// How Presto/Trino turn a maximum standard error into a bucket count, and the defaults of the SQL functions.
extension HyperLogLog {
    /// `approx_distinct(x)` without `e`.
    public static let defaultMaxStandardError = 0.023
    /// Smallest and largest `e` accepted by `approx_distinct(x, e)` / `approx_set(x, e)` (16 and 65536 buckets).
    public static let lowestMaxStandardError = 0.0040625
    public static let highestMaxStandardError = 0.26
    /// `approx_set(x)` and `empty_approx_set()` in Trino use a fixed 4096 buckets (standard error 1.625%).
    public static let approxSetBucketCount = 4096

    /// Buckets for a maximum standard error `e`: the next power of two at or above 1.0816 / e^2 (1.04 / sqrt(m) is
    /// HyperLogLog's standard error). Out-of-range `e` throws Trino's message.
    public static func bucketCount(maxStandardError e: Double) throws(SketchError) -> Int {
        guard e >= lowestMaxStandardError && e <= highestMaxStandardError else {
            let message = "Max standard error must be in [\(javaDoubleString(lowestMaxStandardError)), "
                + "\(javaDoubleString(highestMaxStandardError))]: \(javaDoubleString(e))"
            throw SketchError(.invalidArgument, message)
        }
        let minimum = Int((1.0816 / (e * e)).rounded(.up))
        // Integer.highestOneBit(value - 1) << 1, as Trino writes it.
        let below = minimum - 1
        return below <= 0 ? 0 : 2 << (Int.bitWidth - 1 - below.leadingZeroBitCount)
    }

    /// The number of index bits for a power-of-two bucket count in 16...65536.
    public static func indexBitLength(bucketCount: Int) throws(SketchError) -> Int {
        guard bucketCount >= 16, bucketCount <= 65536, bucketCount & (bucketCount - 1) == 0 else {
            let message = "numberOfBuckets must be a power of 2 in [16, 65536], actual: \(bucketCount)"
            throw SketchError(.invalidArgument, message)
        }
        return bucketCount.trailingZeroBitCount
    }
}
