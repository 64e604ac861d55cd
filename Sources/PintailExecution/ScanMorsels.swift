import PintailCore
import PintailParquet
import PintailPlanner

/// One unit of scan work: a whole text file, or one row group of a Parquet file, with its partition's values.
struct ScanMorsel {
    enum Source {
        case text(path: String)
        case parquet(file: ParquetFile, rowGroup: Int)
    }
    var source: Source
    var partitionValues: [String?]
    /// Rows of a Parquet row group that page indexes left to read; nil reads the whole row group.
    var pages: PageSelection? = nil
}

/// The morsels of one table scan, handed out to however many workers read them.
final class ScanMorselQueue: @unchecked Sendable {
    private let lock = MutexBox()
    private var morsels: [ScanMorsel]
    private var finishedParquetFiles: Set<ObjectIdentifier> = []
    /// The scan's counters, for what readers learn as they go (pages read and skipped).
    let counters: ScanCounters?

    init(_ morsels: [ScanMorsel], counters: ScanCounters? = nil) {
        self.morsels = morsels.reversed()
        self.counters = counters
    }

    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return morsels.count
    }

    func next() -> ScanMorsel? {
        lock.lock()
        defer { lock.unlock() }
        return morsels.popLast()
    }

    /// Lists the files of the scan's partitions (from the catalog, never by walking partition folders) and, for
    /// Parquet, reads each footer to split files into row groups.
    static func plan(_ scan: Scan, statistics: ExecutionStatistics) throws -> ScanMorselQueue {
        let table = scan.table
        var folders: [(String, [String?])] = []
        if table.partitionKeys.isEmpty {
            guard FileListing.isDirectory(table.location) else {
                throw ExecutionError("Table location '\(table.location)' does not exist (table \(table.qualifiedName))")
            }
            folders = [(table.location, [])]
        } else {
            folders = (scan.partitions ?? table.partitions).filter { FileListing.isDirectory($0.location) }.map { ($0.location, $0.values) }
        }
        var morsels: [ScanMorsel] = []
        let counters = statistics.beginScan(scan)
        let isParquet = table.format.uppercased() == "PARQUET"
        for (folder, values) in folders {
            for file in try FileListing.dataFiles(in: folder) {
                if isParquet {
                    let pf: ParquetFile
                    do { pf = try ParquetFile.open(path: file.path) } catch { throw ExecutionError("\(error)") }
                    statistics.addFooter(pf)
                    counters.addParquetFile(pf)
                    for g in pf.metadata.rowGroups.indices where pf.metadata.rowGroups[g].numRows > 0 {
                        morsels.append(ScanMorsel(source: .parquet(file: pf, rowGroup: g), partitionValues: values))
                    }
                } else {
                    morsels.append(ScanMorsel(source: .text(path: file.path), partitionValues: values))
                    counters.addTextFile(bytes: file.size)
                }
            }
        }
        return ScanMorselQueue(try RowGroupPruning.prune(morsels, scan: scan, counters: counters), counters: counters)
    }
}
