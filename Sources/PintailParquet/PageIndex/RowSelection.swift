/// Rows of one row group to read, as sorted, disjoint, non-adjacent, non-empty ranges of row numbers.
public struct RowSelection: Sendable, Equatable {
    public private(set) var ranges: [Range<Int>]

    /// Normalizes `ranges`: sorts them, drops empty ones and merges overlapping or touching ones.
    public init(_ ranges: [Range<Int>]) {
        var merged: [Range<Int>] = []
        for r in ranges.filter({ !$0.isEmpty }).sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, r.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, r.upperBound)
            } else {
                merged.append(r)
            }
        }
        self.ranges = merged
    }

    public var rowCount: Int { ranges.reduce(0) { $0 + $1.count } }
    public var isEmpty: Bool { ranges.isEmpty }

    /// True when some selected row lies in `rows`.
    public func overlaps(_ rows: Range<Int>) -> Bool {
        // Binary search for the first range ending after rows.lowerBound.
        var lo = 0, hi = ranges.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if ranges[mid].upperBound <= rows.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        return lo < ranges.count && ranges[lo].lowerBound < rows.upperBound
    }
}

/// Walks a selection in increasing row order: for a row, whether it is selected and how many rows keep that state.
struct RowSelectionCursor {
    private let ranges: [Range<Int>]
    private var index = 0

    init(_ selection: RowSelection) { ranges = selection.ranges }

    /// `(selected, run)`: rows `row..<row + run` are all selected or all not; `run` is Int.max past the last range.
    /// Rows must be asked in non-decreasing order.
    mutating func state(at row: Int) -> (selected: Bool, run: Int) {
        while index < ranges.count && ranges[index].upperBound <= row { index += 1 }
        guard index < ranges.count else { return (false, Int.max) }
        let r = ranges[index]
        return r.lowerBound <= row ? (true, r.upperBound - row) : (false, r.lowerBound - row)
    }
}
