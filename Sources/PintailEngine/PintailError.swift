/// Any error a statement can end with, ready to show: `line L:C: message` plus the SQL line and a caret when the
/// error has a position in the SQL text.
public struct PintailError: Error, CustomStringConvertible, Sendable {
    public enum Kind: String, Sendable {
        case syntax, semantic, catalog, io, format, execution, resource, cancelled, `internal`
    }

    public var kind: Kind
    public var message: String
    /// 1-based line and column in `sql`, when the error points at the SQL text.
    public var line: Int?
    public var column: Int?
    /// The SQL text the position refers to.
    public var sql: String?

    public init(_ kind: Kind, _ message: String, line: Int? = nil, column: Int? = nil, sql: String? = nil) {
        self.kind = kind
        self.message = message
        self.line = line
        self.column = column
        self.sql = sql
    }

    /// `line 1:8: message`, or just the message when there is no position.
    public var description: String {
        if let line, let column { return "line \(line):\(column): \(message)" }
        return message
    }

    /// The description, then the offending SQL line and a caret under the column.
    public var rendered: String {
        guard let line, let column, let sql else { return description }
        let lines = sql.split(separator: "\n", omittingEmptySubsequences: false)
        guard line >= 1, line <= lines.count else { return description }
        let text = String(lines[line - 1]).replacingTabs()
        let caret = String(repeating: " ", count: max(0, column - 1)) + "^"
        return description + "\n" + text + "\n" + caret
    }
}

extension String {
    /// Tabs become single spaces so the caret lines up under the column (columns count characters).
    fileprivate func replacingTabs() -> String { String(map { $0 == "\t" ? " " : $0 }) }
}
