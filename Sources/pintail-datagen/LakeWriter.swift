import Foundation
import PintailCodecs
import PintailCore
import PintailParquet

/// Writes the lake one category at a time: batches stream from the generator into a gzip TSV file and/or a
/// Parquet file, so memory stays bounded by a batch plus one Parquet row group.
struct LakeWriter: Sendable {
    let options: DatagenOptions
    static let batchRows = 4096

    struct CategoryResult: Sendable {
        var rows = 0
        var tsvBytes = 0
        var parquetBytes: Int64 = 0
    }

    func writeCategory(_ index: Int, rows: Int) throws -> CategoryResult {
        let category = ReviewCategory.all[index]
        var generator = ReviewGenerator(category: category, index: index, seed: options.seed, categoryRows: rows,
                                        totalRows: options.rows)
        let fm = FileManager.default
        let root = URL(fileURLWithPath: options.out)
        var result = CategoryResult()

        var tsvHandle: FileHandle?
        var gzip: GzipStreamWriter?
        if options.format != .parquet {
            let folder = root.appendingPathComponent("tsv")
            try fm.createDirectory(at: folder, withIntermediateDirectories: true)
            let url = folder.appendingPathComponent("amazon_reviews_us_\(category.name)_v1_00.tsv.gz")
            fm.createFile(atPath: url.path, contents: nil)
            let handle = try FileHandle(forWritingTo: url)
            tsvHandle = handle
            gzip = try GzipStreamWriter(level: options.gzipLevel) { chunk in
                handle.write(Data(chunk))
                result.tsvBytes += chunk.count
            }
            try gzip?.write(Array(ReviewBatch.tsvHeader.utf8))
        }
        var parquet: ParquetWriter?
        if options.format != .tsv {
            let folder = root.appendingPathComponent("parquet/product_category=\(category.name)")
            try fm.createDirectory(at: folder, withIntermediateDirectories: true)
            let columns = ReviewBatch.parquetColumns.map { ParquetColumn(name: $0.0, type: $0.1) }
            parquet = try ParquetWriter(path: folder.appendingPathComponent("part-00000.parquet").path, columns: columns,
                                        options: ParquetWriteOptions(codec: options.codec, rowGroupRows: options.rowGroupRows))
        }

        let categoryBytes = Array(category.name.utf8)
        var line: [UInt8] = []
        var remaining = rows
        while remaining > 0 {
            let n = min(Self.batchRows, remaining)
            let batch = generator.next(rows: n)
            if let gzip {
                line.removeAll(keepingCapacity: true)
                batch.appendTSV(category: categoryBytes, to: &line)
                try gzip.write(line)
            }
            if let parquet { try parquet.write(batch.parquetBatch()) }
            remaining -= n
            result.rows += n
        }
        try gzip?.finish()
        try tsvHandle?.close()
        if let parquet { result.parquetBytes = try parquet.close().bytes }
        return result
    }
}
