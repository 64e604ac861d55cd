import Foundation
import Testing

/// TPC-H at scale factor 0.01 through `pintail-bench --suite tpch`: data made by DuckDB's tpch extension (in the
/// repository's .venv), the 22 queries on Pintail, every answer checked against DuckDB's. Times are never checked.
@Suite struct TPCHBenchTests {
    /// Generated once and kept (tpch_data.py skips a complete folder).
    static let data = BenchComparisonTests.repository.appendingPathComponent(".build/bench-data/tpch-sf0.01").path

    @Test func everyQueryRunsAndAgreesWithDuckDB() throws {
        let json = FileManager.default.temporaryDirectory.appendingPathComponent("tpch-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: json) }
        let outcome = try PintailProcess.launch(
            BenchComparisonTests.bench.path,
            ["--suite", "tpch", "--scale-factor", "0.01", "--data", Self.data, "--engines", "pintail,duckdb",
             "--runs", "0", "--json", json.path],
            input: "", environment: [:])
        #expect(outcome.status == 0, "\(outcome.err)")
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: json)) as? [String: Any]
        let queries = document?["queries"] as? [[String: Any]] ?? []
        #expect(queries.count == 22)
        for q in queries {
            let name = q["name"] as? String ?? "?"
            let pintail = (q["engines"] as? [String: Any])?["pintail"] as? [String: Any]
            #expect(pintail?["status"] as? String == "ok", "\(name): \(pintail?["error"] ?? "no result")")
            let agreement = (q["pintail_vs"] as? [String: Any])?["duckdb"] as? String
            #expect(agreement == "yes", "\(name): \(agreement ?? "not compared")")
        }
        #expect(outcome.out.contains("Pintail ran 22 of 22 queries; 22 answers agree with DuckDB's"))
    }

    @Test func badScaleFactorIsAUsageError() throws {
        let outcome = try PintailProcess.launch(BenchComparisonTests.bench.path, ["--suite", "tpch", "--scale-factor", "0"],
                                                input: "", environment: [:])
        #expect(outcome.status == 2)
        #expect(outcome.err.contains("--scale-factor must be a number in (0, 1000]"))
    }
}
