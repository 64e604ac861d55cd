import PintailCore

/// A filter a scan applies to its rows before decoding their other columns (`TableScanOperator.filterRows(byKeys:)`):
/// a join's build keys (`RuntimeKeyFilter`) or a top-N's cut-off (`TopNScanFilter`).
protocol ScanRowFilter: AnyObject {
    /// The rows among `rows` of `batch` (all of them when nil) to keep, in order.
    func keep(_ batch: Batch, rows: [Int32]?) throws -> [Int32]
    /// The share of the rows it was shown that it kept so far (1 when it has stopped filtering), nil before any:
    /// a scan with several filters runs the most selective first.
    var passRate: Double? { get }
}

extension ScanRowFilter {
    /// `batch` cut to `rows` (the batch itself when `rows` is nil or holds every row).
    func probed(_ batch: Batch, rows: [Int32]?) -> Batch {
        guard let rows, rows.count != batch.count else { return batch }
        return batch.sliced(rows)
    }
}

extension Batch {
    /// 0..<count as row positions.
    var allRowPositions: [Int32] {
        [Int32](unsafeUninitializedCapacity: count) { buffer, initialized in
            for i in 0..<count { buffer[i] = Int32(i) }
            initialized = count
        }
    }
}
