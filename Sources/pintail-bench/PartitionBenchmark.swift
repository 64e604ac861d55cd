import Foundation

/// `pintail-bench --suite partitions`: writes (once) and registers the partitioned lake, runs PartitionSuite on
/// every engine with the usual interleaved runs, and adds Pintail's bytes scanned per query, set against the bytes
/// of the partitions each query should read.
enum PartitionBenchmark {
    static func run(_ options: BenchOptions) throws {
        let environment = try BenchEnvironment()
        let folder = URL(fileURLWithPath: options.lakeFolder).standardizedFileURL.path
        let lake = PartitionLake(folder: folder, partitions: options.partitions, rowsPerPartition: options.rowsPerPartition)
        try lake.prepare(seed: options.seed)
        var engines: [any QueryEngine] = []
        var pintail: PintailQueryEngine?
        if options.engines.contains(.pintail) {
            let engine = try PintailQueryEngine(lake: folder, threads: options.threads,
                                                registration: PartitionSuite.registration(lake))
            pintail = engine
            engines.append(engine)
        }
        let peers = EngineName.peers.filter(options.engines.contains)
        if !peers.isEmpty && environment.preparePython() {
            for peer in peers {
                do {
                    engines.append(try PeerQueryEngine(peer, python: environment.python, driver: environment.driver,
                                                       lake: folder, layout: "partitions"))
                } catch {
                    log("\(peer.rawValue) is skipped: \(error)")
                }
            }
        }
        let queries = BenchQuery.select(PartitionSuite.queries(lake), only: options.only)
        let names = engines.map(\.name)
        log("lake \(folder); \(queries.count) queries; engines \(names.map(\.rawValue).joined(separator: ", ")); "
            + "warm-up + \(options.runs) runs")
        let reports = BenchRunner(engines: engines, runs: options.runs).run(queries) { r in
            log("\(r.query.name): " + names.map { "\($0.rawValue) \(ReportTable.time(r.engines[$0]))" }.joined(separator: ", "))
        }
        // One more Pintail run per query for its bytes scanned (the runner keeps only times and results).
        var scanned: [String: Int] = [:]
        if let pintail {
            for q in queries where pintail.run(q).status == .ok { scanned[q.name] = pintail.lastBytesScanned }
        }
        let expected = try expectedBytes(lake)
        print("Machine: \(MachineInfo.current().line)")
        print("Lake: \(folder), \(lake.partitions) partitions x \(lake.rowsPerPartition) rows, "
              + "\(try lake.totalBytes()) bytes of Parquet; warm-up + \(options.runs) runs, medians in seconds")
        print("")
        print(PartitionReport.render(reports, engines: names, scanned: scanned, lakeBytes: try lake.totalBytes(),
                                     expected: expected), terminator: "")
        if let path = options.jsonPath {
            var document = JSONReport.document(reports, options: options, lake: folder, engines: engines)
            document["partitions"] = ["count": lake.partitions, "rows_per_partition": lake.rowsPerPartition,
                                      "lake_bytes": try lake.totalBytes(), "pintail_bytes_scanned": scanned,
                                      "expected_partition_bytes": expected]
            try JSONReport.write(document, to: path)
            log("wrote \(path)")
        }
    }

    /// The bytes a perfectly pruned scan reads: the files of the partitions a query selects; for the id range (a
    /// data column), that partition's file plus the footer of every other file, whose statistics rule it out. The
    /// user filter has no fixed figure: a file whose smallest user_id is too big is skipped, which depends on the data.
    static func expectedBytes(_ lake: PartitionLake) throws -> [String: Int] {
        let one = PartitionSuite.chosen(lake)
        var range = 0
        for p in one..<(one + PartitionSuite.rangeWidth(lake)) { range += try lake.partitionBytes(p) }
        var footers = 0
        for p in 0..<lake.partitions where p != one { footers += try lake.footerReadBytes(p) }
        let names = PartitionSuite.names, total = try lake.totalBytes(), oneFile = try lake.partitionBytes(one)
        return [names[0]: total, names[1]: oneFile, names[2]: range, names[3]: oneFile + footers]
    }
}
