/// The partitions suite (issue 4.8): the same aggregate over the whole lake, over one partition, over a
/// 10-partition range, and under data-column predicates only, so that bytes scanned and times can be set side by side.
enum PartitionSuite {
    static let names = ["part_full_lake", "part_one_partition", "part_ten_partitions", "part_id_range_one_partition",
                        "part_user_filter"]

    /// Every query reads every column, so Pintail's bytes scanned for a file it opens is the whole file.
    static let aggregates = """
        SELECT count(*) AS n, sum(id) AS sum_id, sum(user_id) AS sum_user, sum(amount) AS sum_amount,
            max(kind) AS max_kind FROM events
        """

    /// The partition the one-partition queries pick: the middle one.
    static func chosen(_ lake: PartitionLake) -> Int { lake.partitions / 2 }

    /// How many partitions the range query covers: 10, or fewer in a smaller lake.
    static func rangeWidth(_ lake: PartitionLake) -> Int { min(10, lake.partitions - chosen(lake)) }

    static func queries(_ lake: PartitionLake) -> [BenchQuery] {
        let one = chosen(lake)
        let day = PartitionLake.day(one)
        let last = PartitionLake.day(one + rangeWidth(lake) - 1)
        let firstId = one * lake.rowsPerPartition, lastId = firstId + lake.rowsPerPartition - 1
        func q(_ name: String, _ summary: String, _ filter: String) -> BenchQuery {
            BenchQuery(name: name, layout: .parquet, summary: summary, sql: aggregates + filter, ordered: true)
        }
        return [
            q(names[0], "every partition", ""),
            q(names[1], "one partition: dt = '\(day)'", " WHERE dt = '\(day)'"),
            q(names[2], "\(rangeWidth(lake)) partitions: dt BETWEEN", " WHERE dt BETWEEN '\(day)' AND '\(last)'"),
            q(names[3], "data column only: the ids of partition \(day)", " WHERE id BETWEEN \(firstId) AND \(lastId)"),
            q(names[4], "data column only: user_id < \(PartitionLake.userCount / 100), ~1% of every partition",
              " WHERE user_id < \(PartitionLake.userCount / 100)"),
        ]
    }

    /// Pintail's DDL for the lake: the data columns, `dt` as the partition key, then MSCK REPAIR to find the folders.
    static func registration(_ lake: PartitionLake) -> String {
        let columns = PartitionLake.columns.map { "\($0.0) \($0.1 == .string ? "string" : "\($0.1)")" }
        return """
            CREATE EXTERNAL TABLE \(PartitionLake.table)(\(columns.joined(separator: ", ")))
            PARTITIONED BY (dt string)
            STORED AS PARQUET
            LOCATION '\(lake.folder)';
            MSCK REPAIR TABLE \(PartitionLake.table);
            """
    }
}
