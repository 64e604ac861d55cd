// PintailExecution: physical operators, compiled expressions and the scheduler that runs plans on all cores.

/// A failure while running a query: arithmetic overflow, division by zero, a bad cast, an unreadable file.
public struct ExecutionError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
