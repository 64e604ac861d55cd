import PintailCore
import PintailParquet
import PintailPlanner

/// A physical operator: pulls batches from its inputs and produces batches until it returns nil.
protocol Operator: AnyObject {
    func next() throws -> Batch?
}

/// Counters a query accumulates while it runs, for the CLI footer and EXPLAIN ANALYZE.
public final class ExecutionStatistics: @unchecked Sendable {
    private var lock = SpinLock()
    private var _bytesScanned = 0
    private var _badFields = 0
    private var _filesRead = 0

    public init() {}

    public var bytesScanned: Int { lock.withLock { _bytesScanned + parquetFiles.reduce(0) { $0 + $1.bytesRead } } }
    public var badFields: Int { lock.withLock { _badFields } }
    public var filesRead: Int { lock.withLock { _filesRead } }

    private var parquetFiles: [PintailParquet.ParquetFile] = []

    /// A Parquet file opened for the scan: everything read from it (footer and column chunks) counts as scanned.
    func addFooter(_ file: PintailParquet.ParquetFile) {
        lock.withLock { parquetFiles.append(file) }
    }

    private var scans: [ScanCounters] = []
    /// Set by EXPLAIN ANALYZE before the plan is built: per-operator rows and time.
    var profile: OperatorProfile? = nil
    /// WITH queries computed once for all their references in this statement.
    let sharedResults = SharedResults()

    /// Per-scan counters, in the order the scans were planned.
    public var scanCounters: [ScanCounters] { lock.withLock { scans } }
    public var filesOpened: Int { scanCounters.reduce(0) { $0 + $1.filesOpened } }
    public var rowGroupsRead: Int { scanCounters.reduce(0) { $0 + $1.rowGroupsRead } }
    public var rowGroupsSkipped: Int { scanCounters.reduce(0) { $0 + $1.rowGroupsSkipped } }
    public var partitionsSelected: Int { scanCounters.reduce(0) { $0 + $1.partitionsSelected } }
    public var partitionsTotal: Int { scanCounters.reduce(0) { $0 + $1.partitionsTotal } }

    /// Registers a scan being planned; its files and row groups are counted on the result.
    func beginScan(_ scan: PintailPlanner.Scan) -> ScanCounters {
        let counters = ScanCounters(scan: scan)
        lock.withLock { scans.append(counters) }
        return counters
    }

    func addFile(bytes: Int, badFields: Int) {
        lock.withLock {
            _bytesScanned += bytes
            _badFields += badFields
            _filesRead += 1
        }
    }
}

/// A minimal lock for counters touched rarely (once per file).
struct SpinLock {
    private let mutex = MutexBox()
    func withLock<T>(_ body: () throws -> T) rethrows -> T {
        mutex.lock()
        defer { mutex.unlock() }
        return try body()
    }
}

#if canImport(Glibc)
import Glibc
#endif

final class MutexBox: @unchecked Sendable {
    private var m = pthread_mutex_t()
    init() { pthread_mutex_init(&m, nil) }
    deinit { pthread_mutex_destroy(&m) }
    func lock() { pthread_mutex_lock(&m) }
    func unlock() { pthread_mutex_unlock(&m) }
    /// Waits on `condition`, which must be used with this mutex only; the caller holds the lock.
    func wait(_ condition: UnsafeMutablePointer<pthread_cond_t>) { pthread_cond_wait(condition, &m) }
}
