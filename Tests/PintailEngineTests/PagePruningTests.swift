import Foundation
import PintailCore
import PintailEngine
import PintailParquet
import Testing

/// Page-level pruning from Parquet column and offset indexes, over fixtures written by pyarrow
/// (Fixtures/pageindex/make_fixtures.py: the same rows with and without page indexes) and parquet-testing's
/// alltypes_tiny_pages.parquet (parquet-mr, dictionary-encoded, tiny pages).
@Suite struct PagePruningTests {
    static let fixtures = SQLLogicRunner.testsFolder + "/Fixtures/pageindex"
    static let columns = "(id bigint, name varchar, score double, flag integer, cat varchar, amount decimal(10,2), d date)"

    static func session(threads: Int? = nil) throws -> (Session, String) {
        let home = makeTemporaryFolder()
        let session = try Engine(options: EngineOptions(home: home, threads: threads)).makeSession()
        _ = try session.execute("""
            CREATE EXTERNAL TABLE ev_idx \(columns) STORED AS PARQUET LOCATION '\(fixtures)/indexed';
            CREATE EXTERNAL TABLE ev_plain \(columns) STORED AS PARQUET LOCATION '\(fixtures)/plain'
            """)
        return (session, home)
    }

    static let predicates: [String] = [
        "{id} = 4321", "{id} BETWEEN 1000 AND 1100", "{id} < 37", "{id} >= 7990", "{id} <> 5", "NOT ({id} >= 20)",
        "{id} IN (3, 2500, 7999)", "{id} < 100 OR {id} > 7900", "{id} > 3000 AND {id} < 3100 AND {flag} = 1",
        "{name} = 'n004000'", "{name} BETWEEN 'n001200' AND 'n001300'", "{name} > 'n0079'",
        "{flag} IS NULL", "{flag} IS NOT NULL AND {id} < 1500", "{flag} = 2 AND {id} BETWEEN 900 AND 1200",
        "{cat} = 'cherry'", "{cat} IN ('apple', 'elder') AND {id} % 2 = 0", "{cat} > 'd'",
        "{score} < 1", "{score} > 999", "{score} <> 0.5", "NOT ({score} < 500) AND {id} < 200",
        "{amount} < 1.00", "{amount} >= 239.00", "{d} = DATE '2020-02-01'", "{d} > DATE '2020-03-15'",
        "CAST({id} AS double) BETWEEN 10.5 AND 20.5", "{id} = NULL", "{id} > 10000",
    ]

    static func expand(_ template: String, pruned: Bool) -> String {
        var s = template
        for c in ["id", "name", "score", "flag", "cat", "amount", "d"] {
            s = s.replacing("{\(c)}", with: pruned ? c : "coalesce(\(c), \(c))")
        }
        return s
    }

    /// Whole rows (every column, so rows skipped inside partly-read pages line up in every column) equal those of
    /// the same rows without page indexes, and of the same query with predicates no pruner understands.
    @Test func prunedRowsEqualUnprunedRows() throws {
        let (session, home) = try Self.session(threads: 2)
        defer { removeTree(home) }
        for predicate in Self.predicates {
            let select = "SELECT id, name, score, flag, cat, amount, d FROM {t} WHERE {p} ORDER BY id"
            func run(_ table: String, pruned: Bool) throws -> [String] {
                try PruningLake.rows(session, select.replacing("{t}", with: table)
                    .replacing("{p}", with: Self.expand(predicate, pruned: pruned)))
            }
            let indexed = try run("ev_idx", pruned: true)
            #expect(indexed == (try run("ev_plain", pruned: true)), "\(predicate)")
            #expect(indexed == (try run("ev_idx", pruned: false)), "\(predicate)")
        }
    }

    /// Aggregates over the page-pruned scan equal the unpruned ones (batches cut across skipped rows).
    @Test func prunedAggregatesEqualUnprunedAggregates() throws {
        let (session, home) = try Self.session()
        defer { removeTree(home) }
        let select = "SELECT count(*), sum(id), min(name), max(name), count(flag), count(score), max(cat), sum(amount) FROM ev_idx WHERE "
        for predicate in Self.predicates {
            let pruned = try PruningLake.rows(session, select + Self.expand(predicate, pruned: true))
            let reference = try PruningLake.rows(session, select + Self.expand(predicate, pruned: false))
            #expect(pruned == reference, "\(predicate)")
        }
    }

    /// Pages the index rules out are never read: the bytes read are exactly the footer, the `id` column's column
    /// and offset indexes, and the `id` pages whose bounds (computed here from the index) reach the range.
    @Test func skippedPagesAreNeverRead() throws {
        let (session, home) = try Self.session(threads: 2)
        defer { removeTree(home) }
        let sql = "SELECT id FROM ev_idx WHERE id BETWEEN 5000 AND 5010"
        let scan = try Self.scanLine(session, sql)
        let file = try ParquetFile.open(path: Self.fixtures + "/indexed/part-0.parquet")
        var expected = file.bytesRead
        let chunk = file.metadata.rowGroups[1].columns[0]
        expected += Int(chunk.columnIndexLength ?? -1) + Int(chunk.offsetIndexLength ?? -1)
        let offsets = try #require(try file.offsetIndex(rowGroup: 1, leaf: 0))
        let pages = try #require(try file.pageStatistics(rowGroup: 1, leaf: 0))
        var matching = 0, rows = 0
        for (p, page) in pages.enumerated() {
            guard case .int(let lo)? = page.statistics.lowerBound, case .int(let hi)? = page.statistics.upperBound else {
                Issue.record("page \(p) without bounds")
                continue
            }
            if hi >= 5000 && lo <= 5010 {
                matching += 1
                rows += page.rows.count
                expected += Int(offsets.pageLocations[p].compressedPageSize)
            }
        }
        #expect(matching >= 1 && matching <= 2)
        #expect(PruningLake.figure("row_groups_read", in: scan) == 1, "\(scan)")
        #expect(PruningLake.figure("row_groups_skipped", in: scan) == 1, "\(scan)")
        #expect(PruningLake.figure("pages_read", in: scan) == matching, "\(scan)")
        #expect(PruningLake.figure("pages_skipped", in: scan) == offsets.pageCount - matching, "\(scan)")
        #expect(PruningLake.figure("bytes_read", in: scan) == expected, "\(scan)")
        // The scan returns the kept pages' rows; the Filter above it keeps the 11 that match.
        #expect(PruningLake.figure("rows", in: scan) == rows, "\(scan)")
        let result = try session.execute(sql).last
        #expect(result?.statistics.bytesScanned == expected)
        #expect(result?.rowCount == 11)
    }

    /// Other projected columns read only their pages that overlap the kept rows; without indexes nothing changes.
    @Test func projectedColumnsReadOnlyOverlappingPages() throws {
        let (session, home) = try Self.session(threads: 1)
        defer { removeTree(home) }
        let sql = "SELECT name, cat, amount FROM ev_{t} WHERE id BETWEEN 1000 AND 1003"
        let indexed = try Self.scanLine(session, sql.replacing("{t}", with: "idx"))
        let plain = try Self.scanLine(session, sql.replacing("{t}", with: "plain"))
        let file = try ParquetFile.open(path: Self.fixtures + "/indexed/part-0.parquet")
        // The scan reads id too (the Filter needs it). The id page holding rows 1000..1003 is kept; each other
        // column reads the one or two pages overlapping that page's rows.
        let offsets = try [0, 1, 4, 5].map { leaf in try #require(try file.offsetIndex(rowGroup: 0, leaf: leaf)) }
        let idPage = try #require((0..<offsets[0].pageCount).map { offsets[0].rows(ofPage: $0) }.first { $0.contains(1000) })
        #expect(!idPage.contains(1004) || idPage.contains(1003))
        let overlapping = offsets.map { index in (0..<index.pageCount).filter { index.rows(ofPage: $0).overlaps(idPage) }.count }
        let total = offsets.reduce(0) { $0 + $1.pageCount }
        #expect(PruningLake.figure("pages_read", in: indexed) == overlapping.reduce(0, +), "\(indexed)")
        #expect(PruningLake.figure("pages_skipped", in: indexed) == total - overlapping.reduce(0, +), "\(indexed)")
        #expect(PruningLake.figure("rows", in: indexed) == idPage.count)
        #expect(!plain.contains("pages_read"), "\(plain)")
        #expect(PruningLake.figure("rows", in: plain) == 4000)
        let indexedBytes = try #require(PruningLake.figure("bytes_read", in: indexed))
        let plainBytes = try #require(PruningLake.figure("bytes_read", in: plain))
        #expect(indexedBytes * 5 < plainBytes, "\(indexed)\n\(plain)")
    }

    @Test func explainAnalyzeGolden() throws {
        let (session, home) = try Self.session(threads: 1)
        defer { removeTree(home) }
        let lines = try PruningLake.explainAnalyze(session, "SELECT count(*) AS n FROM ev_idx WHERE flag IS NULL")
        // Rows 1000..2999 are NULL. Row group 1 has no NULL (skipped by its statistics); in row group 0 the pages
        // of `flag` without NULLs are skipped. Bytes: footer, flag's two indexes, the pages kept.
        let file = try ParquetFile.open(path: Self.fixtures + "/indexed/part-0.parquet")
        let chunk = file.metadata.rowGroups[0].columns[3]
        var bytes = file.bytesRead + Int(chunk.columnIndexLength ?? -1) + Int(chunk.offsetIndexLength ?? -1)
        let offsets = try #require(try file.offsetIndex(rowGroup: 0, leaf: 3))
        var skipped = 0, read = 0, rows = 0
        for (p, page) in try #require(try file.pageStatistics(rowGroup: 0, leaf: 3)).enumerated() {
            if page.statistics.nullCount == 0 {
                skipped += 1
            } else {
                read += 1
                rows += page.rows.count
                bytes += Int(offsets.pageLocations[p].compressedPageSize)
            }
        }
        #expect(skipped > 0 && rows < 4000)
        #expect(lines == [
            "Project [n=_agg0] | rows=1 time=*",
            "  └─ Aggregate keys=[] aggregates=[count_star()] | rows=1 time=*",
            "    └─ Filter (flag IS NULL) | rows=2000 time=*",
            "      └─ Scan default.ev_idx [PARQUET] columns=[flag] | rows=\(rows) files=1 row_groups_read=1 row_groups_skipped=1 pages_read=\(read) pages_skipped=\(skipped) bytes_read=\(bytes) time=*",
        ], "\(lines)")
    }

    /// parquet-mr's tiny-page file: every indexed type prunes pages, and results match the unpruned query.
    @Test func parquetMRTinyPages() throws {
        let folder = makeTemporaryFolder()
        defer { removeTree(folder) }
        let source = SQLLogicRunner.testsFolder + "/../../../shared/testdata/parquet-testing/data/alltypes_tiny_pages.parquet"
        try FileManager.default.createDirectory(atPath: folder + "/t", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: source, toPath: folder + "/t/data.parquet")
        let (session, home) = try Self.session(threads: 2)
        defer { removeTree(home) }
        _ = try session.execute("""
            CREATE EXTERNAL TABLE tiny (id int, bool_col boolean, tinyint_col tinyint, smallint_col smallint, int_col int,
                bigint_col bigint, float_col real, double_col double, date_string_col varchar, string_col varchar,
                timestamp_col timestamp, year int, month int) STORED AS PARQUET LOCATION '\(folder)/t'
            """)
        let predicates = [
            "{id} BETWEEN 100 AND 140", "{id} = 7299", "{int_col} = 3 AND {id} < 500", "{month} = 6", "{year} = 2010 AND {month} > 11",
            "{date_string_col} = '03/01/09'", "{bigint_col} > 85 AND {id} > 7000", "{double_col} < 10 AND {id} < 300",
            "{float_col} > 8.5 AND {month} = 2", "{smallint_col} = 9 AND {tinyint_col} = 9 AND {id} BETWEEN 3000 AND 3100",
        ]
        let names = ["id", "int_col", "month", "year", "date_string_col", "bigint_col", "double_col", "float_col", "smallint_col", "tinyint_col"]
        let select = "SELECT id, bool_col, int_col, bigint_col, float_col, double_col, date_string_col, string_col, timestamp_col, month FROM tiny WHERE "
        var skippedAny = 0
        for predicate in predicates {
            var pruned = predicate, reference = predicate
            for c in names {
                pruned = pruned.replacing("{\(c)}", with: c)
                reference = reference.replacing("{\(c)}", with: "coalesce(\(c), \(c))")
            }
            let a = try PruningLake.rows(session, select + pruned + " ORDER BY id")
            let b = try PruningLake.rows(session, select + reference + " ORDER BY id")
            #expect(a == b, "\(predicate)")
            #expect(!a.isEmpty, "\(predicate)")
            let scan = try Self.scanLine(session, select + pruned)
            if (PruningLake.figure("pages_skipped", in: scan) ?? 0) > 0 { skippedAny += 1 }
        }
        #expect(skippedAny >= 6)
    }

    static func scanLine(_ session: Session, _ sql: String) throws -> String {
        try PruningLake.explainAnalyze(session, sql).first { $0.contains("Scan default.") } ?? ""
    }
}
