import Foundation
import PintailCore
import PintailEngine
import PintailParquet

/// A generated partitioned Parquet lake for the pruning tests: `events`, partitioned by `day` (300 partitions, one
/// file each), 4 row groups of 50 rows per file, with values sorted or clustered so statistics separate groups.
///
/// Per row (day, group g, row r in group, i = g * 50 + r): id = day * 1000 + i; name = "n" + id zero-padded to 9;
/// score = g * 100 + r + 0.5, but NaN for day % 50 == 7, g == 1, r == 0; flag = i % 3, NULL in every row of group 2;
/// amount (decimal(10,2)) = id * 7 cents; ts = 2020-01-01 + id seconds; d = 2019-04-14 + day days (constant per
/// file). The table also declares `ghost varchar`, which no file has (reads as NULL).
enum PruningLake {
    static let days = 300
    static let groups = 4
    static let rowsPerGroup = 50
    static let version = 1

    /// The lake folder, generated once and reused (written to a temporary name, then renamed into place).
    static let folder: Result<String, Error> = Result { try generate() }

    static let tableDDL = """
        CREATE EXTERNAL TABLE events (id bigint, name varchar, score double, flag integer, amount decimal(10,2),
            ts timestamp, d date, ghost varchar)
        PARTITIONED BY (day int)
        STORED AS PARQUET
        LOCATION '__LAKE__';
        MSCK REPAIR TABLE events
        """

    static let columns: [ParquetColumn] = [
        ParquetColumn(name: "id", type: .bigint), ParquetColumn(name: "name", type: .string),
        ParquetColumn(name: "score", type: .double), ParquetColumn(name: "flag", type: .integer),
        ParquetColumn(name: "amount", type: .decimal(precision: 10, scale: 2)),
        ParquetColumn(name: "ts", type: .timestamp(precision: 6)), ParquetColumn(name: "d", type: .date),
    ]

    private static func generate() throws -> String {
        let final = "/tmp/pintail-test-rowgroup-lake-v\(version)"
        if FileManager.default.fileExists(atPath: final + "/_COMPLETE") { return final }
        let staging = final + "-\(getpid())-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        for day in 0..<days {
            let dir = staging + "/day=\(day)"
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            let options = ParquetWriteOptions(codec: .uncompressed, rowGroupRows: rowsPerGroup)
            let writer = try ParquetWriter(path: dir + "/part-0.parquet", columns: columns, options: options)
            try writer.write(batch(day: day))
            try writer.close()
        }
        FileManager.default.createFile(atPath: staging + "/_COMPLETE", contents: Data())
        if rename(staging, final) != 0 { _ = try? FileManager.default.removeItem(atPath: staging) }
        return final
    }

    private static func batch(day: Int) -> Batch {
        var builders = columns.map { VectorBuilder(type: $0.type, capacity: groups * rowsPerGroup) }
        for g in 0..<groups {
            for r in 0..<rowsPerGroup {
                let i = g * rowsPerGroup + r
                let id = Int64(day * 1000 + i)
                let name = "n" + String(repeating: "0", count: 9 - String(id).count) + String(id)
                let score = day % 50 == 7 && g == 1 && r == 0 ? Double.nan : Double(g * 100 + r) + 0.5
                builders[0].append(.int(id))
                builders[1].append(.string(name))
                builders[2].append(.double(score))
                builders[3].append(g == 2 ? .null : .int(Int64(i % 3)))
                builders[4].append(.decimal(Int128(id) * 7))
                builders[5].append(.int(1_577_836_800_000_000 + id * 1_000_000))
                builders[6].append(.int(Int64(18_000 + day)))
            }
        }
        return Batch(columns: builders.map { $0.finish() }, count: groups * rowsPerGroup)
    }

    /// A session over a fresh catalog with `events` registered.
    static func session(threads: Int? = nil) throws -> (Session, String) {
        let lake = try folder.get()
        let home = makeTemporaryFolder()
        let engine = try Engine(options: EngineOptions(home: home, threads: threads))
        let session = engine.makeSession()
        _ = try session.execute(tableDDL.replacing("__LAKE__", with: lake))
        return (session, home)
    }

    /// Every row of the last statement's result as text, one tab-separated line per row.
    static func rows(_ session: Session, _ sql: String) throws -> [String] {
        guard let result = try session.execute(sql).last else { return [] }
        return result.rows().map { row in
            zip(row, result.columns).map { ValueText.text($0, type: $1.type) }.joined(separator: "\t")
        }
    }

    /// EXPLAIN ANALYZE lines with times masked (`time=*`).
    static func explainAnalyze(_ session: Session, _ sql: String) throws -> [String] {
        try rows(session, "EXPLAIN ANALYZE " + sql).map(maskTimes)
    }

    static func maskTimes(_ line: String) -> String {
        var out = ""
        var rest = Substring(line)
        while let r = rest.range(of: "time=") {
            out += rest[..<r.upperBound] + "*"
            rest = rest[r.upperBound...].drop { $0.isNumber || $0 == "." }
            if rest.hasPrefix("ms") { rest = rest.dropFirst(2) }
        }
        return out + rest
    }

    /// The value of `name=` in a line of figures (`files=3`), or nil.
    static func figure(_ name: String, in line: String) -> Int? {
        guard let r = line.range(of: " \(name)=") else { return nil }
        return Int(line[r.upperBound...].prefix { $0.isNumber })
    }
}
