import PintailCore
import PintailPlanner

/// Turns an optimized logical plan into a tree of operators, compiling every expression once.
public enum PhysicalPlanner {
    static func build(_ plan: LogicalPlan, statistics: ExecutionStatistics, workers: Int) throws -> Operator {
        statistics.profiled(try buildOperator(plan, statistics: statistics, workers: workers), plan)
    }

    private static func buildOperator(_ plan: LogicalPlan, statistics: ExecutionStatistics, workers: Int) throws -> Operator {
        func build(_ plan: LogicalPlan, statistics: ExecutionStatistics) throws -> Operator {
            try PhysicalPlanner.build(plan, statistics: statistics, workers: workers)
        }
        // Filters, projections and join probes over a scan run as one pipeline per worker, sharing the morsels.
        if workers > 1, let scan = pipelineScan(plan) {
            let copies = try pipelineCopies(plan, scan: scan, statistics: statistics, workers: workers)
            return copies.count > 1 ? ExchangeOperator(pipelines: copies) : copies[0]
        }
        switch plan {
        case .scan(let scan):
            return try TableScanOperator(scan: scan, queue: try ScanMorselQueue.plan(scan, statistics: statistics), statistics: statistics)
        case .values(let rows, let fields):
            return try ValuesOperator(rows: rows, fields: fields)
        case .filter(let input, let predicate):
            return FilterOperator(input: try build(input, statistics: statistics), predicate: try ExpressionCompiler.compile(predicate),
                                  reads: predicate)
        case .project(let input, let expressions, _):
            return ProjectOperator(input: try build(input, statistics: statistics), expressions: try expressions.map(ExpressionCompiler.compile))
        case .aggregate(let input, let keys, let aggregates, _):
            // Over a pipeline, every worker aggregates its own morsels and the partial results merge at the end.
            if workers > 1, HashAggregateOperator.isMergeable(aggregates), let scan = pipelineScan(input) {
                let partials = try pipelineCopies(input, scan: scan, statistics: statistics, workers: workers).map {
                    try HashAggregateOperator(input: $0, keys: keys, aggregates: aggregates)
                }
                return partials.count > 1 ? ParallelAggregateOperator(partials: partials) : partials[0]
            }
            return try HashAggregateOperator(input: try build(input, statistics: statistics), keys: keys, aggregates: aggregates)
        case .sort(let input, let keys):
            return try SortOperator(input: try build(input, statistics: statistics), keys: keys)
        case .limit(.sort(let input, let keys), let offset, let count):
            // Top-N: the sort keeps only the rows the limit can return, and tells a Parquet scan below its cut-off.
            let limit = count.map { $0 + offset }
            let (below, scanFilter) = try topNInput(input, keys: keys, limit: limit, statistics: statistics,
                                                    workers: workers)
            let sort = try SortOperator(input: below, keys: keys, limit: limit, scanFilter: scanFilter)
            return LimitOperator(input: statistics.profiled(sort, .sort(input, keys: keys)), offset: offset, count: count)
        case .limit(let input, let offset, let count):
            return LimitOperator(input: try build(input, statistics: statistics), offset: offset, count: count)
        case .unionAll(let inputs, _):
            return UnionAllOperator(inputs: try inputs.map { try build($0, statistics: statistics) })
        case .join(let left, let right, let condition):
            return try joinOperator(left, right, condition, statistics: statistics, workers: workers)
        case .window(let input, let functions):
            return try WindowOperator(input: try build(input, statistics: statistics), functions: functions)
        case .shared(let subplan):
            // Weak: the statistics hold the shared results.
            let result = statistics.sharedResults.result(for: subplan) {
                SharedResult { [weak statistics] in
                    guard let statistics else { throw ExecutionError("the statement has ended") }
                    return try PhysicalPlanner.run(subplan.plan, statistics: statistics, workers: workers)
                }
            }
            return SharedResultOperator(result)
        }
    }

    /// Runs `plan`, handing each batch to `consume` as it is produced (CTAS streams into its writer this way).
    public static func stream(_ plan: LogicalPlan, statistics: ExecutionStatistics, workers: Int,
                              consume: (Batch) throws -> Void) throws {
        let root = try build(plan, statistics: statistics, workers: workers)
        while let b = try root.next() {
            try StatementControl.checkCancelled()
            if b.count > 0 { try consume(b) }
        }
    }

    /// Runs `plan` to completion and returns its batches.
    public static func run(_ plan: LogicalPlan, statistics: ExecutionStatistics, workers: Int) throws -> [Batch] {
        let root = try build(plan, statistics: statistics, workers: workers)
        var out: [Batch] = []
        while let b = try root.next() {
            try StatementControl.checkCancelled()
            if b.count > 0 { out.append(b) }
        }
        return out
    }
}
