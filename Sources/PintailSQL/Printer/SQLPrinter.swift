/// Prints AST nodes back to SQL that parses to an equal tree (used by SHOW CREATE TABLE, EXPLAIN and round-trip
/// tests). Output is canonical rather than a copy of the input: keywords upper-case, operands of operators
/// parenthesized, identifiers quoted exactly as they were written.
public enum SQLPrinter {
    /// A statement, without a trailing `;`.
    public static func statement(_ statement: Statement) -> String { printStatement(statement.kind) }

    /// A query.
    public static func query(_ query: Query) -> String { printQuery(query) }

    /// An expression.
    public static func expression(_ expression: Expression) -> String { printExpression(expression) }

    /// A type.
    public static func type(_ type: TypeSyntax) -> String {
        let parameters = type.parameters.isEmpty ? "" : "(" + type.parameters.map(String.init).joined(separator: ", ") + ")"
        if type.hiveSyntax {
            let inner = type.children.map { child in
                (child.name.map { identifier($0) + ":" } ?? "") + Self.type(child.type)
            }
            return type.name + "<" + inner.joined(separator: ",") + ">"
        }
        if !type.children.isEmpty {
            let inner = type.children.map { child in (child.name.map { identifier($0) + " " } ?? "") + Self.type(child.type) }
            return type.name + "(" + inner.joined(separator: ", ") + ")"
        }
        let zone = " with time zone"
        if type.name.hasSuffix(zone) { return String(type.name.dropLast(zone.count)) + parameters + zone }
        return type.name + parameters
    }

    /// An identifier, quoted the way it was written.
    public static func identifier(_ identifier: Identifier) -> String {
        switch identifier.quoting {
        case .none: identifier.original
        case .doubleQuoted: "\"" + identifier.original.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        case .backquoted: "`" + identifier.original.replacingOccurrences(of: "`", with: "``") + "`"
        }
    }

    /// `a.b.c`.
    public static func name(_ name: QualifiedName) -> String { name.parts.map(identifier).joined(separator: ".") }

    /// `'text'` with the original escapes.
    public static func string(_ literal: StringLiteral) -> String { "'" + literal.raw + "'" }

    static func list<T>(_ items: [T], _ print: (T) -> String) -> String { items.map(print).joined(separator: ", ") }

    static func identifierList(_ items: [Identifier]) -> String { "(" + list(items, identifier) + ")" }
}
