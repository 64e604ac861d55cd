import PintailCore
import PintailExecution
import PintailPlanner

extension Session {
    /// EXPLAIN ANALYZE: runs the optimized plan and returns its text with rows, time and, per scan, files, row
    /// groups read and skipped and bytes read (see `ExplainAnalyze`). The bytes also count as the statement's
    /// data scanned.
    func explainAnalyze(_ plan: LogicalPlan) throws -> StatementResult {
        let (lines, statistics) = try ExplainAnalyze.run(plan, workers: engine.options.threads)
        var result = StatementResult(columns: [ResultColumn(name: "Query Plan", type: .string)],
                                     batches: [rowsBatch(lines.map { [Value.string($0)] }, types: [.string])])
        result.statistics.bytesScanned = statistics.bytesScanned
        return result
    }
}
