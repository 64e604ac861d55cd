import PintailCore
import PintailPlanner

/// Turns an optimized logical plan into a tree of operators, compiling every expression once.
public enum PhysicalPlanner {
    static func build(_ plan: LogicalPlan, statistics: ExecutionStatistics) throws -> Operator {
        switch plan {
        case .scan(let scan):
            return try TableScanOperator(scan: scan, queue: try ScanMorselQueue.plan(scan, statistics: statistics), statistics: statistics)
        case .values(let rows, let fields):
            return try ValuesOperator(rows: rows, fields: fields)
        case .filter(let input, let predicate):
            return FilterOperator(input: try build(input, statistics: statistics), predicate: try ExpressionCompiler.compile(predicate))
        case .project(let input, let expressions, _):
            return ProjectOperator(input: try build(input, statistics: statistics), expressions: try expressions.map(ExpressionCompiler.compile))
        case .aggregate(let input, let keys, let aggregates, _):
            return try HashAggregateOperator(input: try build(input, statistics: statistics), keys: keys, aggregates: aggregates)
        case .sort(let input, let keys):
            return try SortOperator(input: try build(input, statistics: statistics), keys: keys)
        case .limit(.sort(let input, let keys), let offset, let count):
            // Top-N: the sort keeps only the rows the limit can return.
            let sort = try SortOperator(input: try build(input, statistics: statistics), keys: keys, limit: count.map { $0 + offset })
            return LimitOperator(input: sort, offset: offset, count: count)
        case .limit(let input, let offset, let count):
            return LimitOperator(input: try build(input, statistics: statistics), offset: offset, count: count)
        case .unionAll(let inputs, _):
            return UnionAllOperator(inputs: try inputs.map { try build($0, statistics: statistics) })
        }
    }

    /// Runs `plan` to completion and returns its batches.
    public static func run(_ plan: LogicalPlan, statistics: ExecutionStatistics) throws -> [Batch] {
        let root = try build(plan, statistics: statistics)
        var out: [Batch] = []
        while let b = try root.next() { if b.count > 0 { out.append(b) } }
        return out
    }
}
