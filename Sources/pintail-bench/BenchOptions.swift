/// Command-line options of pintail-bench.
struct BenchOptions: Sendable {
    var rows = 1_000_000
    var runs = 3
    var seed: UInt64 = 42
    /// The lake folder; nil means `.build/bench-data/reviews-<rows>`.
    var data: String?
    var jsonPath: String?
    var only: [String] = []
    var engines: [EngineName] = EngineName.allCases
    /// Pintail's worker threads; nil means one per core.
    var threads: Int?
    /// `reviews` (the book's queries) or `partitions` (issue 4.8's 1,000-partition lake).
    var suite = "reviews"
    var partitions = 1000
    var rowsPerPartition = 5000
    /// TPC-H scale factor of `--suite tpch`.
    var scaleFactor = 1.0

    var lakeFolder: String {
        if let data { return data }
        if suite == "tpch" { return ".build/bench-data/tpch-sf\(scaleFactor)" }
        return suite == "partitions" ? ".build/bench-data/partitions-\(partitions)x\(rowsPerPartition)"
            : ".build/bench-data/reviews-\(rows)"
    }

    static let usage = """
        usage: pintail-bench [--rows N] [--runs K] [--seed S] [--data DIR] [--json out.json] [--only name,...]
                             [--engines pintail,duckdb,datafusion] [--threads N] [--list]
                             [--suite reviews|partitions|decode|tpch] [--partitions P] [--rows-per-partition R]
                             [--scale-factor F]
               pintail-bench compare EXPECTED.json ACTUAL.json [--ordered] [--tolerance T]
        Runs the query suite on Pintail and, through Scripts/bench/peer_driver.py in <repo>/.venv, on DuckDB and
        DataFusion, over a generated reviews lake of N rows (default 1000000) in DIR (default
        .build/bench-data/reviews-N, made with pintail-datagen when missing). Warm-up plus K runs (default 3) per
        engine, interleaved. --only takes query names or prefixes ending in '*' (tsv_*); --list prints the names.
        --suite partitions times one aggregate over a Hive-partitioned Parquet lake of P (default 1000) partitions
        of R (default 5000) rows (.build/bench-data/partitions-PxR) in full, on one partition, on 10, and under
        data-column filters, with Pintail's bytes scanned per query.
        --suite tpch runs the 22 TPC-H queries (Scripts/bench/tpch) on TPC-H data of scale factor F (default 1),
        made as Parquet with DuckDB's tpch extension in .build/bench-data/tpch-sfF, and checks every answer.
        `compare` checks two result files ({"columns": [...], "rows": n, "data": [[...]]}) as the benchmark does.
        """

    struct UsageError: Error, CustomStringConvertible { var description: String }

    enum Command: Sendable {
        case run(BenchOptions)
        case list
        case compare(expected: String, actual: String, ordered: Bool, tolerance: Double)
    }

    static func parse(_ arguments: [String]) throws -> Command {
        if arguments.first == "compare" { return try parseCompare(Array(arguments.dropFirst())) }
        var options = BenchOptions()
        var i = 0
        func value() throws -> String {
            i += 1
            guard i < arguments.count else { throw UsageError(description: "\(arguments[i - 1]) needs a value") }
            return arguments[i]
        }
        func number(_ flag: String, _ range: ClosedRange<Int>) throws -> Int {
            let text = try value()
            guard let n = Int(text.filter { $0 != "_" && $0 != "," }), range.contains(n) else {
                throw UsageError(description: "\(flag) must be an integer in \(range.lowerBound)...\(range.upperBound)")
            }
            return n
        }
        while i < arguments.count {
            let flag = arguments[i]
            switch flag {
            case "--rows": options.rows = try number(flag, 1...1_000_000_000)
            case "--runs": options.runs = try number(flag, 0...1000)  // 0: the warm-up only (checks answers)
            case "--seed": options.seed = UInt64(try number(flag, 0...Int.max))
            case "--threads": options.threads = try number(flag, 1...1024)
            case "--suite":
                options.suite = try value()
                guard ["reviews", "partitions", "decode", "tpch"].contains(options.suite) else {
                    throw UsageError(description: "--suite is reviews, partitions or decode (or tpch)")
                }
            case "--scale-factor":
                let text = try value()
                guard let f = Double(text), f > 0, f <= 1000 else {
                    throw UsageError(description: "--scale-factor must be a number in (0, 1000]")
                }
                options.scaleFactor = f
            case "--partitions": options.partitions = try number(flag, 1...100_000)
            case "--rows-per-partition": options.rowsPerPartition = try number(flag, 1...10_000_000)
            case "--data": options.data = try value()
            case "--json": options.jsonPath = try value()
            case "--only": options.only = list(try value())
            case "--engines":
                var engines: [EngineName] = []
                for name in list(try value()) {
                    guard let e = EngineName(rawValue: name.lowercased()) else {
                        throw UsageError(description: "unknown engine '\(name)' (pintail, duckdb, datafusion)")
                    }
                    engines.append(e)
                }
                options.engines = engines
            case "--list": return .list
            case "-h", "--help": throw UsageError(description: usage)
            default: throw UsageError(description: "unknown option '\(flag)'\n\(usage)")
            }
            i += 1
        }
        let known = Set(QuerySuite.all.map(\.name) + PartitionSuite.names + TPCHSuite.names)
        for name in options.only where !name.hasSuffix("*") && !known.contains(name) {
            throw UsageError(description: "unknown query '\(name)' (see --list)")
        }
        return .run(options)
    }

    private static func parseCompare(_ arguments: [String]) throws -> Command {
        var files: [String] = []
        var ordered = false
        var tolerance = ResultComparison.defaultTolerance
        var i = 0
        while i < arguments.count {
            switch arguments[i] {
            case "--ordered": ordered = true
            case "--tolerance":
                i += 1
                guard i < arguments.count, let t = Double(arguments[i]), t >= 0 else {
                    throw UsageError(description: "--tolerance needs a non-negative number")
                }
                tolerance = t
            default: files.append(arguments[i])
            }
            i += 1
        }
        guard files.count == 2 else { throw UsageError(description: "compare needs two files\n\(usage)") }
        return .compare(expected: files[0], actual: files[1], ordered: ordered, tolerance: tolerance)
    }

    private static func list(_ text: String) -> [String] {
        text.split(separator: ",").map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
    }
}

extension String {
    func trimmingSpaces() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
