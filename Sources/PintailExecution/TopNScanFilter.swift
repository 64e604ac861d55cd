import Foundation
import PintailCore
import PintailPlanner

/// The cut-off of an ORDER BY ... LIMIT n handed to the Parquet scan below it: once the sort holds its first n rows,
/// the scan drops rows whose leading key sorts after the worst of them before it decodes their other columns
/// (`ORDER BY helpful_votes DESC, review_id LIMIT 100` decodes review_id for a few thousand rows, not all). Rows
/// that tie on the leading key are kept for the sort to decide. The sort updates the bound from its own thread while
/// the scans of every worker read it, hence the lock.
final class TopNScanFilter: ScanRowFilter, @unchecked Sendable {
    private let leading: CompiledExpression
    private let lock = NSLock()
    private var bound: TopNBound?

    /// Unknown: the cut-off tightens as the sort fills.
    var passRate: Double? { nil }

    /// `expression` is the leading sort key over the scan's output (the bound knows its direction).
    init(expression: BoundExpr) throws {
        leading = try ExpressionCompiler.compile(expression)
    }

    /// Called by the sort each time it cuts its candidates back to the limit.
    func update(_ worst: TopNBound) {
        lock.lock()
        bound = worst
        lock.unlock()
    }

    func keep(_ batch: Batch, rows: [Int32]?) throws -> [Int32] {
        lock.lock()
        let bound = self.bound
        lock.unlock()
        guard let bound else { return rows ?? batch.allRowPositions }
        let order = bound.compareLeading(try leading(probed(batch, rows: rows)))
        var out: [Int32] = []
        for (i, c) in order.enumerated() where c <= 0 { out.append(rows?[i] ?? Int32(i)) }
        return out
    }

    /// The leading key of `keys` as an expression over the scan under `plan` (filters and plain column projections
    /// only), or nil when it is computed or the plan is something else.
    static func leadingKey(_ keys: [SortKey], over plan: LogicalPlan) -> BoundExpr? {
        guard let first = keys.first, case .column(var index, let type) = first.expression else { return nil }
        var node = plan
        while true {
            switch node {
            case .scan: return .column(index, type)
            case .filter(let input, _): node = input
            case .project(let input, let expressions, _):
                guard index < expressions.count, case .column(let inner, _) = expressions[index] else { return nil }
                index = inner
                node = input
            default: return nil
            }
        }
    }
}
