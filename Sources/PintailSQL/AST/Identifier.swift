/// How an identifier was written in the SQL text.
public enum IdentifierQuoting: Sendable, Hashable {
    /// A bare word such as `review_body`.
    case none
    /// `"double quoted"` (standard SQL / Trino).
    case doubleQuoted
    /// `` `backquoted` `` (Hive DDL).
    case backquoted
}

/// A name of a column, table, database, function, field or alias.
///
/// Identifiers are case-insensitive in Trino, quoted or not, so `value` is lower-cased; `original` keeps the text as
/// written (without quotes) for messages and for printing.
public struct Identifier: Sendable, Hashable {
    /// The lower-cased name used for lookups.
    public var value: String
    /// The name exactly as written, without the quotes.
    public var original: String
    /// Whether and how the name was quoted. A binder can use `.doubleQuoted` to suggest that a user meant a string.
    public var quoting: IdentifierQuoting
    /// Where the identifier starts.
    public var location: SourceLocation

    public init(_ original: String, quoting: IdentifierQuoting = .none, location: SourceLocation = .start) {
        self.value = original.lowercased()
        self.original = original
        self.quoting = quoting
        self.location = location
    }

    /// True when the identifier was written inside quotes of either kind.
    public var isQuoted: Bool { quoting != .none }
}

/// A dotted name such as `dsoaws.amazon_reviews_tsv` or `catalog.schema.table`.
public struct QualifiedName: Sendable, Hashable {
    /// The parts, outermost first; never empty when produced by the parser.
    public var parts: [Identifier]
    /// Where the first part starts.
    public var location: SourceLocation

    public init(_ parts: [Identifier], location: SourceLocation? = nil) {
        self.parts = parts
        self.location = location ?? parts.first?.location ?? .start
    }

    /// The last part, e.g. the table name of `db.table`.
    public var name: Identifier? { parts.last }
    /// All parts but the last, e.g. the database of `db.table`.
    public var prefix: [Identifier] { Array(parts.dropLast()) }
    /// The lower-cased parts joined by dots.
    public var dotted: String { parts.map(\.value).joined(separator: ".") }
}
