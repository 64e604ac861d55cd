import PintailCore
import PintailPlanner

extension PhysicalPlanner {
    /// A hash join that builds the input with fewer estimated rows (the right one when unknown or equal); semi
    /// and anti joins always build the right input.
    static func joinOperator(_ left: LogicalPlan, _ right: LogicalPlan, _ c: JoinCondition,
                             statistics: ExecutionStatistics, workers: Int) throws -> Operator {
        var buildLeft = false
        if c.kind.keepsRight, let l = estimatedRows(left), let r = estimatedRows(right), l < r { buildLeft = true }
        if !c.kind.keepsRight && c.buildLeft { buildLeft = true }
        var options = HashJoinOperator.Options()
        options.probeIsLeft = !buildLeft
        options.semi = c.kind == .semi
        options.anti = c.kind == .anti
        options.emitBuildByMatch = buildLeft && !c.kind.keepsRight
        options.keepUnmatchedProbe = buildLeft ? c.kind.preservesRight : c.kind.preservesLeft
        options.keepUnmatchedBuild = buildLeft ? c.kind.preservesLeft : c.kind.preservesRight
        let (probe, build) = buildLeft ? (right, left) : (left, right)
        return try HashJoinOperator(
            probe: try PhysicalPlanner.build(probe, statistics: statistics, workers: workers),
            build: try PhysicalPlanner.build(build, statistics: statistics, workers: workers),
            probeKeys: c.keys.map { buildLeft ? $0.right : $0.left },
            buildKeys: c.keys.map { buildLeft ? $0.left : $0.right },
            residual: c.residual, options: options,
            probeTypes: probe.fields.map(\.type), buildTypes: build.fields.map(\.type))
    }

    /// Rows a plan produces, where known without reading data (literal rows, global aggregates, limits).
    static func estimatedRows(_ plan: LogicalPlan) -> Int? {
        switch plan {
        case .values(let rows, _): return rows.count
        case .aggregate(let input, let keys, _, _): return keys.isEmpty ? 1 : estimatedRows(input)
        case .limit(let input, _, let count):
            guard let count else { return estimatedRows(input) }
            return min(count, estimatedRows(input) ?? count)
        case .filter(let input, _), .project(let input, _, _), .sort(let input, _), .window(let input, _):
            return estimatedRows(input)
        case .scan, .unionAll, .join: return nil
        }
    }
}
