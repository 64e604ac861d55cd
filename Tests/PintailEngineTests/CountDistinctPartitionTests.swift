import PintailCore
import PintailEngine
import PintailPlanner
import Testing

@testable import PintailExecution

/// count(DISTINCT x) keeps hash-partitioned (group, value) pairs per worker and merges the partials partition by
/// partition in parallel: the counts must equal a plain set's, however the rows are split between partials, with
/// NULLs, dictionary batches, group mappings and table growth; and queries must give the same rows on 1 to 4 workers.
@Suite struct CountDistinctPartitionTests {
    /// Rows with a group, a string value (NULL every eleventh row) and a value's dictionary entry.
    struct Rows {
        var groups: [Int32] = []
        var values: [String?] = []
    }

    static func makeRows(_ n: Int, groups: Int, distinct: Int, seed: UInt64) -> Rows {
        var rng = Lcg(state: seed)
        var rows = Rows()
        for i in 0..<n {
            rows.groups.append(Int32(rng.next(groups)))
            rows.values.append(i % 11 == 5 ? nil : "v\(rng.next(distinct))")
        }
        return rows
    }

    /// The reference answer: distinct non-NULL values per group.
    static func expected(_ rows: Rows, groups: Int) -> [Int64] {
        var sets = [Set<String>](repeating: [], count: groups)
        for (g, v) in zip(rows.groups, rows.values) { if let v { sets[Int(g)].insert(v) } }
        return sets.map { Int64($0.count) }
    }

    /// The rows `range` as one flat string vector (or dictionary-shaped over the distinct strings when `dictionary`).
    static func vector(_ rows: Rows, _ range: Range<Int>, dictionary: Bool) -> Vector {
        let values = Array(rows.values[range])
        var validity = Bitmap(count: values.count, value: true)
        for (i, v) in values.enumerated() where v == nil { validity[i] = false }
        if !dictionary {
            return Vector(type: .varchar(length: nil), count: values.count, storage: .bytes(ByteColumn(strings: values.map { $0 ?? "" })),
                          validity: validity)
        }
        let entries = Array(Set(values.compactMap { $0 })).sorted()
        let index = Dictionary(uniqueKeysWithValues: entries.enumerated().map { ($1, Int32($0)) })
        let indices = values.map { $0.flatMap { index[$0] } ?? 0 }
        return Vector(type: .varchar(length: nil), count: values.count, storage: .bytes(ByteColumn(strings: entries)), validity: validity,
                      shape: .dictionary(indices: indices))
    }

    /// Feeds `rows` in batches of `batch` rows to `partials` states in turn, merges them into the first and counts.
    static func count(_ rows: Rows, groups: Int, partials: Int, batch: Int, dictionary: Bool) throws -> [Int64] {
        let states = (0..<partials).map { _ in CountDistinctAggregate() }
        var start = 0, turn = 0
        while start < rows.groups.count {
            let end = min(rows.groups.count, start + batch)
            try states[turn % partials].update(groups: Array(rows.groups[start..<end]), groupCount: groups,
                                              arguments: [vector(rows, start..<end, dictionary: dictionary)])
            start = end
            turn += 1
        }
        let identity = (0..<groups).map { Int32($0) }
        for other in states.dropFirst() { try states[0].merge(other, mapping: identity, groupCount: groups) }
        let out = states[0].finish(groupCount: groups)
        if let error = states[0].finishError { throw error }
        return out.int64Values() ?? []
    }

    @Test(arguments: [1, 2, 3, 4])
    func countsMatchASetWhateverTheSplit(partials: Int) throws {
        let rows = Self.makeRows(20_000, groups: 7, distinct: 3_000, seed: 11)
        let want = Self.expected(rows, groups: 7)
        #expect(try Self.count(rows, groups: 7, partials: partials, batch: 1_000, dictionary: false) == want)
        #expect(try Self.count(rows, groups: 7, partials: partials, batch: 777, dictionary: true) == want)
    }

    @Test func oneGroupOverDictionariesSkipsRepeatsButCountsAll() throws {
        // Every batch in one group, over dictionaries: the first-row filter per (dictionary, group) path.
        var rows = Self.makeRows(10_000, groups: 1, distinct: 500, seed: 5)
        #expect(try Self.count(rows, groups: 1, partials: 2, batch: 4_096, dictionary: true) == Self.expected(rows, groups: 1))
        // Groups constant per batch but changing between batches (a partition key).
        for i in 0..<rows.groups.count { rows.groups[i] = Int32(i / 1_000 % 3) }
        #expect(try Self.count(rows, groups: 3, partials: 2, batch: 1_000, dictionary: true) == Self.expected(rows, groups: 3))
    }

    @Test func mergeMapsTheOtherWorkersGroups() throws {
        // Worker A numbers groups x, y; worker B saw them as y, x. After the merge the counts follow A's numbers.
        let a = CountDistinctAggregate(), b = CountDistinctAggregate()
        func strings(_ s: [String]) -> Vector { Vector(type: .varchar(length: nil), count: s.count, storage: .bytes(ByteColumn(strings: s))) }
        try a.update(groups: [0, 0, 1], groupCount: 2, arguments: [strings(["p", "q", "p"])])
        try b.update(groups: [0, 1, 1, 1], groupCount: 2, arguments: [strings(["r", "p", "q", "s"])])
        try a.merge(b, mapping: [1, 0], groupCount: 2)
        // A's group 0: p, q, plus B's group 1 (p, q, s) = 3. A's group 1: p, plus B's group 0 (r) = 2.
        #expect(a.finish(groupCount: 2).int64Values() == [3, 2])
        #expect(a.finishError == nil)
    }

    @Test func pairSetGrowsAndKeepsEncodingsApart() throws {
        let set = DistinctPairSet()
        var inserted = 0
        for i in 0..<50_000 {
            var bytes = Array("key\(i % 20_000)".utf8)
            let h = bytes.withUnsafeBytes { KeyColumns.hash($0) }
            let new = bytes.withUnsafeMutableBytes {
                set.insert(group: Int32(i % 2), value: $0.baseAddress, length: UInt32($0.count) | DistinctPairSet.rawStringFlag,
                           valueHash: h)
            }
            if new { inserted += 1 }
        }
        // 20,000 keys, each in the group of its parity only (i % 20,000 keeps the parity).
        #expect(inserted == 20_000 && set.count == 20_000, "inserted \(inserted), count \(set.count)")
        // The same bytes without the raw-string flag are another value.
        var bytes = Array("key0".utf8)
        let h = bytes.withUnsafeBytes { KeyColumns.hash($0) }
        #expect(bytes.withUnsafeMutableBytes { set.insert(group: 0, value: $0.baseAddress, length: UInt32($0.count), valueHash: h) })
        var counts = [Int64](repeating: 0, count: 2)
        try set.addCounts(into: &counts)
        #expect(counts == [10_001, 10_000])
        // A group beyond the mapping is an error, not a crash.
        let other = DistinctPairSet()
        #expect(bytes.withUnsafeMutableBytes { other.insert(group: 5, value: $0.baseAddress, length: 4, valueHash: h) })
        #expect(throws: ExecutionError.self) { try set.absorb(other, mapping: [0, 1]) }
    }

    /// The same query on 1 to 4 workers over the bundled lake (43 files, so several workers each take files).
    @Test func sameRowsOnAnyNumberOfWorkers() throws {
        let repo = String(#filePath.dropLast("/Tests/PintailEngineTests/CountDistinctPartitionTests.swift".count))
        let queries = [
            "SELECT count(DISTINCT customer_id), count(DISTINCT product_id), count(DISTINCT star_rating) FROM reviews_parquet",
            "SELECT product_category, count(DISTINCT customer_id), count(*) FROM reviews_parquet GROUP BY product_category ORDER BY 1",
            "SELECT count(*), sum(n) FROM (SELECT customer_id, count(DISTINCT product_id) AS n FROM reviews_parquet GROUP BY customer_id)",
            "SELECT count(*), sum(n), sum(s) FROM (SELECT product_id, count(*) AS n, sum(star_rating) AS s FROM reviews_parquet GROUP BY product_id)",
        ]
        let expected: [[String]] = [
            ["718\t791\t5"],
            [],
            ["718\t4178"],
            ["791\t5000\t20780"],
        ]
        var first: [[String]] = []
        for threads in 1...4 {
            let home = makeTemporaryFolder()
            defer { removeTree(home) }
            let session = try Engine(options: EngineOptions(home: home, threads: threads)).makeSession()
            _ = try session.execute("""
                CREATE EXTERNAL TABLE reviews_parquet(customer_id string, product_id string, star_rating int)
                PARTITIONED BY (product_category string) STORED AS PARQUET
                LOCATION '\(repo)/Datasets/amazon-reviews/parquet';
                MSCK REPAIR TABLE reviews_parquet
                """)
            let answers = try queries.map { sql -> [String] in
                guard let result = try session.execute(sql).last else { return [] }
                return result.rows().map { row in zip(row, result.columns).map { ValueText.text($0, type: $1.type) }.joined(separator: "\t") }
            }
            if threads == 1 { first = answers }
            #expect(answers == first, "threads \(threads)")
            for (answer, want) in zip(answers, expected) where !want.isEmpty { #expect(answer == want, "threads \(threads)") }
            #expect(answers[1].count == 43)
        }
    }
}
