/// The report as a Markdown table (readable on a terminal, pasted as is into Docs/Performance.md), followed by the
/// errors of queries an engine could not run and the reasons of any disagreement.
enum ReportTable {
    static func render(_ reports: [QueryReport], engines: [EngineName]) -> String {
        let peers = EngineName.peers.filter(engines.contains)
        var header = ["query", "Pintail s"] + peers.map { label($0) + " s" }
        header += ["Pintail/fastest", "agree"] + engines.map { label($0) + " MiB" }
        var lines = [row(header), row(header.map { _ in "---" })]
        for r in reports {
            var cells = [r.query.name, time(r.engines[.pintail])]
            cells += peers.map { time(r.engines[$0]) }
            cells.append(r.ratio.map { fixed($0, 2) } ?? "-")
            cells.append(agreement(r, peers: peers))
            cells += engines.map { e in r.engines[e].flatMap { $0.peakKB > 0 ? fixed(Double($0.peakKB) / 1024, 0) : nil } ?? "-" }
            lines.append(row(cells))
        }
        var notes: [String] = []
        for r in reports {
            for e in engines {
                guard let s = r.engines[e], s.status != .ok, let error = s.error else { continue }
                notes.append("- \(r.query.name), \(label(e)) \(s.status.rawValue): \(oneLine(error))")
            }
            for (peer, outcome) in r.agreement.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                if case .differ(let why) = outcome { notes.append("- \(r.query.name): Pintail vs \(label(peer)) differ: \(why)") }
            }
            if case .differ(let why)? = r.peersAgree { notes.append("- \(r.query.name): DuckDB vs DataFusion differ: \(why)") }
        }
        return (lines + (notes.isEmpty ? [] : [""] + notes)).joined(separator: "\n") + "\n"
    }

    static func label(_ e: EngineName) -> String {
        switch e {
        case .pintail: return "Pintail"
        case .duckdb: return "DuckDB"
        case .datafusion: return "DataFusion"
        }
    }

    /// `yes` when Pintail matched every peer that answered, `-` when there is nothing to compare.
    static func agreement(_ r: QueryReport, peers: [EngineName]) -> String {
        let outcomes = peers.compactMap { r.agreement[$0] }
        var text: String
        if outcomes.isEmpty { text = "-" }
        else if let bad = peers.first(where: { r.agreement[$0]?.agrees == false }) { text = "NO (\(label(bad)))" }
        else if outcomes.contains(.sameCount) { text = "count only" }
        else { text = "yes" }
        if r.peersAgree?.agrees == false { text += "; peers differ" }
        return text
    }

    static func time(_ s: EngineSummary?) -> String {
        guard let s else { return "-" }
        switch s.status {
        case .ok: return s.median.map { fixed($0, 3) } ?? "-"
        case .unsupported: return "unsupported"
        case .failed: return "failed"
        }
    }

    static func row(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |" }

    static func oneLine(_ s: String) -> String {
        let first = s.split(separator: "\n").first.map(String.init) ?? s
        return first.count > 200 ? String(first.prefix(200)) + "..." : first
    }

    /// `x` with `digits` decimals, without Foundation's String(format:).
    static func fixed(_ x: Double, _ digits: Int) -> String {
        guard x.isFinite else { return String(x) }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let n = Int((abs(x) * scale).rounded())
        let whole = String(n / Int(scale)), frac = String(n % Int(scale))
        let sign = x < 0 && n != 0 ? "-" : ""
        guard digits > 0 else { return sign + whole }
        return sign + whole + "." + String(repeating: "0", count: digits - frac.count) + frac
    }
}
