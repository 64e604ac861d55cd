import PintailEngine
import Testing

/// Athena partition projection over the TSV lake of `ProjectionLake`: partitions come from TBLPROPERTIES, the
/// catalog holds none, and pruning works on the projected list.
@Suite struct PartitionProjectionTests {
    @Test func integerProjectionReadsExistingFoldersAndPrunes() throws {
        let (session, root) = try ProjectionLake.session()
        defer { removeTree(root) }
        #expect(try ProjectionLake.rows(session, "SELECT id, name, year FROM ints ORDER BY id") == ["1\tx\t2020", "2\ty\t2020", "3\tz\t2022"])
        #expect(try ProjectionLake.partitions(session, "SELECT id FROM ints") == "5/5")
        #expect(try ProjectionLake.partitions(session, "SELECT id FROM ints WHERE year = 2022") == "1/5")
        #expect(try ProjectionLake.partitions(session, "SELECT id FROM ints WHERE year BETWEEN 2019 AND 2020") == "2/5")
        #expect(try ProjectionLake.rows(session, "SELECT count(*) FROM ints WHERE year >= 2021") == ["1"])
        // Nothing was registered in the catalog.
        #expect(try ProjectionLake.rows(session, "SHOW PARTITIONS ints") == [])
    }

    @Test func integerIntervalAndDigits() throws {
        let (session, root) = try ProjectionLake.session()
        defer { removeTree(root) }
        #expect(try ProjectionLake.rows(session, "SELECT hour, sum(v) FROM hours GROUP BY hour ORDER BY hour") == ["05\t10", "10\t41"])
        #expect(try ProjectionLake.partitions(session, "SELECT v FROM hours WHERE hour IN ('00', '10', '11')") == "2/5")
    }

    @Test func dateProjectionWithDefaultLayout() throws {
        let (session, root) = try ProjectionLake.session()
        defer { removeTree(root) }
        #expect(try ProjectionLake.rows(session, "SELECT dt, count(*) FROM days GROUP BY dt ORDER BY dt") == ["2024-01-30\t1", "2024-02-01\t2"])
        #expect(try ProjectionLake.partitions(session, "SELECT v FROM days") == "6/6")
        #expect(try ProjectionLake.partitions(session, "SELECT v FROM days WHERE dt >= '2024-02-01'") == "2/6")
        #expect(try ProjectionLake.rows(session, "SELECT sum(v) FROM days WHERE CAST(dt AS date) > DATE '2024-01-30'") == ["5"])
    }

    @Test func dateProjectionWithSlashFormatAndTemplate() throws {
        let (session, root) = try ProjectionLake.session()
        defer { removeTree(root) }
        #expect(try ProjectionLake.rows(session, "SELECT day, v FROM daily ORDER BY day") == ["2024/01/31\t31", "2024/02/29\t29"])
        #expect(try ProjectionLake.partitions(session, "SELECT v FROM daily") == "366/366")
        #expect(try ProjectionLake.partitions(session, "SELECT v FROM daily WHERE day = '2024/02/29'") == "1/366")
        #expect(try ProjectionLake.rows(session, "SELECT v FROM daily WHERE substr(day, 1, 7) = '2024/02'") == ["29"])
    }

    @Test func enumProjection() throws {
        let (session, root) = try ProjectionLake.session()
        defer { removeTree(root) }
        #expect(try ProjectionLake.rows(session, "SELECT region, name FROM regions ORDER BY name") == ["eu\te1", "us\tu1", "us\tu2"])
        #expect(try ProjectionLake.partitions(session, "SELECT name FROM regions WHERE region <> 'us'") == "2/3")
        #expect(try ProjectionLake.rows(session, "SELECT count(*) FROM regions WHERE region = 'ap'") == ["0"])
    }

    @Test func injectedValuesComeFromTheQuery() throws {
        let (session, root) = try ProjectionLake.session()
        defer { removeTree(root) }
        #expect(try ProjectionLake.rows(session, "SELECT device, reading FROM readings WHERE device = 'a1'") == ["a1\t1.5"])
        #expect(try ProjectionLake.rows(session, "SELECT sum(reading) FROM readings WHERE device IN ('b2', 'a1', 'zz')") == ["7.5"])
        #expect(try ProjectionLake.partitions(session, "SELECT reading FROM readings WHERE device IN ('b2', 'a1', 'zz')") == "3/3")
        #expect(try ProjectionLake.partitions(session, "SELECT reading FROM readings WHERE device IN ('b2', 'a1') AND device = 'b2'") == "1/1")
        #expect(try ProjectionLake.rows(session, "SELECT count(*) FROM readings WHERE device = 'nobody'") == ["0"])
        let missing = ProjectionLake.error(session, "SELECT count(*) FROM readings")
        #expect(missing.contains("injected partition column 'device'"), "\(missing)")
        let notEquality = ProjectionLake.error(session, "SELECT count(*) FROM readings WHERE device LIKE 'a%'")
        #expect(notEquality.contains("injected partition column 'device'"), "\(notEquality)")
    }

    @Test func relativeDateRangesUseNow() throws {
        let (session, root) = try ProjectionLake.session()
        defer { removeTree(root) }
        _ = try session.execute("""
            CREATE EXTERNAL TABLE recent (v int) PARTITIONED BY (y string) LOCATION '\(root)/recent'
            TBLPROPERTIES ('projection.enabled'='true', 'projection.y.type'='date', 'projection.y.format'='yyyy',
                           'projection.y.range'='NOW-2YEARS,NOW')
            """)
        #expect(try ProjectionLake.partitions(session, "SELECT v FROM recent") == "3/3")
        #expect(try ProjectionLake.rows(session, "SELECT count(*) FROM recent") == ["0"])
    }
}
