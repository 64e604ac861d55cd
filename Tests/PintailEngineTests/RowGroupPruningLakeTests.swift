import PintailEngine
import PintailParquet
import Testing

/// Differential and counter tests over the generated lake (see `PruningLake`).
@Suite struct RowGroupPruningLakeTests {
    /// Predicates with `{c}` placeholders: pruned, `{c}` is the column; unpruned, `coalesce(c, c)`, which means the
    /// same but which neither pruner understands (partition keys get an extra `OR rand() < 0`, see below).
    static let predicates: [String] = [
        "{id} = 123045", "{id} <> 5", "{id} < 2010", "{id} <= 2049", "{id} > 298150", "{id} >= 298150",
        "{id} BETWEEN 150020 AND 150120", "{id} IN (5, 150049, 299199)", "{id} NOT IN (5, 6)", "NOT ({id} >= 1000)",
        "{id} < 2000 OR {id} > 298000", "{id} IN (5, NULL)", "{id} = NULL", "150000 < {id} AND 150010 >= {id}",
        "{name} = 'n000123045'", "{name} > 'n000299'", "{name} < 'n000000002'", "{name} BETWEEN 'n000005100' AND 'n000005160'",
        "{score} < 1", "{score} > 350", "{score} <> 0.5", "NOT ({score} < 200)", "{score} >= 249.5", "{score} = 100.5",
        "{flag} IS NULL", "{flag} IS NOT NULL", "{flag} = 1", "NOT ({flag} IS NULL) AND {id} < 3000",
        "{amount} > 2000000.00", "{amount} <= 7.00", "CAST({id} AS double) > 298999.5",
        "CAST({id} AS decimal(20,2)) < 20.00", "{ts} > TIMESTAMP '2020-01-04 11:00:00'", "{ts} < TIMESTAMP '2020-01-01 00:00:30'",
        "{d} = DATE '2019-04-20'", "{d} > '2020-01-01'", "{ghost} IS NULL", "{ghost} = 'x'", "{ghost} IS NOT NULL OR {id} = 7",
        "{day} = 5 AND {id} > 5100", "{day} BETWEEN 10 AND 12 OR {id} < 100", "{day} IN (1, 299) AND NOT ({flag} IS NULL)",
    ]

    static func expand(_ template: String, pruned: Bool) -> String {
        var s = template
        for c in ["id", "name", "score", "flag", "amount", "ts", "d", "ghost", "day"] {
            s = s.replacing("{\(c)}", with: pruned ? c : "coalesce(\(c), \(c))")
        }
        // A non-deterministic conjunct that is always false keeps partition pruning away from the reference query.
        return pruned ? "(\(s))" : "((\(s)) OR rand() < 0)"
    }

    /// Every predicate returns the same rows with and without pruning (one session: registering partitions is slow).
    @Test func prunedQueriesReturnTheSameRows() throws {
        let (session, home) = try PruningLake.session()
        defer { removeTree(home) }
        // The partitions the predicates are about (both queries prune to them alike), to keep the run short.
        let select = "SELECT count(*), sum(id), min(name), max(name), count(flag), count(score) FROM events "
            + "WHERE day IN (0, 1, 2, 5, 6, 7, 10, 11, 12, 57, 123, 150, 298, 299) AND "
        for predicate in Self.predicates {
            let pruned = try PruningLake.rows(session, select + Self.expand(predicate, pruned: true))
            let reference = try PruningLake.rows(session, select + Self.expand(predicate, pruned: false))
            #expect(pruned == reference, "\(predicate)")
        }
    }

    @Test func everyRuleSkipsSomethingItShould() throws {
        let (session, home) = try PruningLake.session(threads: 1)
        defer { removeTree(home) }
        // (predicate, row groups read) over all 300 files of 4 groups each.
        let cases: [(String, Int)] = [
            ("id = 123045", 1), ("id < 2010", 9), ("id >= 298150", 5), ("id BETWEEN 150020 AND 150120", 3),
            ("id IN (5, 150049, 299199)", 3), ("NOT (id >= 1000)", 4), ("name > 'n000299'", 4),
            ("score > 350", 0), ("score < 1", 300), ("flag IS NULL", 300), ("flag IS NOT NULL", 900),
            ("ghost = 'x'", 0), ("ghost IS NULL", 1200), ("d = DATE '2019-04-20'", 4), ("amount < 3.50", 1),
            ("CAST(id AS double) > 298999.5", 4), ("ts < TIMESTAMP '2020-01-01 00:00:30'", 1), ("id <> 5", 1200),
            ("id = NULL", 0),
        ]
        for (predicate, read) in cases {
            let lines = try PruningLake.explainAnalyze(session, "SELECT count(*) FROM events WHERE " + predicate)
            let scan = lines.first { $0.contains("Scan default.events") } ?? ""
            #expect(PruningLake.figure("row_groups_read", in: scan) == read, "\(predicate): \(scan)")
            #expect(PruningLake.figure("row_groups_skipped", in: scan) == 1200 - read, "\(predicate): \(scan)")
            #expect(PruningLake.figure("files", in: scan) == 300, "\(predicate): \(scan)")
        }
    }

    /// Pruned partitions are never opened and pruned row groups never read: the bytes read are exactly the one
    /// selected file's footer plus the `id` chunk of the one row group kept.
    @Test func prunedDataIsNeverRead() throws {
        let (session, home) = try PruningLake.session(threads: 2)
        defer { removeTree(home) }
        let lines = try PruningLake.explainAnalyze(session, "SELECT id FROM events WHERE day = 7 AND id >= 7150")
        let scan = lines.first { $0.contains("Scan default.events") } ?? ""
        #expect(scan.contains("partitions=1/300"), "\(scan)")
        #expect(PruningLake.figure("files", in: scan) == 1)
        #expect(PruningLake.figure("row_groups_read", in: scan) == 1)
        #expect(PruningLake.figure("row_groups_skipped", in: scan) == 3)
        #expect(PruningLake.figure("rows", in: scan) == 50)

        let file = try ParquetFile.open(path: try PruningLake.folder.get() + "/day=7/part-0.parquet")
        let footer = file.bytesRead
        let idChunk = Int(file.metadata.rowGroups[3].columns[0].metaData?.totalCompressedSize ?? -1)
        #expect(PruningLake.figure("bytes_read", in: scan) == footer + idChunk, "\(scan)")
        let result = try session.execute("SELECT id FROM events WHERE day = 7 AND id >= 7150").last
        #expect(result?.statistics.bytesScanned == footer + idChunk)
        #expect(result?.rowCount == 50)
    }

    @Test func explainAnalyzeGolden() throws {
        let (session, home) = try PruningLake.session(threads: 1)
        defer { removeTree(home) }
        let lines = try PruningLake.explainAnalyze(
            session, "SELECT day, count(*) AS n FROM events WHERE day BETWEEN 3 AND 4 AND name >= 'n000004150' GROUP BY day")
        // Bytes: both selected files' footers and the one `name` chunk kept; `day` is a partition key, never read.
        let lake = try PruningLake.folder.get()
        let day3 = try ParquetFile.open(path: lake + "/day=3/part-0.parquet")
        let day4 = try ParquetFile.open(path: lake + "/day=4/part-0.parquet")
        let bytes = day3.bytesRead + day4.bytesRead + Int(day4.metadata.rowGroups[3].columns[1].metaData?.totalCompressedSize ?? -1)
        #expect(lines == [
            "Project [day=_key0, n=_agg0] | rows=1 time=*",
            "  └─ Aggregate keys=[day] aggregates=[count_star()] | rows=1 time=*",
            "    └─ Filter (name >= 'n000004150') | rows=50 time=*",
            "      └─ Scan default.events [PARQUET] columns=[name, day] partitions=2/300 | rows=50 files=2 row_groups_read=1 row_groups_skipped=7 bytes_read=\(bytes) time=*",
        ])
    }
}
