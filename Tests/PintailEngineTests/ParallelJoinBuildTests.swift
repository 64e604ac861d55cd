import Testing
import PintailCore
import PintailEngine

/// Join tables built on four threads give DuckDB's answers too: parallel_join_build.slt's statements (build sides
/// of 67,500-75,000 rows, above the threshold for building on all threads) run on an engine with 4 worker threads
/// (the .slt itself runs with one per core) and each query's rows are compared, sorted, with the file's.
@Suite struct ParallelJoinBuildTests {
    /// The file's records: header, single-line SQL, expected rows.
    static func records() throws -> [(header: String, sql: String, rows: [String])] {
        let lines = try readFile(SQLLogicRunner.testsFolder + "/SQLLogic/parallel_join_build.slt")
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var out: [(String, String, [String])] = []
        var i = 0
        while i + 1 < lines.count {
            let header = lines[i]
            guard header == "statement ok" || header == "query" else { i += 1; continue }
            var rows: [String] = []
            var j = i + 2
            if header == "query", j < lines.count, lines[j] == "----" {
                j += 1
                while j < lines.count, !lines[j].isEmpty { rows.append(lines[j]); j += 1 }
            }
            out.append((header, lines[i + 1], rows))
            i = j
        }
        return out
    }

    @Test func fourWorkersGiveTheFileAnswers() throws {
        let home = makeTemporaryFolder()
        defer { removeTree(home) }
        let session = try Engine(options: EngineOptions(home: home, threads: 4)).makeSession()
        let records = try Self.records()
        #expect(records.filter { $0.header == "query" }.count == 20)
        for record in records {
            let results = try session.execute(record.sql.replacing("__SCRATCH__", with: home + "/scratch"))
            guard record.header == "query" else { continue }
            let result = try #require(results.last)
            let rows = result.rows().map { row in
                zip(row, result.columns).map { ValueText.text($0, type: $1.type) }.joined(separator: "\t")
            }
            #expect(!rows.isEmpty)
            #expect(rows.sorted() == record.rows.sorted(), "\(record.sql)")
        }
    }
}
