// pintail-datagen: a deterministic lake shaped like the Amazon Customer Reviews dataset. See Docs/Datasets.md.
import Foundation
import PintailCore

// Each batch's columns become fresh arrays for the Parquet writer: keep freed blocks in the heap (AllocatorTuning)
// rather than have the kernel map and zero new pages for every batch.
_ = AllocatorTuning.applied

do {
    let options = try DatagenOptions.parse(Array(CommandLine.arguments.dropFirst()))
    let start = Date()
    let lake: LakeWriter.LakeSummary
    do {
        lake = try LakeWriter(options: options).writeLake(threads: options.threads)
    } catch {
        FileHandle.standardError.write(Data("pintail-datagen: \(error)\n".utf8))
        exit(1)
    }
    let seconds = Date().timeIntervalSince(start)
    print("pintail-datagen: \(lake.rows) rows, \(ReviewCategory.all.count) categories, \(lake.parts) parts, "
          + "seed \(options.seed), \(lake.threads) threads, "
          + String(format: "%.2f s (%.2f M rows/s); ", seconds, Double(lake.rows) / max(seconds, 1e-9) / 1e6)
          // Byte counts by interpolation: `%d` would take them as 32-bit (a 100 M-row TSV lake printed a negative size).
          + "tsv.gz \(lake.tsvBytes) bytes, parquet \(lake.parquetBytes) bytes")
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(2)
}
