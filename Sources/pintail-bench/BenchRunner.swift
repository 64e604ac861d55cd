/// One engine's figures for one query.
struct EngineSummary: Sendable {
    var status: EngineRun.Status
    var error: String?
    /// Seconds of each timed run (the warm-up excluded).
    var times: [Double]
    var rows: Int?
    /// Highest per-query peak resident memory over the runs, KiB.
    var peakKB: Int
    /// The warm-up's result, the one compared.
    var result: ResultSet?

    var median: Double? {
        guard status == .ok, !times.isEmpty else { return nil }
        let sorted = times.sorted()
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }
}

/// Everything measured for one query.
struct QueryReport: Sendable {
    var query: BenchQuery
    var engines: [EngineName: EngineSummary]
    /// Pintail's answer against each peer's; absent where either did not answer.
    var agreement: [EngineName: ResultComparison.Outcome]
    /// DuckDB against DataFusion, which tells a Pintail disagreement from a peer quirk.
    var peersAgree: ResultComparison.Outcome?

    /// Pintail's median over the fastest peer's median.
    var ratio: Double? {
        guard let mine = engines[.pintail]?.median else { return nil }
        guard let best = EngineName.peers.compactMap({ engines[$0]?.median }).min(), best > 0 else { return nil }
        return mine / best
    }
}

/// Runs the suite: per query a warm-up on every engine (its result is the one compared), then `runs` timed rounds in
/// which the engines take turns, so that a noisy neighbour on the machine hurts them all alike.
struct BenchRunner {
    var engines: [any QueryEngine]
    var runs: Int

    func run(_ queries: [BenchQuery], progress: (QueryReport) -> Void) -> [QueryReport] {
        var reports: [QueryReport] = []
        for query in queries {
            var summaries: [EngineName: EngineSummary] = [:]
            for engine in engines {
                let warm = engine.run(query)
                summaries[engine.name] = EngineSummary(status: warm.status, error: warm.error, times: [],
                                                       rows: warm.result?.rowCount, peakKB: warm.peakKB,
                                                       result: warm.result)
            }
            for _ in 0..<runs {
                for engine in engines where summaries[engine.name]?.status == .ok {
                    let timed = engine.run(query)
                    guard var s = summaries[engine.name] else { continue }
                    if timed.status == .ok {
                        s.times.append(timed.seconds)
                        s.peakKB = max(s.peakKB, timed.peakKB)
                    } else {
                        s.status = timed.status
                        s.error = timed.error
                    }
                    summaries[engine.name] = s
                }
            }
            let report = Self.compare(query, summaries)
            progress(report)
            reports.append(report)
        }
        return reports
    }

    static func compare(_ query: BenchQuery, _ summaries: [EngineName: EngineSummary]) -> QueryReport {
        func outcome(_ a: EngineName, _ b: EngineName) -> ResultComparison.Outcome? {
            guard let x = summaries[a]?.result, let y = summaries[b]?.result else { return nil }
            return ResultComparison.compare(x, y, ordered: query.ordered, tolerance: query.tolerance)
        }
        var agreement: [EngineName: ResultComparison.Outcome] = [:]
        for peer in EngineName.peers { agreement[peer] = outcome(.pintail, peer) }
        return QueryReport(query: query, engines: summaries, agreement: agreement,
                           peersAgree: outcome(.duckdb, .datafusion))
    }
}
