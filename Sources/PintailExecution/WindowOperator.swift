import PintailCore
import PintailPlanner

/// Window functions (in progress).
final class WindowOperator: Operator {
    init(input: Operator, functions: [WindowCall]) throws {
        throw ExecutionError("Window functions are not implemented yet")
    }
    func next() throws -> Batch? { nil }
}
