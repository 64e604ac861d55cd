import PintailCore

/// Which input a hash join hashes. Inner and outer joins build the right input unless the left one is estimated
/// at under half its rows and under its values (rows times columns: the build side is copied whole into one
/// batch, the probe side streams): hashing 150,000 customers beats hashing 1.5M orders to probe them (TPC-H Q13),
/// and a left join may build its preserved side (the executor emits the unmatched build rows at the end). But
/// 320,000 joined rows of 7 columns against 1.5M orders of 2 (Q9) stay probing, which measured faster. The margin
/// keeps rough estimates from flipping near-equal inputs, and right inputs under `minimumRowsToSwap` stay built
/// (either side costs microseconds). Semi and anti joins keep the side the binder chose.
public enum JoinBuildSide {
    static let minimumRowsToSwap = 10_000.0

    public static func buildsLeft(_ left: LogicalPlan, _ right: LogicalPlan, _ c: JoinCondition) -> Bool {
        guard c.kind.keepsRight else { return c.buildLeft }
        let leftRows = RowEstimate.rows(left), rightRows = RowEstimate.rows(right)
        let leftValues = leftRows * Double(max(1, left.fields.count)), rightValues = rightRows * Double(max(1, right.fields.count))
        return rightRows >= minimumRowsToSwap && leftRows * 2 < rightRows && leftValues < rightValues
    }
}
