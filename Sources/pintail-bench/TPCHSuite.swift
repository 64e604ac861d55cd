import Foundation

/// The 22 TPC-H queries (Trino dialect, Scripts/bench/tpch/qNN.sql, the specification's validation parameters) and
/// the DDL that registers the 8 tables' Parquet files in Pintail's catalog. Every engine runs the same text.
enum TPCHSuite {
    static let tables: [(name: String, columns: String)] = [
        ("nation", "n_nationkey bigint, n_name string, n_regionkey bigint, n_comment string"),
        ("region", "r_regionkey bigint, r_name string, r_comment string"),
        ("part", "p_partkey bigint, p_name string, p_mfgr string, p_brand string, p_type string, p_size int, "
            + "p_container string, p_retailprice decimal(15,2), p_comment string"),
        ("supplier", "s_suppkey bigint, s_name string, s_address string, s_nationkey bigint, s_phone string, "
            + "s_acctbal decimal(15,2), s_comment string"),
        ("partsupp", "ps_partkey bigint, ps_suppkey bigint, ps_availqty bigint, ps_supplycost decimal(15,2), ps_comment string"),
        ("customer", "c_custkey bigint, c_name string, c_address string, c_nationkey bigint, c_phone string, "
            + "c_acctbal decimal(15,2), c_mktsegment string, c_comment string"),
        ("orders", "o_orderkey bigint, o_custkey bigint, o_orderstatus string, o_totalprice decimal(15,2), "
            + "o_orderdate date, o_orderpriority string, o_clerk string, o_shippriority int, o_comment string"),
        ("lineitem", "l_orderkey bigint, l_partkey bigint, l_suppkey bigint, l_linenumber bigint, "
            + "l_quantity decimal(15,2), l_extendedprice decimal(15,2), l_discount decimal(15,2), l_tax decimal(15,2), "
            + "l_returnflag string, l_linestatus string, l_shipdate date, l_commitdate date, l_receiptdate date, "
            + "l_shipinstruct string, l_shipmode string, l_comment string"),
    ]

    static var names: [String] { (1...22).map(name) }

    static func name(_ n: Int) -> String { n < 10 ? "tpch_q0\(n)" : "tpch_q\(n)" }

    /// CREATE EXTERNAL TABLE ... STORED AS PARQUET for each table under `folder`.
    static func registration(_ folder: String) -> String {
        tables.map { "CREATE EXTERNAL TABLE \($0.name) (\($0.columns)) STORED AS PARQUET LOCATION '\(folder)/\($0.name)';" }
            .joined(separator: "\n")
    }

    /// Pintail computes division of decimals as Trino does (a decimal result, rounded to its scale); the peers
    /// return doubles. The tolerance covers that rounding (scale 6 and 2 of values above 10) and nothing more.
    /// Where rounding moves values further (Q1's avg, Q8's share), qNN.peers.sql rounds the peers' doubles alike.
    static let decimalRounding: [Int: Double] = [14: 1e-6, 17: 1e-6]

    /// The queries read from `<repository>/Scripts/bench/tpch`.
    static func queries(repository: String) throws -> [BenchQuery] {
        try (1...22).map { n in
            let base = repository + "/Scripts/bench/tpch/" + (n < 10 ? "q0\(n)" : "q\(n)")
            let sql = try String(contentsOfFile: base + ".sql", encoding: .utf8)
            let peers = try? String(contentsOfFile: base + ".peers.sql", encoding: .utf8)
            // Rows are compared as sets: ORDER BY keys of TPC-H may tie.
            return BenchQuery(name: name(n), layout: .parquet, summary: "TPC-H Q\(n)", sql: sql, duckdb: peers,
                              datafusion: peers, ordered: false,
                              tolerance: decimalRounding[n] ?? ResultComparison.defaultTolerance)
        }
    }
}
