import PintailCore
import PintailPlanner

/// EXPLAIN ANALYZE: runs the plan, dropping its rows, and prints the plan with what each node did. Every line is
/// the EXPLAIN line, then ` | ` and figures: `rows=` and `time=` for nodes that ran as operators of their own,
/// and for scans `files=`, `row_groups_read=`, `row_groups_skipped=`, then `pages_read=` and `pages_skipped=` when a
/// page index was consulted, and `bytes_read=`. Only `time=...ms` varies between runs of the same query over the
/// same files.
public enum ExplainAnalyze {
    public static func run(_ plan: LogicalPlan, workers: Int) throws -> (lines: [String], statistics: ExecutionStatistics) {
        let statistics = ExecutionStatistics()
        let profile = OperatorProfile()
        statistics.profile = profile
        try PhysicalPlanner.stream(plan, statistics: statistics, workers: workers) { _ in }
        return (annotate(plan, profile: profile, scans: statistics.scanCounters), statistics)
    }

    static func annotate(_ plan: LogicalPlan, profile: OperatorProfile, scans: [ScanCounters]) -> [String] {
        let lines = PlanPrinter.text(plan).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var nodes: [LogicalPlan] = []
        preorder(plan, into: &nodes)
        guard lines.count == nodes.count else { return lines }  // a printer change; show the plain plan
        var unclaimed = scans
        return zip(lines, nodes).map { line, node in
            var figures: [String] = []
            if case .scan(let s) = node {
                // Scans of equal text take counters in planning order, which is EXPLAIN order.
                let key = ScanCounters.key(for: s)
                if let i = unclaimed.firstIndex(where: { $0.key == key }) {
                    let c = unclaimed.remove(at: i)
                    figures += ["files=\(c.filesOpened)", "row_groups_read=\(c.rowGroupsRead)", "row_groups_skipped=\(c.rowGroupsSkipped)"]
                    if c.pageIndexUsed { figures += ["pages_read=\(c.pagesRead)", "pages_skipped=\(c.pagesSkipped)"] }
                    figures.append("bytes_read=\(c.bytesRead)")
                }
            }
            if let f = profile.recorded(for: node) {
                figures.insert("rows=\(f.rows.load(ordering: .relaxed))", at: 0)
                figures.append("time=\(milliseconds(f.nanoseconds.load(ordering: .relaxed)))ms")
            }
            return figures.isEmpty ? line : line + " | " + figures.joined(separator: " ")
        }
    }

    private static func preorder(_ plan: LogicalPlan, into nodes: inout [LogicalPlan]) {
        nodes.append(plan)
        for input in OperatorProfile.inputs(of: plan) { preorder(input, into: &nodes) }
    }

    /// Two decimals, without Foundation.
    static func milliseconds(_ nanoseconds: Int) -> String {
        let hundredths = (nanoseconds + 5_000) / 10_000
        let fraction = hundredths % 100
        return "\(hundredths / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
    }
}
