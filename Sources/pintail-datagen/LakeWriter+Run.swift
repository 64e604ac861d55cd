import Foundation

/// The whole lake: all work units on a pool of threads; each category's gzip members are joined into its file as
/// their turn comes (`TSVPartJoiner`).
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
        let joiner = options.format == .parquet ? nil : TSVPartJoiner(writer: self, categories: counts.count)
        queue.run(threads: threads) { unit in
            let result = try write(unit, totalRowsOfCategory: counts[unit.category])
            try joiner?.written(category: unit.category, part: unit.part)
            return result
        }
        if !queue.errors.isEmpty { throw LakeError(description: queue.errors.joined(separator: "\n")) }
        if let joiner {
            for (category, rows) in counts.enumerated() where joiner.joined(category: category) != partCount(rows: rows) {
                throw LakeError(description: "\(ReviewCategory.all[category].name): only \(joiner.joined(category: category)) of "
                                + "\(partCount(rows: rows)) gzip members joined")
            }
        }
        var summary = LakeSummary(parts: units.count, threads: threads)
        for result in queue.results {
            summary.rows += result?.rows ?? 0
            summary.tsvBytes += result?.tsvBytes ?? 0
            summary.parquetBytes += result?.parquetBytes ?? 0
        }
        return summary
    }
}
