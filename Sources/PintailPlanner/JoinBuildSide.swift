import PintailCore

/// Which input a hash join hashes. Inner and outer joins build the right input unless the left one is estimated
/// at under half its rows: hashing 145,000 joined line items beats hashing 1.5M orders to probe them (TPC-H Q7),
/// and a left join may build its preserved side (the executor emits the unmatched build rows at the end). The
/// margin keeps rough estimates from flipping near-equal inputs, and right inputs under `minimumRowsToSwap` stay
/// built (either side costs microseconds). Semi and anti joins keep the side the binder chose.
public enum JoinBuildSide {
    static let minimumRowsToSwap = 10_000.0

    public static func buildsLeft(_ left: LogicalPlan, _ right: LogicalPlan, _ c: JoinCondition) -> Bool {
        guard c.kind.keepsRight else { return c.buildLeft }
        let rightRows = RowEstimate.rows(right)
        return rightRows >= minimumRowsToSwap && RowEstimate.rows(left) * 2 < rightRows
    }
}
