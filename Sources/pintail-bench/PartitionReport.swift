/// The partitions suite's table: times and agreement as in the main report, plus Pintail's bytes scanned, their
/// share of the lake, Pintail's time against its full-lake time, and a check of bytes against the pruned files.
enum PartitionReport {
    static func render(_ reports: [QueryReport], engines: [EngineName], scanned: [String: Int], lakeBytes: Int,
                       expected: [String: Int]) -> String {
        let peers = EngineName.peers.filter(engines.contains)
        let header = ["query", "Pintail s"] + peers.map { ReportTable.label($0) + " s" }
            + ["Pintail/fastest", "agree", "Pintail bytes scanned", "% of lake", "bytes a pruned scan reads",
               "time / full lake (Pintail)"]
        let full = reports.first { $0.query.name == PartitionSuite.names[0] }?.engines[.pintail]?.median
        var lines = [ReportTable.row(header), ReportTable.row(header.map { _ in "---" })]
        for r in reports {
            var cells = [r.query.name, ReportTable.time(r.engines[.pintail])]
            cells += peers.map { ReportTable.time(r.engines[$0]) }
            cells.append(r.ratio.map { ReportTable.fixed($0, 2) } ?? "-")
            cells.append(ReportTable.agreement(r, peers: peers))
            let bytes = scanned[r.query.name]
            cells.append(bytes.map(String.init) ?? "-")
            cells.append(bytes.map { lakeBytes > 0 ? ReportTable.fixed(100 * Double($0) / Double(lakeBytes), 2) + "%" : "-" } ?? "-")
            cells.append(check(bytes, expected[r.query.name]))
            let mine = r.engines[.pintail]?.median
            cells.append(mine.flatMap { m in full.map { $0 > 0 ? ReportTable.fixed(m / $0, 3) : "-" } } ?? "-")
            lines.append(ReportTable.row(cells))
        }
        var notes: [String] = []
        for r in reports {
            for e in engines {
                guard let s = r.engines[e], s.status != .ok, let error = s.error else { continue }
                notes.append("- \(r.query.name), \(ReportTable.label(e)) \(s.status.rawValue): \(ReportTable.oneLine(error))")
            }
            for (peer, outcome) in r.agreement.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                if case .differ(let why) = outcome { notes.append("- \(r.query.name): Pintail vs \(ReportTable.label(peer)) differ: \(why)") }
            }
        }
        return (lines + (notes.isEmpty ? [] : [""] + notes)).joined(separator: "\n") + "\n"
    }

    /// `= N` when the scan read exactly what a pruned scan must (PartitionBenchmark.expectedBytes), `N (+d)` when not.
    static func check(_ bytes: Int?, _ expected: Int?) -> String {
        guard let expected else { return "-" }
        guard let bytes else { return String(expected) }
        return bytes == expected ? "= \(expected)" : "\(expected) (\(bytes > expected ? "+" : "")\(bytes - expected))"
    }
}
