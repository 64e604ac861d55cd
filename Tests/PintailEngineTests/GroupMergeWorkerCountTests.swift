import Testing
import PintailCore
import PintailEngine

/// partitioned_aggregation.slt on 3 workers (the .slt itself runs with one per core): with three partials the first
/// merge inserts into the table and only the last one numbers the new groups without inserting, and both must give
/// the file's expected rows (from DuckDB).
@Suite struct GroupMergeWorkerCountTests {
    /// The file's records as (header, SQL, expected rows); SQL may span several lines.
    static func records() throws -> [(header: String, sql: String, rows: [String])] {
        let lines = try readFile(SQLLogicRunner.testsFolder + "/SQLLogic/partitioned_aggregation.slt")
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var out: [(header: String, sql: String, rows: [String])] = []
        var i = 0
        while i < lines.count {
            let header = lines[i]
            i += 1
            guard header == "statement ok" || header == "query" else { continue }
            var sql: [String] = [], rows: [String] = []
            while i < lines.count, !lines[i].isEmpty, lines[i] != "----" { sql.append(lines[i]); i += 1 }
            if i < lines.count, lines[i] == "----" {
                i += 1
                while i < lines.count, !lines[i].isEmpty { rows.append(lines[i]); i += 1 }
            }
            out.append((header, sql.joined(separator: "\n"), rows))
        }
        return out
    }

    @Test func threeWorkersMatchTheFile() throws {
        let threads = 3
        let home = makeTemporaryFolder()
        defer { removeTree(home) }
        let session = try Engine(options: EngineOptions(home: home, threads: threads)).makeSession()
        let records = try Self.records()
        #expect(records.filter { $0.header == "query" }.count == 13)
        for record in records {
            let sql = record.sql.replacing("__SCRATCH__", with: home + "/scratch")
            guard record.header == "query" else { _ = try session.execute(sql); continue }
            guard let result = try session.execute(sql).last else { Issue.record("no result: \(sql)"); continue }
            let rows = result.rows().map { row in
                zip(row, result.columns).map { $0.isNull ? "NULL" : ValueText.text($0, type: $1.type) }
                    .joined(separator: "\t")
            }
            #expect(rows == record.rows, "\(threads) workers: \(record.sql)")
        }
    }
}
