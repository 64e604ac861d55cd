import PintailCore
import PintailPlanner

extension PhysicalPlanner {
    /// How a join runs: which input probes, which builds, and what the operator keeps.
    struct JoinShape {
        var options = HashJoinOperator.Options()
        var probe: LogicalPlan
        var build: LogicalPlan
        var probeKeys: [BoundExpr]
        var buildKeys: [BoundExpr]
        var residual: BoundExpr?

        /// The input `JoinBuildSide` picks from the row estimates builds.
        init(_ left: LogicalPlan, _ right: LogicalPlan, _ c: JoinCondition) {
            let buildLeft = JoinBuildSide.buildsLeft(left, right, c)
            options.probeIsLeft = !buildLeft
            options.semi = c.kind == .semi
            options.anti = c.kind == .anti
            options.emitBuildByMatch = buildLeft && !c.kind.keepsRight
            options.keepUnmatchedProbe = buildLeft ? c.kind.preservesRight : c.kind.preservesLeft
            options.keepUnmatchedBuild = buildLeft ? c.kind.preservesLeft : c.kind.preservesRight
            (probe, build) = buildLeft ? (right, left) : (left, right)
            probeKeys = c.keys.map { buildLeft ? $0.right : $0.left }
            buildKeys = c.keys.map { buildLeft ? $0.left : $0.right }
            residual = c.residual
        }

        /// The build side, planned once (it may run in parallel itself) and read by the first probe to need it.
        /// `keyBitmap`: a runtime filter will read the table, so build its key bitmap too.
        func sharedBuild(statistics: ExecutionStatistics, workers: Int, group: JoinBuildGroup? = nil,
                         keyBitmap: Bool = false) throws -> SharedJoinBuild {
            try SharedJoinBuild(build: try PhysicalPlanner.build(build, statistics: statistics, workers: workers),
                                keys: buildKeys, types: build.fields.map(\.type), group: group, threads: workers,
                                keyBitmap: keyBitmap)
        }

        func probing(_ probeOperator: Operator, _ shared: SharedJoinBuild, matches: JoinMatchCollector? = nil,
                     runtimeFilterScan: TableScanOperator? = nil) throws -> HashJoinOperator {
            try HashJoinOperator(probe: probeOperator, shared: shared, probeKeys: probeKeys, residual: residual,
                                 options: options, probeTypes: probe.fields.map(\.type), matches: matches,
                                 runtimeFilterScan: runtimeFilterScan)
        }

        /// Whether probe rows without a match produce nothing, so the probe-side scan may drop them early
        /// (`RuntimeKeyFilter`): not for joins that keep unmatched probe rows or emit them (anti joins hashing
        /// the subquery side), nor keyless ones. The probe side must be the scan itself, or filters over it, so
        /// that the probe keys read the scan's own columns.
        var filtersProbeScan: Bool {
            guard !probeKeys.isEmpty, !options.keepUnmatchedProbe, !(options.anti && !options.emitBuildByMatch) else { return false }
            func isScanChain(_ p: LogicalPlan) -> Bool {
                switch p {
                case .scan: return true
                case .filter(let input, _): return isScanChain(input)
                default: return false
                }
            }
            return isScanChain(probe)
        }
    }

    /// A hash join on one thread (its inputs may still run in parallel below it).
    static func joinOperator(_ left: LogicalPlan, _ right: LogicalPlan, _ c: JoinCondition,
                             statistics: ExecutionStatistics, workers: Int) throws -> Operator {
        let shape = JoinShape(left, right, c)
        let probe = try PhysicalPlanner.build(shape.probe, statistics: statistics, workers: workers)
        return try shape.probing(probe, try shape.sharedBuild(statistics: statistics, workers: workers))
    }
}
