/// Per-chunk statistics as the footer stores them: PLAIN-encoded min and max (by the column's sort order) and the
/// NULL count. `nil` min/max means "unknown" (no non-NULL values, or a value too long to keep exactly).
struct ColumnStatistics {
    var min: [UInt8]?
    var max: [UInt8]?
    var nullCount: Int64
    var minIsExact = true
    var maxIsExact = true

    /// Byte-array bounds longer than this are truncated (min) or truncated and incremented (max).
    static let byteArrayLimit = 64

    /// Bounds for byte arrays, shortened to `byteArrayLimit` bytes where needed.
    static func truncatedBounds(min: [UInt8], max: [UInt8]) -> (min: [UInt8], minExact: Bool, max: [UInt8]?, maxExact: Bool) {
        let limit = byteArrayLimit
        let lower = min.count > limit ? Array(min[0..<limit]) : min
        guard max.count > limit else { return (lower, min.count <= limit, max, true) }
        // The smallest value above every string that starts with max's prefix: bump the last byte that can be bumped.
        var upper = Array(max[0..<limit])
        while let last = upper.last {
            if last < 0xFF {
                upper[upper.count - 1] = last + 1
                return (lower, min.count <= limit, upper, false)
            }
            upper.removeLast()
        }
        return (lower, min.count <= limit, nil, false)
    }
}
