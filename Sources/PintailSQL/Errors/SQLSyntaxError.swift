/// A syntax error with the position of the offending token, worded as Trino words it:
/// `line 1:8: mismatched input 'FORM'. Expecting: ...`.
public struct SQLSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// 1-based line of the offending token.
    public var line: Int
    /// 1-based column of the offending token.
    public var column: Int
    /// 0-based UTF-8 offset of the offending token.
    public var offset: Int
    /// The message without the position prefix, e.g. `mismatched input 'FORM'. Expecting: ...`.
    public var message: String

    public init(message: String, at location: SourceLocation) {
        self.line = location.line
        self.column = location.column
        self.offset = location.offset
        self.message = message
    }

    /// Where the error is.
    public var location: SourceLocation { SourceLocation(line: line, column: column, offset: offset) }

    /// `line L:C: message`.
    public var description: String { "line \(line):\(column): \(message)" }

    /// The message, then the offending SQL line, then a caret under the column:
    /// ```
    /// line 1:10: mismatched input 'FORM'. Expecting: ...
    /// SELECT a FORM t
    ///          ^
    /// ```
    public func rendered(in sql: String) -> String {
        let lines = sql.split(separator: "\n", omittingEmptySubsequences: false)
        guard line >= 1, line <= lines.count else { return description }
        var text = String(lines[line - 1])
        if text.hasSuffix("\r") { text.removeLast() }
        // Tabs keep their width in the caret line so the caret lines up in a terminal.
        var pad = ""
        for (i, ch) in text.unicodeScalars.enumerated() where i < column - 1 { pad.append(ch == "\t" ? "\t" : " ") }
        return "\(description)\n\(text)\n\(pad)^"
    }
}
