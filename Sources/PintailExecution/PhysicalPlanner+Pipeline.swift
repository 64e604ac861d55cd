import PintailCore
import PintailPlanner

/// Pipelines that run as one copy per worker: filters, projections and hash-join probes over a scan. The copies
/// share the scan's morsel queue and each join's build table (built once, by the first copy to need it, while
/// waiting copies build the pipeline's other tables), so every worker carries its morsels through all the joins,
/// and an aggregate above aggregates them per worker too.
extension PhysicalPlanner {
    /// The scan driving `plan`, if `plan` is such a pipeline. Joins qualify when their probe side is a pipeline;
    /// those that keep or emit build rows by match (right and full joins, semi and anti joins hashing their outer
    /// rows) share a `JoinMatchCollector`, and the last copy to finish emits those rows.
    static func pipelineScan(_ plan: LogicalPlan) -> Scan? {
        switch plan {
        case .scan(let s): return s
        case .filter(let input, _), .project(let input, _, _): return pipelineScan(input)
        case .join(let left, let right, let c):
            return pipelineScan(JoinShape(left, right, c).probe)
        default: return nil
        }
    }

    /// The input of an ORDER BY ... LIMIT `limit`: when its leading key is a column of a scan under filters and
    /// projections only, the pipeline's scans get a `TopNScanFilter` that the sort keeps up to date (not under
    /// EXPLAIN ANALYZE, where each node reports the rows the plan shows).
    static func topNInput(_ input: LogicalPlan, keys: [SortKey], limit: Int?, statistics: ExecutionStatistics,
                          workers: Int) throws -> (Operator, TopNScanFilter?) {
        guard let limit, limit > 0, statistics.profile == nil, let scan = pipelineScan(input),
              let leading = TopNScanFilter.leadingKey(keys, over: input) else {
            return (try build(input, statistics: statistics, workers: workers), nil)
        }
        let filter = try TopNScanFilter(expression: leading)
        let copies = try pipelineCopies(input, scan: scan, statistics: statistics, workers: workers) { scan in
            scan.filterRows(byKeys: filter, reading: [leading])
        }
        let below = copies.count > 1 ? ExchangeOperator(pipelines: copies) : copies[0]
        return (statistics.profiled(below, input), filter)
    }

    /// Copies of `plan`'s pipeline over `scan` (one per worker when its morsels allow, else one). `onScan` sees each
    /// copy's scan operator before the copy is built.
    static func pipelineCopies(_ plan: LogicalPlan, scan: Scan, statistics: ExecutionStatistics, workers: Int,
                               onScan: ((TableScanOperator) -> Void)? = nil) throws -> [Operator] {
        let queue = try ScanMorselQueue.plan(scan, statistics: statistics)
        let makeCopy = try pipelineFactory(plan, statistics: statistics, workers: workers, group: JoinBuildGroup())
        let count = workers > 1 ? max(1, min(workers, queue.count)) : 1
        return try (0..<count).map { _ in
            let scanOperator = try TableScanOperator(scan: scan, queue: queue, statistics: statistics)
            onScan?(scanOperator)
            return try makeCopy(scanOperator)
        }
    }

    /// Builds one copy of the pipeline over a given scan operator. Join build sides are planned here, once, in
    /// the order the one-thread planner plans them (probe side first), so scans are registered in that order.
    /// Nodes below the top are profiled here; the top is profiled by `build`, around the exchange.
    private static func pipelineFactory(_ plan: LogicalPlan, statistics: ExecutionStatistics, workers: Int,
                                        group: JoinBuildGroup) throws -> (Operator) throws -> Operator {
        switch plan {
        case .filter(let input, let predicate):
            let below = try pipelineFactory(input, statistics: statistics, workers: workers, group: group)
            return { scan in
                FilterOperator(input: statistics.profiled(try below(scan), input),
                               predicate: try ExpressionCompiler.compile(predicate), reads: predicate)
            }
        case .project(let input, let expressions, _):
            let below = try pipelineFactory(input, statistics: statistics, workers: workers, group: group)
            return { scan in
                ProjectOperator(input: statistics.profiled(try below(scan), input),
                                expressions: try expressions.map(ExpressionCompiler.compile))
            }
        case .join(let left, let right, let c):
            let shape = JoinShape(left, right, c)
            let below = try pipelineFactory(shape.probe, statistics: statistics, workers: workers, group: group)
            // Not under EXPLAIN ANALYZE: each node's rows are reported as the plan shows them.
            let scanKeys = statistics.profile == nil && RuntimeKeyFilter.enabled ? shape.probeScanKeys : nil
            let shared = try shape.sharedBuild(statistics: statistics, workers: workers, group: group,
                                               keyBitmap: scanKeys != nil)
            let matches = HashJoinOperator.needsMatchCollector(shape.options) ? JoinMatchCollector() : nil
            return { scan in
                try shape.probing(statistics.profiled(try below(scan), shape.probe), shared, matches: matches,
                                  runtimeFilterScan: scanKeys != nil ? scan as? TableScanOperator : nil,
                                  scanKeys: scanKeys ?? [])
            }
        default:
            return { scan in scan }
        }
    }
}
