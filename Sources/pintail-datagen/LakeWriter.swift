import Foundation
import PintailCodecs
import PintailCore
import PintailParquet

/// Writes the lake in work units of at most `partRows` rows of one category: each unit has its own random stream,
/// its own Parquet file `part-<k>.parquet` and its own gzip member, so units run on all cores at any scale.
/// Batches stream from the generator into the gzip writer and the Parquet writer: memory stays bounded by a batch
/// plus one Parquet row group per thread.
struct LakeWriter: Sendable {
    let options: DatagenOptions
    static let batchRows = 4096
    /// Rows per work unit (and per Parquet file): eight default row groups. A constant, so that the output does not
    /// depend on the number of threads.
    static let defaultPartRows = 1 << 20
    /// Tests use small parts to exercise the joins of gzip members and the Parquet part files.
    var partRows = LakeWriter.defaultPartRows

    init(options: DatagenOptions, partRows: Int = LakeWriter.defaultPartRows) {
        self.options = options
        self.partRows = max(1, partRows)
    }

    struct WorkUnit: Sendable {
        var category: Int
        var part: Int
        var firstRow: Int
        var rows: Int
    }

    struct UnitResult: Sendable {
        var rows = 0
        var tsvBytes = 0
        var parquetBytes: Int64 = 0
    }

    /// The units for `counts` rows per category, largest first, so the threads finish at about the same time.
    func units(counts: [Int]) -> [WorkUnit] {
        var units: [WorkUnit] = []
        for (category, rows) in counts.enumerated() {
            var first = 0
            repeat {
                let n = min(partRows, rows - first)
                units.append(WorkUnit(category: category, part: first / partRows, firstRow: first, rows: n))
                first += n
            } while first < rows
        }
        return units.sorted { ($0.rows, -$0.category, -$0.part) > ($1.rows, -$1.category, -$1.part) }
    }

    var tsvFolder: URL { URL(fileURLWithPath: options.out).appendingPathComponent("tsv") }

    func tsvURL(_ category: Int) -> URL {
        tsvFolder.appendingPathComponent("amazon_reviews_us_\(ReviewCategory.all[category].name)_v1_00.tsv.gz")
    }

    /// Part 0 writes the category's file itself; later parts write members that `TSVPartJoiner` appends to it.
    func tsvURL(_ category: Int, part: Int) -> URL {
        part == 0 ? tsvURL(category) : tsvURL(category).appendingPathExtension("part\(part)")
    }

    func parquetFolder(_ category: Int) -> URL {
        URL(fileURLWithPath: options.out)
            .appendingPathComponent("parquet/product_category=\(ReviewCategory.all[category].name)")
    }

    /// Creates the folders and removes files an earlier run left (Parquet parts beyond this run's would otherwise
    /// stay in the table).
    func prepare(categories: Int) throws {
        let fm = FileManager.default
        if options.format != .parquet {
            try fm.createDirectory(at: tsvFolder, withIntermediateDirectories: true)
            for name in try fm.contentsOfDirectory(atPath: tsvFolder.path) where name.contains(".tsv.gz.part") {
                try fm.removeItem(at: tsvFolder.appendingPathComponent(name))
            }
        }
        if options.format != .tsv {
            for category in 0..<categories {
                let folder = parquetFolder(category)
                try fm.createDirectory(at: folder, withIntermediateDirectories: true)
                for name in try fm.contentsOfDirectory(atPath: folder.path)
                where name.hasPrefix("part-") && name.hasSuffix(".parquet") {
                    try fm.removeItem(at: folder.appendingPathComponent(name))
                }
            }
        }
    }

    func write(_ unit: WorkUnit, totalRowsOfCategory: Int) throws -> UnitResult {
        let category = ReviewCategory.all[unit.category]
        var generator = ReviewGenerator(category: category, index: unit.category, seed: options.seed,
                                        categoryRows: totalRowsOfCategory, totalRows: options.rows, part: unit.part,
                                        firstRow: unit.firstRow)
        var result = UnitResult()
        var tsv: TSVMemberWriter?
        if options.format != .parquet {
            tsv = try TSVMemberWriter(url: tsvURL(unit.category, part: unit.part), level: options.gzipLevel,
                                      header: unit.part == 0)
        }
        var parquet: ParquetWriter?
        if options.format != .tsv {
            let columns = ReviewBatch.parquetColumns.map { ParquetColumn(name: $0.0, type: $0.1) }
            let name = "part-" + String(unit.part + 100_000).dropFirst() + ".parquet"
            parquet = try ParquetWriter(path: parquetFolder(unit.category).appendingPathComponent(name).path,
                                        columns: columns,
                                        options: ParquetWriteOptions(codec: options.codec, compressionLevel: options.zstdLevel,
                                                                     rowGroupRows: options.rowGroupRows,
                                                                     plainColumns: ReviewBatch.plainParquetColumns))
        }

        var batch = ReviewBatch()
        var lines = TSVRowWriter(category: category.name)
        defer {
            batch.deallocate()
            lines.deallocate()
        }
        var remaining = unit.rows
        while remaining > 0 {
            let n = min(Self.batchRows, remaining)
            if parquet == nil {
                // TSV alone: rows go straight into TSV lines.
                lines.line.removeAll()
                generator.append(rows: n, to: &lines)
            } else {
                generator.fill(&batch, rows: n)
                try parquet?.write(batch.parquetBatch())
                if tsv != nil {
                    lines.line.removeAll()
                    batch.appendTSV(to: &lines)
                }
            }
            try tsv?.write(lines.line.buffer)
            remaining -= n
            result.rows += n
        }
        if let tsv { result.tsvBytes = try tsv.finish() }
        if let parquet { result.parquetBytes = try parquet.close().bytes }
        return result
    }

    /// Appends the gzip member of part `part` (1, 2, ...) to the category's file (gzip readers read concatenated
    /// members as one stream) and removes it. `TSVPartJoiner` calls it in part order.
    func appendTSVPart(category: Int, part: Int) throws {
        let out = try FileHandle(forWritingTo: tsvURL(category))
        defer { try? out.close() }
        try out.seekToEnd()
        let url = tsvURL(category, part: part)
        let input = try FileHandle(forReadingFrom: url)
        defer { try? input.close() }
        while let chunk = try input.read(upToCount: 1 << 22), !chunk.isEmpty { try out.write(contentsOf: chunk) }
        try FileManager.default.removeItem(at: url)
    }

    /// The number of work units (parts) of a category of `rows` rows.
    func partCount(rows: Int) -> Int { max(1, (rows + partRows - 1) / partRows) }
}
