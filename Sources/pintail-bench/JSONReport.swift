import Foundation

/// The report as JSON: the machine, the options, and per query every engine's runs, medians, memory and errors,
/// the Pintail/fastest-peer ratio and the agreement of the results.
enum JSONReport {
    static func document(_ reports: [QueryReport], options: BenchOptions, lake: String, engines: [any QueryEngine])
        -> [String: Any]
    {
        var versions: [String: Any] = [:]
        var peaks: [String: Any] = [:]
        for e in engines {
            versions[e.name.rawValue] = e.version
            peaks[e.name.rawValue] = e.lifetimePeakKB()
        }
        return [
            "machine": MachineInfo.current().dictionary,
            "rows": options.rows, "runs": options.runs, "seed": Int(options.seed), "lake": lake,
            "engine_versions": versions,
            "lifetime_peak_rss_kb": peaks,
            "queries": reports.map(query),
        ]
    }

    static func query(_ r: QueryReport) -> [String: Any] {
        var engines: [String: Any] = [:]
        for (name, s) in r.engines {
            var e: [String: Any] = ["status": s.status.rawValue, "times_s": s.times, "peak_rss_kb": s.peakKB]
            if let m = s.median { e["median_s"] = m }
            if let rows = s.rows { e["rows"] = rows }
            if let error = s.error { e["error"] = error }
            engines[name.rawValue] = e
        }
        var agreement: [String: Any] = [:]
        for (peer, outcome) in r.agreement { agreement[peer.rawValue] = outcome.label }
        var out: [String: Any] = [
            "name": r.query.name, "layout": r.query.layout.rawValue, "summary": r.query.summary,
            "sql": r.query.sql, "ordered": r.query.ordered, "engines": engines, "pintail_vs": agreement,
        ]
        if let ratio = r.ratio { out["ratio_pintail_to_fastest_peer"] = ratio }
        if let peers = r.peersAgree { out["duckdb_vs_datafusion"] = peers.label }
        return out
    }

    static func write(_ document: [String: Any], to path: String) throws {
        let data = try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys])
        guard FileManager.default.createFile(atPath: path, contents: data + Data("\n".utf8)) else {
            throw BenchError("cannot write \(path)")
        }
    }
}

/// The machine the numbers come from.
struct MachineInfo {
    var cores: Int
    var model: String
    var kernel: String

    static func current() -> MachineInfo {
        var model = "unknown"
        if let cpuinfo = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
           let line = cpuinfo.split(separator: "\n").first(where: { $0.hasPrefix("model name") }),
           let colon = line.firstIndex(of: ":") {
            model = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var name = utsname()
        uname(&name)
        let release = withUnsafeBytes(of: name.release) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        return MachineInfo(cores: Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))), model: model, kernel: release)
    }

    var dictionary: [String: Any] { ["cores": cores, "cpu_model": model, "kernel": kernel] }
    var line: String { "\(cores) cores, \(model), Linux \(kernel)" }
}
