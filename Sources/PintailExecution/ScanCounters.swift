import PintailParquet
import PintailPlanner

/// What one table scan touched, for EXPLAIN ANALYZE and tests: partitions selected out of the table's, files
/// opened, row groups read and skipped by statistics (or by page indexes ruling out every page), data pages read
/// and skipped by page indexes, and bytes read (Parquet: footers, page indexes and column chunks or pages as read;
/// text: whole files, which are read to the end).
public final class ScanCounters: @unchecked Sendable {
    /// `db.table`.
    public let table: String
    /// Identifies the scan in a plan (its EXPLAIN line and pushed predicates); see `ScanCounters.key(for:)`.
    let key: String
    public let partitionsSelected: Int
    public let partitionsTotal: Int
    private let lock = MutexBox()
    private var _filesOpened = 0
    private var _rowGroupsRead = 0
    private var _rowGroupsSkipped = 0
    private var _textBytes = 0
    private var _pagesRead = 0
    private var _pagesSkipped = 0
    private var _pageIndexUsed = false
    private var parquetFiles: [ParquetFile] = []

    init(scan: Scan) {
        table = scan.table.qualifiedName
        key = Self.key(for: scan)
        partitionsTotal = scan.table.partitions.count
        partitionsSelected = scan.table.partitionKeys.isEmpty ? 0 : (scan.partitions ?? scan.table.partitions).count
    }

    static func key(for scan: Scan) -> String {
        PlanPrinter.text(.scan(scan)) + " " + scan.pushedPredicates.map { "\($0)" }.joined(separator: ", ")
    }

    public var filesOpened: Int { locked { _filesOpened } }
    public var rowGroupsRead: Int { locked { _rowGroupsRead } }
    public var rowGroupsSkipped: Int { locked { _rowGroupsSkipped } }
    /// Data pages decoded, in the row groups read (counted as each row group is finished).
    public var pagesRead: Int { locked { _pagesRead } }
    /// Data pages of read row groups never read because the page index ruled out all their rows.
    public var pagesSkipped: Int { locked { _pagesSkipped } }
    /// True when some predicate column's page index was consulted.
    public var pageIndexUsed: Bool { locked { _pageIndexUsed } }
    public var bytesRead: Int { locked { _textBytes + parquetFiles.reduce(0) { $0 + $1.bytesRead } } }

    func addParquetFile(_ file: ParquetFile) {
        locked { _filesOpened += 1; parquetFiles.append(file) }
    }

    func addTextFile(bytes: Int) {
        locked { _filesOpened += 1; _textBytes += bytes }
    }

    func addPages(read: Int, skipped: Int) {
        locked { _pagesRead += read; _pagesSkipped += skipped }
    }

    func notePageIndexUsed() {
        locked { _pageIndexUsed = true }
    }

    func addRowGroups(read: Int, skipped: Int) {
        locked { _rowGroupsRead += read; _rowGroupsSkipped += skipped }
    }

    private func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }
}
