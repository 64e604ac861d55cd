import Foundation
import PintailCore
import PintailParquet

/// `--suite decode` (issue 3.9): Parquet decode throughput of Pintail's reader beside pyarrow's read_table and
/// DuckDB's read_parquet, on the same multi-million-row files (ZSTD and SNAPPY), on one thread and on all cores.
/// Every engine reads every column of every row group into memory; times are the best of three.
enum DecodeBenchmark {
    static func run(_ options: BenchOptions) throws {
        let environment = try BenchEnvironment()
        guard environment.preparePython() else { throw BenchError("the Python environment with pyarrow and duckdb is needed") }
        let folder = environment.repository + "/.build/bench-data/decode-\(options.rows)"
        let threads = max(1, options.threads ?? ProcessInfo.processInfo.activeProcessorCount)
        log("making the files (if missing) and timing pyarrow and DuckDB in \(folder)")
        let peers = try runPeers(environment, folder: folder, rows: options.rows, threads: threads)
        guard let files = peers["files"] as? [String: [String: Any]] else { throw BenchError("unexpected output from decode_peers.py") }
        print("Machine: \(MachineInfo.current().line)")
        print("Rows per file: \(options.rows); row groups of 131,072 rows; columns: int64, int32, double, dictionary varchar, ~100-byte varchar")
        print("pyarrow \(peers["pyarrow"] ?? "?"), DuckDB \(peers["duckdb"] ?? "?"); best of 3: wall seconds (M rows/s) / process CPU seconds of that run")
        print("")
        print("| file | MB | Pintail 1 thread | pyarrow 1 thread | pyarrow iter_batches 1 thread | DuckDB 1 thread | "
            + "Pintail \(threads) threads | pyarrow all | DuckDB \(threads) threads |")
        print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
        for codec in ["zstd", "snappy"] {
            guard let entry = files[codec] else { continue }
            let path = folder + "/decode-\(codec).parquet"
            let one = try best { try decode(path, threads: 1) }
            let many = try best { try decode(path, threads: threads) }
            func cell(_ run: (wall: Double, cpu: Double)?) -> String {
                guard let run, run.wall > 0 else { return "-" }
                return String(format: "%.3f (%.1f) / %.2f", run.wall, Double(options.rows) / run.wall / 1e6, run.cpu)
            }
            func peer(_ key: String) -> (wall: Double, cpu: Double)? {
                guard let wall = entry[key] as? Double else { return nil }
                return (wall, entry[key + "_cpu"] as? Double ?? 0)
            }
            let mb = Double(entry["bytes"] as? Int ?? 0) / 1e6
            print("| \(codec) | \(String(format: "%.1f", mb)) | \(cell(one)) | \(cell(peer("pyarrow_1"))) | \(cell(peer("pyarrow_stream_1"))) | "
                + "\(cell(peer("duckdb_1"))) | \(cell(many)) | \(cell(peer("pyarrow_n"))) | \(cell(peer("duckdb_n"))) |")
        }
    }

    /// Reads every column of every row group; returns the rows read (checked against the file).
    static func decode(_ path: String, threads: Int) throws -> Int {
        let file = try ParquetFile.open(path: path)
        let groups = file.metadata.rowGroups.count
        let columns = Array(file.schema.fields.indices)
        let next = NextIndex()
        let rows = RowCount()
        let failure = FirstError()
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            while let g = next.take(limit: groups) {
                do {
                    let reader = try file.readRowGroup(g, columns: columns)
                    var n = 0
                    while let batch = try reader.next() { n += batch.count }
                    rows.add(n)
                } catch {
                    failure.set(error)
                    return
                }
            }
        }
        if let error = failure.error { throw error }
        guard rows.value == Int(file.numRows) else { throw BenchError("read \(rows.value) rows of \(file.numRows) in \(path)") }
        return rows.value
    }

    /// Best of three wall-clock times, with the process CPU seconds (all threads) of that run.
    static func best(_ body: () throws -> Int) throws -> (wall: Double, cpu: Double) {
        var runs: [(wall: Double, cpu: Double)] = []
        for _ in 0..<3 {
            let c = processCPUSeconds()
            let t = Date()
            _ = try body()
            runs.append((Date().timeIntervalSince(t), processCPUSeconds() - c))
        }
        return runs.min { $0.wall < $1.wall } ?? (0, 0)
    }

    static func processCPUSeconds() -> Double {
        var usage = rusage()
        #if os(Linux)
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    static func runPeers(_ environment: BenchEnvironment, folder: String, rows: Int, threads: Int) throws -> [String: Any] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: environment.python)
        process.arguments = [environment.repository + "/Scripts/bench/decode_peers.py", folder, String(rows), String(threads)]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0,
              let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw BenchError("decode_peers.py failed (status \(process.terminationStatus))")
        }
        return object
    }
}

/// Small shared counters for the decode workers.
private final class NextIndex: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    func take(limit: Int) -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard next < limit else { return nil }
        next += 1
        return next - 1
    }
}

private final class RowCount: @unchecked Sendable {
    private let lock = NSLock()
    private var total = 0
    func add(_ n: Int) { lock.lock(); total += n; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return total }
}

private final class FirstError: @unchecked Sendable {
    private let lock = NSLock()
    private var first: Error?
    func set(_ e: Error) { lock.lock(); if first == nil { first = e }; lock.unlock() }
    var error: Error? { lock.lock(); defer { lock.unlock() }; return first }
}
