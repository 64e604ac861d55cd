import Foundation
import PintailCore
import PintailEngine

/// Pintail in this process: one Engine whose catalog lives in a temporary PINTAIL_HOME, the lake's two layouts
/// registered once as `reviews_tsv` and `reviews_parquet`, one session for every query.
final class PintailQueryEngine: QueryEngine {
    let name = EngineName.pintail
    let version = "in process"
    private let session: Session
    private let home: String
    /// Highest per-query peak seen: resetting VmHWM also lowers getrusage's figure, so the lifetime peak is kept here.
    private var highestPeakKB = 0
    /// Bytes the last query read from data files (Athena's "Data scanned").
    private(set) var lastBytesScanned = 0

    /// `registration` is the DDL run once; nil means the reviews lake's (`registration(lake:)`).
    init(lake: String, threads: Int?, registration: String? = nil) throws {
        home = NSTemporaryDirectory() + "pintail-bench-\(getpid())-\(UUID().uuidString.prefix(8))"
        let engine = try Engine(options: EngineOptions(home: home, threads: threads))
        session = engine.makeSession()
        _ = try session.execute(registration ?? Self.registration(lake: lake))
    }

    deinit { try? FileManager.default.removeItem(atPath: home) }

    /// The book's DDL for the TSV table, and the Parquet table with the schema of the book's CTAS.
    static func registration(lake: String) -> String {
        let text = """
            marketplace string, customer_id string, review_id string, product_id string, product_parent string,
            product_title string
            """
        let tail = """
            vine string, verified_purchase string, review_headline string, review_body string
            """
        return """
            CREATE EXTERNAL TABLE reviews_tsv(\(text), product_category string,
                star_rating int, helpful_votes int, total_votes int, \(tail), review_date string)
            ROW FORMAT DELIMITED FIELDS TERMINATED BY '\\t' LINES TERMINATED BY '\\n'
            LOCATION '\(lake)/tsv'
            TBLPROPERTIES ('compressionType'='gzip', 'skip.header.line.count'='1');
            CREATE EXTERNAL TABLE reviews_parquet(\(text),
                star_rating int, helpful_votes int, total_votes int, \(tail), year int, review_date date)
            PARTITIONED BY (product_category string)
            STORED AS PARQUET
            LOCATION '\(lake)/parquet';
            MSCK REPAIR TABLE reviews_parquet;
            """
    }

    func run(_ query: BenchQuery) -> EngineRun {
        MemoryProbe.resetPeak()
        let started = Stopwatch.now()
        let results: [StatementResult]
        do {
            results = try session.execute(query.sql(for: .pintail))
        } catch let error as PintailError {
            return .unsupported(error.description, seconds: Stopwatch.now() - started)
        } catch {
            return .unsupported("\(error)", seconds: Stopwatch.now() - started)
        }
        let seconds = Stopwatch.now() - started
        let peak = MemoryProbe.peakSinceResetKB()
        highestPeakKB = max(highestPeakKB, peak)
        guard let last = results.last else { return .unsupported("no result") }
        lastBytesScanned = last.statistics.bytesScanned
        return EngineRun(status: .ok, seconds: seconds, result: Self.resultSet(last), error: nil, peakKB: peak)
    }

    func lifetimePeakKB() -> Int { max(MemoryProbe.lifetimePeakKB(), highestPeakKB) }

    /// The rows in the benchmark's comparable form (kept only when there are few enough).
    static func resultSet(_ result: StatementResult) -> ResultSet {
        let count = result.rowCount
        var set = ResultSet(columns: result.columns.map(\.name), rowCount: count, rows: nil)
        guard count <= ResultSet.maxKeptRows else { return set }
        let types = result.columns.map(\.type)
        set.rows = result.rows().map { row in zip(row, types).map { cell($0, type: $1) } }
        return set
    }

    static func cell(_ value: Value, type: DataType) -> ResultCell {
        switch value {
        case .null: return .null
        case .boolean(let b): return .integer(b ? 1 : 0)
        case .int(let i):
            switch type {
            case .date, .timestamp, .time: return .text(ValueText.text(value, type: type))
            case .decimal: break
            default: return .integer(i)
            }
        case .double(let d): return .double(d)
        case .string(let s): return .text(s)
        case .decimal: break
        case .bytes, .array, .map, .row: return .text(ValueText.text(value, type: type))
        }
        // Decimals compare as numbers: the peers hand them over as doubles.
        return Double(ValueText.text(value, type: type)).map(ResultCell.double) ?? .text(ValueText.text(value, type: type))
    }
}
