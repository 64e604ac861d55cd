import Foundation
import Testing

/// The benchmark's result comparison (`pintail-bench compare`), and one Pintail-only run of the benchmark on the
/// sample lake. Times are never checked.
@Suite struct BenchComparisonTests {
    static let bench = PintailProcess.binary.deletingLastPathComponent().appendingPathComponent("pintail-bench")
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Writes two result files and compares them; returns the exit status and the printed outcome.
    func compare(_ expected: String, _ actual: String, _ flags: [String] = []) throws -> (Int32, String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bench-cmp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = folder.appendingPathComponent("a.json"), b = folder.appendingPathComponent("b.json")
        try Data(expected.utf8).write(to: a)
        try Data(actual.utf8).write(to: b)
        let outcome = try PintailProcess.launch(Self.bench.path, ["compare", a.path, b.path] + flags, input: "",
                                                environment: [:])
        return (outcome.status, outcome.out.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    static func result(_ rows: String, count: Int? = nil, columns: Int = 2) -> String {
        let names = (0..<columns).map { "\"c\($0)\"" }.joined(separator: ",")
        let n = count ?? rows.components(separatedBy: "],[").count
        return "{\"columns\":[\(names)],\"rows\":\(n),\"data\":[\(rows)]}"
    }

    @Test func identicalRowsAgree() throws {
        let r = Self.result("[\"Books\",617],[\"PC\",12]")
        #expect(try compare(r, r, ["--ordered"]) == (0, "yes"))
    }

    @Test func doublesAgreeToARelativeOneInABillion() throws {
        let a = Self.result("[\"Books\",4.213938411669368]")
        #expect(try compare(a, Self.result("[\"Books\",4.2139384116693]"), ["--ordered"]).0 == 0)
        let (status, text) = try compare(a, Self.result("[\"Books\",4.21393]"), ["--ordered"])
        #expect(status == 1)
        #expect(text.hasPrefix("NO: row 1 c1"))
    }

    @Test func integersAndWholeDoublesAreTheSameNumber() throws {
        #expect(try compare(Self.result("[\"x\",555068]"), Self.result("[\"x\",555068.0]")).0 == 0)
    }

    @Test func orderMattersOnlyWithOrderBy() throws {
        let a = Self.result("[\"Books\",617],[\"PC\",12],[null,3]")
        let b = Self.result("[null,3],[\"PC\",12],[\"Books\",617]")
        #expect(try compare(a, b).0 == 0)
        #expect(try compare(a, b, ["--ordered"]).0 == 1)
    }

    @Test func nullIsNotZeroNorEmptyText() throws {
        #expect(try compare(Self.result("[\"a\",null]"), Self.result("[\"a\",0]")).0 == 1)
        #expect(try compare(Self.result("[null,1]"), Self.result("[\"\",1]")).0 == 1)
    }

    @Test func differentShapesDiffer() throws {
        let (status, text) = try compare(Self.result("[\"a\",1]"), Self.result("[\"a\",1],[\"b\",2]"))
        #expect(status == 1)
        #expect(text == "NO: 1 rows vs 2")
        #expect(try compare(Self.result("[\"a\",1]"), Self.result("[\"a\"]", columns: 1)).1 == "NO: 2 columns vs 1")
    }

    @Test func largeResultsCompareByCount() throws {
        let big = "{\"columns\":[\"c\"],\"rows\":20000,\"data\":null}"
        #expect(try compare(big, big) == (0, "count only"))
    }

    @Test func approximateAnswersUseTheirTolerance() throws {
        let exact = Self.result("[82164]", columns: 1), approx = Self.result("[82782]", columns: 1)
        #expect(try compare(exact, approx).0 == 1)
        #expect(try compare(exact, approx, ["--tolerance", "0.05"]).0 == 0)
    }

    @Test func badFilesAreAClearError() throws {
        let outcome = try PintailProcess.launch(Self.bench.path, ["compare", "/nonexistent/a.json", "/nonexistent/b.json"],
                                                input: "", environment: [:])
        #expect(outcome.status == 2)
        #expect(outcome.err.contains("cannot read /nonexistent/a.json"))
        #expect(try compare("{\"rows\": 1}", Self.result("[1]", columns: 1)).0 == 2)
    }

    @Test func pintailOnlyRunOnTheSampleLakeWritesJSON() throws {
        let json = FileManager.default.temporaryDirectory.appendingPathComponent("bench-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: json) }
        let lake = Self.repository.appendingPathComponent("Datasets/amazon-reviews").path
        let outcome = try PintailProcess.launch(
            Self.bench.path,
            ["--engines", "pintail", "--data", lake, "--runs", "1", "--only", "tsv_count_by_category,pq_join",
             "--json", json.path],
            input: "", environment: [:])
        #expect(outcome.status == 0, "\(outcome.err)")
        #expect(outcome.out.contains("| tsv_count_by_category |"))
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: json)) as? [String: Any]
        let queries = document?["queries"] as? [[String: Any]] ?? []
        #expect(queries.count == 2)
        let engines = queries.first?["engines"] as? [String: Any]
        let pintail = engines?["pintail"] as? [String: Any]
        #expect(pintail?["status"] as? String == "ok")
        #expect(pintail?["rows"] as? Int == 43)
        #expect((pintail?["times_s"] as? [Double])?.count == 1)
    }
}
