// pintail-datagen: a deterministic lake shaped like the Amazon Customer Reviews dataset. See Docs/Datasets.md.
import Foundation

let options: DatagenOptions
do {
    options = try DatagenOptions.parse(Array(CommandLine.arguments.dropFirst()))
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(2)
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("pintail-datagen: \(message)\n".utf8))
    exit(1)
}

let counts = ReviewCategory.apportion(total: options.rows)
let units = LakeWriter.units(counts: counts)
let threads = max(1, min(options.threads > 0 ? options.threads : ProcessInfo.processInfo.activeProcessorCount,
                         units.count))
let writer = LakeWriter(options: options)
let start = Date()
do { try writer.prepare(categories: counts.count) } catch { fail("\(error)") }
let queue = WorkQueue(units: units)
queue.run(threads: threads) { unit in try writer.write(unit, totalRowsOfCategory: counts[unit.category]) }
if !queue.errors.isEmpty { fail(queue.errors.joined(separator: "\npintail-datagen: ")) }
do {
    for (category, rows) in counts.enumerated() {
        try writer.joinTSVParts(category: category, parts: max(1, (rows + LakeWriter.partRows - 1) / LakeWriter.partRows))
    }
} catch { fail("\(error)") }

let seconds = Date().timeIntervalSince(start)
let rows = queue.results.reduce(0) { $0 + ($1?.rows ?? 0) }
let tsvBytes = queue.results.reduce(0) { $0 + ($1?.tsvBytes ?? 0) }
let parquetBytes = queue.results.reduce(Int64(0)) { $0 + ($1?.parquetBytes ?? 0) }
print("pintail-datagen: \(rows) rows, \(counts.count) categories, \(units.count) parts, seed \(options.seed), "
      + "\(threads) threads, "
      + String(format: "%.2f s (%.2f M rows/s); tsv.gz %d bytes, parquet %lld bytes", seconds,
               Double(rows) / max(seconds, 1e-9) / 1e6, tsvBytes, parquetBytes))
