import Testing
import PintailCore
import PintailEngine

/// Join probes copied per worker give the same rows as one thread: parallel_join_probes.slt's statements run on
/// engines with 1 and with 4 worker threads (the .slt itself runs with one per core).
@Suite struct ParallelJoinProbeTests {
    /// The single-line SQL of the file's `statement ok` and `query` records.
    static func records(_ header: String) throws -> [String] {
        let lines = try readFile(SQLLogicRunner.testsFolder + "/SQLLogic/parallel_join_probes.slt")
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return lines.indices.dropLast().filter { lines[$0] == header }.map { lines[$0 + 1] }
    }

    static func answers(threads: Int) throws -> [[String]] {
        let home = makeTemporaryFolder()
        defer { removeTree(home) }
        let session = try Engine(options: EngineOptions(home: home, threads: threads)).makeSession()
        for statement in try records("statement ok") {
            _ = try session.execute(statement.replacing("__SCRATCH__", with: home + "/scratch"))
        }
        return try records("query").map { sql in
            guard let result = try session.execute(sql).last else { return [] }
            return result.rows().map { row in
                zip(row, result.columns).map { ValueText.text($0, type: $1.type) }.joined(separator: "\t")
            }.sorted()
        }
    }

    @Test func failedBuildSideFailsEveryWorker() throws {
        let home = makeTemporaryFolder()
        defer { removeTree(home) }
        let session = try Engine(options: EngineOptions(home: home, threads: 4)).makeSession()
        for statement in try Self.records("statement ok") {
            _ = try session.execute(statement.replacing("__SCRATCH__", with: home + "/scratch"))
        }
        let failing = try Self.records("statement error Division by zero")
        #expect(failing.count == 1)
        for sql in failing {
            #expect(throws: (any Error).self) { _ = try session.execute(sql) }
        }
    }

    @Test func fourWorkersAgreeWithOne() throws {
        let one = try Self.answers(threads: 1), four = try Self.answers(threads: 4)
        #expect(one.count == 14)
        #expect(one.allSatisfy { !$0.isEmpty })
        for (i, (a, b)) in zip(one, four).enumerated() { #expect(a == b, "query \(i + 1)") }
    }
}
