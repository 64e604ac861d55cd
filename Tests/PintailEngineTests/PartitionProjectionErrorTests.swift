@testable import PintailEngine
import Testing

/// Bad projection properties fail the query with an error naming the property; the date pattern code on its own.
@Suite struct PartitionProjectionErrorTests {
    /// (properties after 'projection.enabled'='true', text the error must contain)
    static let cases: [(String, String)] = [
        ("'projection.k.type'='integer', 'projection.k.range'='5,1'", "'projection.k.range' must be two comma-separated integers"),
        ("'projection.k.type'='integer', 'projection.k.range'='1'", "'projection.k.range' must be two"),
        ("'projection.k.type'='integer'", "'projection.k.range' is required"),
        ("'projection.k.type'='integer', 'projection.k.range'='0,9', 'projection.k.interval'='0'", "'projection.k.interval' must be a positive integer"),
        ("'projection.k.type'='integer', 'projection.k.range'='0,2000000'", "more than 1000000 partitions"),
        ("'projection.k.type'='bucket'", "'projection.k.type' must be integer, date, enum or injected"),
        ("'projection.other.type'='enum'", "'projection.k.type' is required"),
        ("'projection.k.type'='enum'", "'projection.k.values' is required"),
        ("'projection.k.type'='date', 'projection.k.range'='2020-01-01,NOW'", "'projection.k.format' is required"),
        ("'projection.k.type'='date', 'projection.k.format'='yyyy-MM-dd', 'projection.k.range'='2020-13-01,2021-01-01'", "'projection.k.range' value '2020-13-01' does not match"),
        ("'projection.k.type'='date', 'projection.k.format'='yyyy-MM-dd', 'projection.k.range'='2021-01-01,2020-01-01'", "'projection.k.range' starts after it ends"),
        ("'projection.k.type'='date', 'projection.k.format'='yyyy-MM-dd', 'projection.k.range'='NOW-3FORTNIGHTS,NOW'", "cannot read relative date"),
        ("'projection.k.type'='date', 'projection.k.format'='yyyy-MM-dd', 'projection.k.range'='2020-01-01,2020-02-01', 'projection.k.interval.unit'='EONS'", "'projection.k.interval.unit' must be one of"),
        ("'projection.k.type'='date', 'projection.k.format'='yyyy-MM-dd EEE', 'projection.k.range'='2020-01-01,2020-02-01'", "'projection.k.format' uses unsupported pattern 'EEE'"),
        ("'projection.k.type'='date', 'projection.k.format'='yyyy-MM-dd HH:mm:ss', 'projection.k.range'='2000-01-01 00:00:00,2020-01-01 00:00:00'", "more than 1000000 partitions"),
        ("'projection.k.type'='enum', 'projection.k.values'='a,b', 'storage.location.template'='/x/data'", "'storage.location.template' must contain ${k}"),
        ("'projection.k.type'='enum', 'projection.k.values'='a,b', 'storage.location.template'='/x/${k}/${j}'", "'storage.location.template' names 'j'"),
        ("'projection.k.type'='enum', 'projection.k.values'='a,b', 'storage.location.template'='x/${k}'", "must be an absolute path"),
    ]

    @Test func badPropertiesAreClearErrors() throws {
        let (session, root) = try ProjectionLake.session()
        defer { removeTree(root) }
        for (i, (properties, wanted)) in Self.cases.enumerated() {
            _ = try session.execute("""
                CREATE EXTERNAL TABLE bad\(i) (v int) PARTITIONED BY (k string) LOCATION '\(root)/bad'
                TBLPROPERTIES ('projection.enabled'='true', \(properties))
                """)
            let message = ProjectionLake.error(session, "SELECT count(*) FROM bad\(i)")
            #expect(message.contains(wanted), "\(properties): \(message)")
        }
    }

    @Test func tooManyCombinationsIsAnError() throws {
        let (session, root) = try ProjectionLake.session()
        defer { removeTree(root) }
        _ = try session.execute("""
            CREATE EXTERNAL TABLE wide (v int) PARTITIONED BY (a int, b int) LOCATION '\(root)/wide'
            TBLPROPERTIES ('projection.enabled'='true', 'projection.a.type'='integer', 'projection.a.range'='1,2000',
                           'projection.b.type'='integer', 'projection.b.range'='1,1000')
            """)
        let message = ProjectionLake.error(session, "SELECT count(*) FROM wide")
        #expect(message.contains("yields more than 1000000 partitions"), "\(message)")
    }

    @Test func valuesMustReadAsTheColumnType() throws {
        let (session, root) = try ProjectionLake.session()
        defer { removeTree(root) }
        _ = try session.execute("""
            CREATE EXTERNAL TABLE typed (v int) PARTITIONED BY (d date, n int) LOCATION '\(root)/typed'
            TBLPROPERTIES ('projection.enabled'='true', 'projection.d.type'='date', 'projection.d.format'='yyyy-MM-dd',
                           'projection.d.range'='2024-01-01,2024-01-03', 'projection.n.type'='enum', 'projection.n.values'='1,2');
            CREATE EXTERNAL TABLE slashed (v int) PARTITIONED BY (d date) LOCATION '\(root)/slashed'
            TBLPROPERTIES ('projection.enabled'='true', 'projection.d.type'='date', 'projection.d.format'='yyyy/MM/dd',
                           'projection.d.range'='2024/01/01,2024/01/03');
            CREATE EXTERNAL TABLE lettered (v int) PARTITIONED BY (n int) LOCATION '\(root)/lettered'
            TBLPROPERTIES ('projection.enabled'='true', 'projection.n.type'='enum', 'projection.n.values'='1,two')
            """)
        #expect(try ProjectionLake.partitions(session, "SELECT v FROM typed WHERE d > DATE '2024-01-01' AND n = 2") == "2/6")
        let slashed = ProjectionLake.error(session, "SELECT v FROM slashed")
        #expect(slashed.contains("value '2024/01/01' from 'projection.d.*' is not a valid date"), "\(slashed)")
        let lettered = ProjectionLake.error(session, "SELECT v FROM lettered")
        #expect(lettered.contains("value 'two' from 'projection.n.*' is not a valid integer"), "\(lettered)")
    }

    @Test func disabledProjectionUsesTheCatalog() throws {
        let (session, root) = try ProjectionLake.session()
        defer { removeTree(root) }
        _ = try session.execute("""
            CREATE EXTERNAL TABLE plain (id int, name string) PARTITIONED BY (year int) LOCATION '\(root)/lake/ints'
            TBLPROPERTIES ('projection.enabled'='false', 'projection.year.type'='integer', 'projection.year.range'='2018,2022')
            """)
        #expect(try ProjectionLake.partitions(session, "SELECT id FROM plain") == "0/0")
        _ = try session.execute("MSCK REPAIR TABLE plain")
        #expect(try ProjectionLake.partitions(session, "SELECT id FROM plain") == "2/2")
    }

    @Test func datePatternsFormatParseAndStep() throws {
        let tokens = try DateProjection.tokenize("yyyy/MM/dd'T'HH", property: "p")
        guard let t = DateProjection.parse("2024/02/29T13", tokens) else { Issue.record("no parse"); return }
        #expect(DateProjection.parse("2023/02/29T13", tokens) == nil)
        #expect(DateProjection.parse("2024/02/29T1", tokens) == nil)
        let props = ["format": "yyyy-MM", "range": "2023-11,2024-02"]
        let months = try DateProjection(column: "m", property: { props[$0] }, now: 0)
        #expect(months.unit == .months)
        #expect(months.values(limit: 10) == ["2023-11", "2023-12", "2024-01", "2024-02"])
        // Jan 31 plus one month clamps to Feb 29 in a leap year.
        let jan31 = try #require(DateProjection.parse("2024-01-31", DateProjection.tokenize("yyyy-MM-dd", property: "p")))
        #expect(months.format(DateProjection.addMonths(jan31, 1)) == "2024-02")
        #expect(try DateProjection.relative("NOW-1DAY", now: t) == t - 86_400)
        #expect(try DateProjection.relative("now+2years", now: t).map { DateProjection.parse("2026/02/28T13", tokens) == $0 } == true)
        #expect(try DateProjection.relative("2024-01-01", now: t) == nil)
    }
}
