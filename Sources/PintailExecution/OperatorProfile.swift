#if canImport(Glibc)
import Glibc
#endif
import PintailCore
import PintailPlanner
import Synchronization

/// Rows and time per plan node, collected while EXPLAIN ANALYZE runs a query. Nodes are keyed by their subtree
/// (its EXPLAIN text and the scans' pushed predicates), so parallel copies of one pipeline add up in one place.
final class OperatorProfile: @unchecked Sendable {
    final class Figures: Sendable {
        let rows = Atomic<Int>(0)
        let nanoseconds = Atomic<Int>(0)
    }

    private let lock = MutexBox()
    private var figures: [String: Figures] = [:]

    func figures(for plan: LogicalPlan) -> Figures {
        let key = Self.key(plan)
        lock.lock()
        defer { lock.unlock() }
        if let f = figures[key] { return f }
        let f = Figures()
        figures[key] = f
        return f
    }

    /// The figures recorded for `plan`'s node, if it ran as an operator of its own.
    func recorded(for plan: LogicalPlan) -> Figures? {
        let key = Self.key(plan)
        lock.lock()
        defer { lock.unlock() }
        return figures[key]
    }

    static func key(_ plan: LogicalPlan) -> String {
        var predicates: [String] = []
        collectScans(plan) { predicates.append(ScanCounters.key(for: $0)) }
        return PlanPrinter.text(plan) + "\n" + predicates.joined(separator: "\n")
    }

    /// Calls `body` with every scan under `plan`, in EXPLAIN order.
    static func collectScans(_ plan: LogicalPlan, _ body: (Scan) -> Void) {
        if case .scan(let s) = plan { body(s) }
        for input in inputs(of: plan) { collectScans(input, body) }
    }

    /// A node's inputs in EXPLAIN order, found by reflection so that new kinds of plan node need no change here.
    static func inputs(of plan: LogicalPlan) -> [LogicalPlan] {
        if case .shared(let s) = plan { return [s.plan] }
        guard let payload = Mirror(reflecting: plan).children.first?.value else { return [] }
        var found: [LogicalPlan] = []
        func visit(_ value: Any) {
            if let p = value as? LogicalPlan { found.append(p) } else if let ps = value as? [LogicalPlan] { found += ps }
        }
        let mirror = Mirror(reflecting: payload)
        if mirror.displayStyle == .tuple { for child in mirror.children { visit(child.value) } } else { visit(payload) }
        return found
    }

    static func now() -> Int {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return t.tv_sec * 1_000_000_000 + t.tv_nsec
    }
}

/// Passes batches through, counting rows and the time spent producing them (children included).
final class ProfiledOperator: Operator {
    private let input: Operator
    private let figures: OperatorProfile.Figures

    init(input: Operator, figures: OperatorProfile.Figures) {
        self.input = input
        self.figures = figures
    }

    func next() throws -> Batch? {
        let start = OperatorProfile.now()
        let batch = try input.next()
        figures.nanoseconds.add(OperatorProfile.now() - start, ordering: .relaxed)
        if let batch { figures.rows.add(batch.count, ordering: .relaxed) }
        return batch
    }
}

extension ExecutionStatistics {
    /// `op` wrapped to count its rows and time when EXPLAIN ANALYZE is profiling; `op` itself otherwise.
    func profiled(_ op: Operator, _ plan: LogicalPlan) -> Operator {
        guard let profile else { return op }
        return ProfiledOperator(input: op, figures: profile.figures(for: plan))
    }
}
