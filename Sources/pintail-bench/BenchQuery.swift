/// The engines the benchmark knows.
enum EngineName: String, CaseIterable, Sendable {
    case pintail, duckdb, datafusion

    static let peers: [EngineName] = [.duckdb, .datafusion]
}

/// Which copy of the lake a query reads: `reviews_tsv` (gzip TSV) or `reviews_parquet` (hive-partitioned Parquet).
enum LakeLayout: String, Sendable {
    case tsv, parquet
}

/// One benchmark query: the Presto/Athena text Pintail runs, and the peers' spelling where their dialect differs.
struct BenchQuery: Sendable {
    var name: String
    var layout: LakeLayout
    /// What the query measures, for the report.
    var summary: String
    /// Presto/Athena SQL (Pintail's dialect); also what the peers run unless they have their own text.
    var sql: String
    var duckdb: String?
    var datafusion: String?
    /// True when the query has an ORDER BY that fixes the order of every row (ties broken), so rows are compared
    /// in order; otherwise they are sorted first.
    var ordered: Bool
    /// Relative tolerance for numbers: 1e-9, or the error bound of an approximate function.
    var tolerance: Double = ResultComparison.defaultTolerance

    func sql(for engine: EngineName) -> String {
        switch engine {
        case .pintail: return sql
        case .duckdb: return duckdb ?? sql
        case .datafusion: return datafusion ?? sql
        }
    }

    /// `--only` accepts exact names and prefixes ending in `*` (`tsv_*`).
    static func select(_ queries: [BenchQuery], only patterns: [String]) -> [BenchQuery] {
        guard !patterns.isEmpty else { return queries }
        return queries.filter { q in
            patterns.contains { p in p.hasSuffix("*") ? q.name.hasPrefix(String(p.dropLast())) : q.name == p }
        }
    }
}
