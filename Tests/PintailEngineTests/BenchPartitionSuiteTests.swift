import Foundation
import Testing

/// `pintail-bench --suite partitions` on a small lake, Pintail only: every query runs, and Pintail's bytes scanned
/// are exactly what a pruned scan reads (one partition's file for `dt = ...`, that file plus the other footers for
/// the id range, and so on). Times are never checked.
@Suite struct BenchPartitionSuiteTests {
    @Test func prunedQueriesReadExactlyTheirPartitionsBytes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bench-parts-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let json = folder.appendingPathExtension("json")
        defer { try? FileManager.default.removeItem(at: json) }
        let outcome = try PintailProcess.launch(
            BenchComparisonTests.bench.path,
            ["--suite", "partitions", "--partitions", "30", "--rows-per-partition", "300", "--engines", "pintail",
             "--runs", "1", "--data", folder.path, "--json", json.path],
            input: "", environment: [:])
        #expect(outcome.status == 0, "\(outcome.err)")
        #expect(outcome.out.contains("| part_one_partition |"))
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: json)) as? [String: Any]
        let partitions = document?["partitions"] as? [String: Any]
        let scanned = partitions?["pintail_bytes_scanned"] as? [String: Int] ?? [:]
        let expected = partitions?["expected_partition_bytes"] as? [String: Int] ?? [:]
        let lakeBytes = partitions?["lake_bytes"] as? Int ?? 0
        #expect(scanned.count == 5)
        #expect(expected.count == 4)
        for (name, bytes) in expected { #expect(scanned[name] == bytes, "\(name)") }
        // One partition of 30 is a thirtieth of the lake, give or take the files' sizes.
        let one = scanned["part_one_partition"] ?? 0
        #expect(one > 0 && one * 20 < lakeBytes)
        #expect(scanned["part_full_lake"] == lakeBytes)
    }

    @Test func badSuiteOptionsAreUsageErrors() throws {
        let outcome = try PintailProcess.launch(BenchComparisonTests.bench.path, ["--suite", "nope"], input: "",
                                                environment: [:])
        #expect(outcome.status == 2)
        #expect(outcome.err.contains("--suite is reviews, partitions or decode"))
    }
}
