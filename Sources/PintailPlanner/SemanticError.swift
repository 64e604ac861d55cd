import PintailSQL

/// A query that parses but means nothing valid: an unknown column, a type mismatch, a misplaced aggregate.
public struct SemanticError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var location: SourceLocation?
    public init(_ message: String, at location: SourceLocation? = nil) {
        self.message = message
        self.location = location
    }
    public var description: String {
        location.map { "line \($0.line):\($0.column): \(message)" } ?? message
    }
}
