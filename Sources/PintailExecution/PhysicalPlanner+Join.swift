import PintailCore
import PintailPlanner

extension PhysicalPlanner {
    /// A hash join that builds the input `JoinBuildSide` picks from the row estimates.
    static func joinOperator(_ left: LogicalPlan, _ right: LogicalPlan, _ c: JoinCondition,
                             statistics: ExecutionStatistics, workers: Int) throws -> Operator {
        let buildLeft = JoinBuildSide.buildsLeft(left, right, c)
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
}
