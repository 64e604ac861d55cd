// pintail-datagen: a deterministic lake shaped like the Amazon Customer Reviews dataset. See Docs/Datasets.md.
import Foundation

let options: DatagenOptions
do {
    options = try DatagenOptions.parse(Array(CommandLine.arguments.dropFirst()))
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(2)
}

let counts = ReviewCategory.apportion(total: options.rows)
let threads = max(1, min(options.threads > 0 ? options.threads : ProcessInfo.processInfo.activeProcessorCount,
                         counts.count))
let writer = LakeWriter(options: options)
let start = Date()
// Largest categories first, so the threads finish at about the same time.
let queue = WorkQueue(order: counts.indices.sorted { counts[$0] > counts[$1] }, categoryCount: counts.count)
queue.run(threads: threads) { index in try writer.writeCategory(index, rows: counts[index]) }

if !queue.errors.isEmpty {
    for message in queue.errors { FileHandle.standardError.write(Data("pintail-datagen: \(message)\n".utf8)) }
    exit(1)
}
let seconds = Date().timeIntervalSince(start)
let rows = queue.results.reduce(0) { $0 + ($1?.rows ?? 0) }
let tsvBytes = queue.results.reduce(0) { $0 + ($1?.tsvBytes ?? 0) }
let parquetBytes = queue.results.reduce(Int64(0)) { $0 + ($1?.parquetBytes ?? 0) }
print("pintail-datagen: \(rows) rows, \(counts.count) categories, seed \(options.seed), \(threads) threads, "
      + String(format: "%.2f s (%.2f M rows/s); tsv.gz %d bytes, parquet %lld bytes", seconds,
               Double(rows) / max(seconds, 1e-9) / 1e6, tsvBytes, parquetBytes))
