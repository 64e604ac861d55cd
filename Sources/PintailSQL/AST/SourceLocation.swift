/// A position in SQL text: 1-based line and column (counted in characters) plus the 0-based UTF-8 byte offset.
///
/// Like Trino's `NodeLocation`, a location never takes part in AST equality or hashing: two trees that differ only
/// in where they were written compare equal, which is what round-trip tests and plan caches want.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// 1-based line number.
    public var line: Int
    /// 1-based column number (in Unicode scalars from the line start).
    public var column: Int
    /// 0-based UTF-8 byte offset from the start of the text.
    public var offset: Int

    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    /// The start of a text.
    public static let start = SourceLocation(line: 1, column: 1, offset: 0)

    /// Renders as Trino does in error messages: `line:column`.
    public var description: String { "\(line):\(column)" }

    public static func == (lhs: SourceLocation, rhs: SourceLocation) -> Bool { true }
    public func hash(into hasher: inout Hasher) {}
}

/// A half-open span of SQL text: `start` is the first character, `end` the position just past the last one.
public struct SourceRange: Sendable, Hashable {
    /// First character of the span.
    public var start: SourceLocation
    /// Position just after the last character of the span.
    public var end: SourceLocation

    public init(start: SourceLocation, end: SourceLocation) {
        self.start = start
        self.end = end
    }

    /// The UTF-8 byte offsets covered, usable to slice the original text.
    public var offsets: Range<Int> { start.offset..<max(start.offset, end.offset) }
}
