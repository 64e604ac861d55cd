import Foundation
import PintailCore
import PintailEngine

/// A small TSV lake for the partition projection tests, written into a fresh temporary folder per session, with
/// tables declared over it whose partitions are projected (never registered in the catalog).
enum ProjectionLake {
    /// Files (path under the lake, content) of every table; folders a projection names but that are absent here
    /// simply hold no data.
    static let files: [(String, String)] = [
        ("ints/year=2020/a.tsv", "1\tx\n2\ty\n"),
        ("ints/year=2022/a.tsv", "3\tz\n"),
        ("hours/hour=05/a.tsv", "10\n"),
        ("hours/hour=10/a.tsv", "20\n21\n"),
        ("days/dt=2024-01-30/a.tsv", "1\n"),
        ("days/dt=2024-02-01/a.tsv", "2\n3\n"),
        ("daily/2024/01/31/a.tsv", "31\n"),
        ("daily/2024/02/29/a.tsv", "29\n"),
        ("regions/region=us/a.tsv", "u1\nu2\n"),
        ("regions/region=eu/a.tsv", "e1\n"),
        ("devices/a1/readings/a.tsv", "1.5\n"),
        ("devices/b2/readings/a.tsv", "2.5\n3.5\n"),
    ]

    static func ddl(_ lake: String) -> String {
        """
        CREATE EXTERNAL TABLE ints (id int, name string) PARTITIONED BY (year int)
        ROW FORMAT DELIMITED FIELDS TERMINATED BY '\\t' LOCATION '\(lake)/ints'
        TBLPROPERTIES ('projection.enabled'='true', 'projection.year.type'='integer', 'projection.year.range'='2018,2022');
        CREATE EXTERNAL TABLE hours (v int) PARTITIONED BY (hour string)
        ROW FORMAT DELIMITED FIELDS TERMINATED BY '\\t' LOCATION '\(lake)/hours'
        TBLPROPERTIES ('projection.enabled'='TRUE', 'projection.hour.type'='integer', 'projection.hour.range'='0,20',
                       'projection.hour.interval'='5', 'projection.hour.digits'='2');
        CREATE EXTERNAL TABLE days (v int) PARTITIONED BY (dt string)
        ROW FORMAT DELIMITED FIELDS TERMINATED BY '\\t' LOCATION '\(lake)/days'
        TBLPROPERTIES ('projection.enabled'='true', 'projection.dt.type'='date', 'projection.dt.format'='yyyy-MM-dd',
                       'projection.dt.range'='2024-01-28,2024-02-02');
        CREATE EXTERNAL TABLE daily (v int) PARTITIONED BY (day string)
        ROW FORMAT DELIMITED FIELDS TERMINATED BY '\\t' LOCATION '\(lake)/daily'
        TBLPROPERTIES ('projection.enabled'='true', 'projection.day.type'='date', 'projection.day.format'='yyyy/MM/dd',
                       'projection.day.range'='2024/01/01,2024/12/31', 'projection.day.interval'='1',
                       'projection.day.interval.unit'='DAYS', 'storage.location.template'='\(lake)/daily/${day}/');
        CREATE EXTERNAL TABLE regions (name string) PARTITIONED BY (region string)
        ROW FORMAT DELIMITED FIELDS TERMINATED BY '\\t' LOCATION '\(lake)/regions'
        TBLPROPERTIES ('projection.enabled'='true', 'projection.region.type'='enum', 'projection.region.values'='us,eu,ap');
        CREATE EXTERNAL TABLE readings (reading double) PARTITIONED BY (device string)
        ROW FORMAT DELIMITED FIELDS TERMINATED BY '\\t' LOCATION '\(lake)/devices'
        TBLPROPERTIES ('projection.enabled'='true', 'projection.device.type'='injected',
                       'storage.location.template'='file://\(lake)/devices/${device}/readings')
        """
    }

    /// A session over a fresh catalog with the lake's tables declared; returns the session and the folder to remove.
    static func session() throws -> (Session, String) {
        let root = NSTemporaryDirectory() + "pintail-projection-\(getpid())-\(UUID().uuidString)"
        let lake = root + "/lake"
        for (path, content) in files {
            let full = lake + "/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try content.write(toFile: full, atomically: true, encoding: .utf8)
        }
        let engine = try Engine(options: EngineOptions(home: root + "/home"))
        let session = engine.makeSession()
        _ = try session.execute(ddl(lake))
        return (session, root)
    }

    /// Every row of the last statement's result, one tab-separated line per row.
    static func rows(_ session: Session, _ sql: String) throws -> [String] {
        guard let result = try session.execute(sql).last else { return [] }
        return result.rows().map { row in
            zip(row, result.columns).map { ValueText.text($0, type: $1.type) }.joined(separator: "\t")
        }
    }

    /// The `partitions=s/t` figure of the plan's scan line.
    static func partitions(_ session: Session, _ sql: String) throws -> String {
        let line = try rows(session, "EXPLAIN " + sql).first { $0.contains("Scan ") } ?? ""
        guard let r = line.range(of: "partitions=") else { return "" }
        return String(line[r.upperBound...].prefix { $0 != " " })
    }

    /// The rendered error of a statement that must fail, or "" when it succeeds.
    static func error(_ session: Session, _ sql: String) -> String {
        do { _ = try session.execute(sql); return "" } catch let e as PintailError { return e.rendered } catch { return "\(error)" }
    }
}
