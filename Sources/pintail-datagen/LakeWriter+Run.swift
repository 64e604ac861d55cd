import Foundation

/// The whole lake: all work units on a pool of threads, then the gzip members of each category joined.
extension LakeWriter {
    struct LakeSummary: Sendable {
        var rows = 0
        var parts = 0
        var threads = 0
        var tsvBytes = 0
        var parquetBytes: Int64 = 0
    }

    struct LakeError: Error, CustomStringConvertible { var description: String }

    /// `threads` 0 means one per core.
    func writeLake(threads requested: Int) throws -> LakeSummary {
        let counts = ReviewCategory.apportion(total: options.rows)
        let units = units(counts: counts)
        let threads = max(1, min(requested > 0 ? requested : ProcessInfo.processInfo.activeProcessorCount, units.count))
        try prepare(categories: counts.count)
        let queue = WorkQueue(units: units)
        queue.run(threads: threads) { unit in try write(unit, totalRowsOfCategory: counts[unit.category]) }
        if !queue.errors.isEmpty { throw LakeError(description: queue.errors.joined(separator: "\n")) }
        for (category, rows) in counts.enumerated() { try joinTSVParts(category: category, rows: rows) }
        var summary = LakeSummary(parts: units.count, threads: threads)
        for result in queue.results {
            summary.rows += result?.rows ?? 0
            summary.tsvBytes += result?.tsvBytes ?? 0
            summary.parquetBytes += result?.parquetBytes ?? 0
        }
        return summary
    }
}
