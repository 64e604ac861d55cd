// pintail-bench: the query suite on Pintail beside DuckDB and DataFusion, on the same files. See Docs/Performance.md.
import Foundation

let command: BenchOptions.Command
do {
    command = try BenchOptions.parse(Array(CommandLine.arguments.dropFirst()))
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(2)
}

switch command {
case .list:
    for q in QuerySuite.all { print("\(q.name)\t\(q.summary)") }
    for name in PartitionSuite.names { print("\(name)\t(--suite partitions)") }
    for name in TPCHSuite.names { print("\(name)\t(--suite tpch)") }
case .compare(let expected, let actual, let ordered, let tolerance):
    exit(CompareCommand.run(expected: expected, actual: actual, ordered: ordered, tolerance: tolerance))
case .run(let options):
    do {
        switch options.suite {
        case "partitions": try PartitionBenchmark.run(options)
        case "decode": try DecodeBenchmark.run(options)
        case "tpch": try TPCHBenchmark.run(options)
        default: try runBenchmark(options)
        }
    } catch {
        log("\(error)")
        exit(1)
    }
}

func runBenchmark(_ options: BenchOptions) throws {
    let environment = try BenchEnvironment()
    let lake = try environment.prepareLake(options)
    var engines: [any QueryEngine] = []
    if options.engines.contains(.pintail) {
        engines.append(try PintailQueryEngine(lake: lake, threads: options.threads))
    }
    let peers = EngineName.peers.filter(options.engines.contains)
    if !peers.isEmpty && environment.preparePython() {
        for peer in peers {
            do {
                engines.append(try PeerQueryEngine(peer, python: environment.python, driver: environment.driver, lake: lake))
            } catch {
                log("\(peer.rawValue) is skipped: \(error)")
            }
        }
    }
    let queries = BenchQuery.select(QuerySuite.all, only: options.only)
    let names = engines.map(\.name)
    log("lake \(lake); \(queries.count) queries; engines \(names.map(\.rawValue).joined(separator: ", ")); "
        + "warm-up + \(options.runs) runs")
    let runner = BenchRunner(engines: engines, runs: options.runs)
    let reports = runner.run(queries) { r in
        let times = names.map { "\($0.rawValue) \(ReportTable.time(r.engines[$0]))" }.joined(separator: ", ")
        log("\(r.query.name): \(times)")
    }
    print("Machine: \(MachineInfo.current().line)")
    print("Lake: \(lake), warm-up + \(options.runs) runs, medians in seconds, peak resident memory per query")
    print("")
    print(ReportTable.render(reports, engines: names), terminator: "")
    print("")
    let peaks = engines.map { "\(ReportTable.label($0.name)) \(ReportTable.fixed(Double($0.lifetimePeakKB()) / 1024, 0)) MiB" }
    print("Peak resident memory over the whole run: " + peaks.joined(separator: ", "))
    if let path = options.jsonPath {
        try JSONReport.write(JSONReport.document(reports, options: options, lake: lake, engines: engines), to: path)
        log("wrote \(path)")
    }
}
