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

        /// `runtimeFilterScan` gets a runtime filter over `scanKeys` (`probeScanKeys`) once the table is built.
        func probing(_ probeOperator: Operator, _ shared: SharedJoinBuild, matches: JoinMatchCollector? = nil,
                     runtimeFilterScan: TableScanOperator? = nil, scanKeys: [BoundExpr] = []) throws -> HashJoinOperator {
            try HashJoinOperator(probe: probeOperator, shared: shared, probeKeys: probeKeys, residual: residual,
                                 options: options, probeTypes: probe.fields.map(\.type), matches: matches,
                                 runtimeFilterScan: runtimeFilterScan, scanKeys: scanKeys)
        }

        /// The probe keys over the columns of the scan under the probe side, when probe rows without a match
        /// produce nothing (so the scan may drop them early: `RuntimeKeyFilter`) and every key column can be
        /// followed down to the scan: through filters, renaming projections and the probe sides of inner joins
        /// (TPC-H Q5: the supplier join's keys filter the line items under the orders join too). Nil for joins
        /// that keep unmatched probe rows or emit them (anti joins hashing the subquery side), and keyless ones.
        var probeScanKeys: [BoundExpr]? {
            guard !probeKeys.isEmpty, !options.keepUnmatchedProbe, !(options.anti && !options.emitBuildByMatch) else { return nil }
            // Under other joins, only a build side that a condition cuts down: one that holds every key (Q9's
            // orders, partsupp and supplier) would cost its lookups for nothing.
            if !Self.isScanChain(probe) && !Self.hasFilter(build) { return nil }
            var keys: [BoundExpr] = []
            for key in probeKeys {
                guard let mapped = Self.overScan(key, probe) else { return nil }
                keys.append(mapped)
            }
            return keys
        }

        static func isScanChain(_ plan: LogicalPlan) -> Bool {
            switch plan {
            case .scan: return true
            case .filter(let input, _): return isScanChain(input)
            default: return false
            }
        }

        /// Whether a filter (or partition pruning) cuts `plan`'s rows somewhere below it.
        static func hasFilter(_ plan: LogicalPlan) -> Bool {
            switch plan {
            case .filter: return true
            case .scan(let s): return !s.pushedPredicates.isEmpty || s.partitions != nil
            case .project(let input, _, _): return hasFilter(input)
            case .join(let left, let right, let c): return c.kind == .inner && (hasFilter(left) || hasFilter(right))
            default: return false
            }
        }

        /// `e`, an expression over `plan`'s output, over the columns of the scan at the bottom of `plan`'s probe chain.
        static func overScan(_ e: BoundExpr, _ plan: LogicalPlan) -> BoundExpr? {
            func remapped(_ map: (Int) -> Int?) -> BoundExpr? {
                var used = Set<Int>()
                e.collectColumns(into: &used)
                var mapping: [Int: Int] = [:]
                for c in used {
                    guard let m = map(c) else { return nil }
                    mapping[c] = m
                }
                return e.remapColumns { mapping[$0]! }
            }
            switch plan {
            case .scan:
                return e
            case .filter(let input, _):
                return overScan(e, input)
            case .project(let input, let expressions, _):
                let mapped = remapped { i in
                    guard i < expressions.count, case .column(let j, _) = expressions[i] else { return nil }
                    return j
                }
                return mapped.flatMap { overScan($0, input) }
            case .join(let left, let right, let c) where c.kind == .inner && !c.keys.isEmpty:
                // An inner join's output is its left columns, then its right ones; only the probe side's lead down.
                let shape = JoinShape(left, right, c), leftCount = left.fields.count
                let mapped = remapped { i in
                    shape.options.probeIsLeft ? (i < leftCount ? i : nil) : (i >= leftCount ? i - leftCount : nil)
                }
                return mapped.flatMap { overScan($0, shape.probe) }
            default:
                return nil
            }
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
