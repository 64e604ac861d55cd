/// Why a sketch operation failed: a bad argument, bytes that are not a HyperLogLog, or sketches that cannot merge.
/// Messages follow Trino's wording where Trino has one, so users see the same text in both engines.
public struct SketchError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// A function argument is out of range (Trino's INVALID_FUNCTION_ARGUMENT).
        case invalidArgument
        /// Serialized bytes are truncated, carry an unknown format tag or inconsistent content.
        case corruptSketch
        /// Two sketches have different bucket counts and at least one of them is dense.
        case incompatibleSketches
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }

    static func corrupt(_ message: String) -> SketchError { SketchError(.corruptSketch, message) }
}
