import Foundation
import Testing

/// Query results through the pintail binary: every output format, footers, errors and exit statuses.
@Suite struct CLIOutputTests {
    static let literals = "SELECT 1 AS id, 'a,b' AS name, 2.50 AS price, 10 / 4.0e0 AS ratio, NULL AS nothing, true AS ok"

    @Test func tableIsTheDefaultAndItsFooterGoesToStandardOutput() throws {
        let p = try PintailProcess()
        defer { p.cleanUp() }
        let outcome = try p.run(["-c", Self.literals])
        #expect(outcome.status == 0)
        #expect(outcome.err == "")
        let lines = outcome.out.split(separator: "\n", omittingEmptySubsequences: false)
        try #require(lines.count == 5)
        #expect(lines[0] == " id | name | price | ratio | nothing |  ok")
        #expect(lines[1] == "----+------+-------+-------+---------+------")
        #expect(lines[2] == "  1 | a,b  |  2.50 |   2.5 | NULL    | true")
        #expect(isFooter(lines[3], rows: 1))
        #expect(lines[4] == "")
    }

    @Test func csvKeepsStandardOutputClean() throws {
        let p = try PintailProcess()
        defer { p.cleanUp() }
        let outcome = try p.run(["--format", "csv", "-c", Self.literals])
        #expect(outcome.status == 0)
        #expect(outcome.out == "id,name,price,ratio,nothing,ok\n1,\"a,b\",2.50,2.5,,true\n")
        #expect(isFooter(outcome.err.dropLast(), rows: 1))
        let headless = try p.run(["--format=csv", "--no-header", "-q", "-c", Self.literals])
        #expect(headless.out == "1,\"a,b\",2.50,2.5,,true\n")
        #expect(headless.err == "")
    }

    @Test func tsvJsonAndMarkdown() throws {
        let p = try PintailProcess()
        defer { p.cleanUp() }
        let tsv = try p.run(["--format", "tsv", "-c", "SELECT 'a' || chr(9) || 'b' AS t, 2 AS n"])
        #expect(tsv.out == "t\tn\na\\tb\t2\n")
        let json = try p.run(["--format", "json", "-c", Self.literals])
        #expect(json.out == #"{"id":1,"name":"a,b","price":2.50,"ratio":2.5,"nothing":null,"ok":true}"# + "\n")
        #expect(isFooter(json.err.dropLast(), rows: 1))
        let markdown = try p.run(["--format", "markdown", "-q", "-c", "SELECT 1 AS n, 'x' AS s"])
        #expect(markdown.out == "| n | s |\n| ---: | --- |\n| 1 | x |\n")
    }

    @Test func errorsShowPositionAndCaretAndExitOne() throws {
        let p = try PintailProcess()
        defer { p.cleanUp() }
        let sql = "SELECT nope FROM (VALUES 1) AS t(x)"
        let outcome = try p.run(["-c", sql])
        #expect(outcome.status == 1)
        let lines = outcome.err.split(separator: "\n")
        try #require(lines.count == 3)
        #expect(lines[0].hasPrefix("line 1:8: "))
        #expect(lines[1] == Substring(sql))
        #expect(lines[2] == "       ^")
    }

    @Test func aFailingStatementStopsTheScript() throws {
        let p = try PintailProcess()
        defer { p.cleanUp() }
        let outcome = try p.run(["--format", "csv", "-q"], input: "SELECT 1 AS a;\nSELECT x FROM missing_table;\nSELECT 3 AS c;\n")
        #expect(outcome.status == 1)
        #expect(outcome.out == "a\n1\n")
        #expect(outcome.err.hasPrefix("line 2:"))
    }

    @Test func scriptsFromFilesStandardInputAndSeveralStatements() throws {
        let p = try PintailProcess()
        defer { p.cleanUp() }
        let file = p.home.appendingPathComponent("q.sql")
        try "SELECT 1 AS a; SELECT 2 AS b;".write(to: file, atomically: true, encoding: .utf8)
        let fromFile = try p.run(["--format", "csv", "-q", "-f", file.path])
        #expect(fromFile.out == "a\n1\nb\n2\n")
        let fromDash = try p.run(["--format", "csv", "-q", "-f", "-"], input: "SELECT 3 AS c")
        #expect(fromDash.out == "c\n3\n")
        let both = try p.run(["--format", "csv", "-q", "-c", "SELECT 4 AS d", "-f", file.path])
        #expect(both.out == "d\n4\na\n1\nb\n2\n")
    }

    @Test func ddlMessagesDatabasesAndCatalogFolders() throws {
        let p = try PintailProcess()
        defer { p.cleanUp() }
        let created = try p.run(["-c", "CREATE DATABASE dsoaws"])
        #expect(created.status == 0)
        #expect(created.out == "CREATE DATABASE\n")
        let quiet = try p.run(["--format", "csv", "-c", "CREATE DATABASE IF NOT EXISTS dsoaws"])
        #expect(quiet.out == "")
        #expect(quiet.err == "CREATE DATABASE\n")
        let other = p.home.appendingPathComponent("other-catalog")
        let elsewhere = try p.run(["--format", "csv", "-q", "--catalog", other.path, "-c", "SHOW DATABASES"])
        #expect(elsewhere.status == 0)
        #expect(!elsewhere.out.contains("dsoaws"))
        let here = try p.run(["--format", "csv", "-q", "-c", "SHOW DATABASES"])
        #expect(here.out.contains("dsoaws"))
        let inDatabase = try p.run(["-d", "dsoaws", "--format", "csv", "-q", "-c", "SHOW TABLES"])
        #expect(inDatabase.status == 0)
        let missing = try p.run(["-d", "no_such_db", "-c", "SHOW TABLES"])
        #expect(missing.status == 1)
    }
}
