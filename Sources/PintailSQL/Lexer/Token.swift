/// The lexical class of a token.
public enum TokenKind: Sendable, Hashable {
    /// A bare word: an identifier or a keyword (see `Token.isReserved`).
    case word
    /// `"name"`; `text` holds the name with `""` unescaped.
    case quotedIdentifier
    /// `` `name` ``; `text` holds the name with doubled backquotes unescaped.
    case backquotedIdentifier
    /// `'text'`; `text` holds the raw characters between the quotes.
    case string
    /// `123`.
    case integer
    /// `1.5`, `.5`, `1.`.
    case decimal
    /// `1e3`, `1.5E-2`.
    case double
    /// `X'0A'`; `text` holds the hex digits.
    case binary
    /// Punctuation or an operator; `text` is the symbol, e.g. `<=`.
    case symbol
    /// End of input.
    case endOfInput
}

/// One token with its position in the SQL text.
public struct Token: Sendable, Hashable {
    /// Its class.
    public var kind: TokenKind
    /// Its text (see `TokenKind` for what each kind stores).
    public var text: String
    /// Lower-cased `text` for words, used for keyword matching.
    public var lowercased: String
    /// True for words that are reserved keywords and so cannot be identifiers unless quoted.
    public var isReserved: Bool
    /// Where the token starts.
    public var start: SourceLocation
    /// Just past its last character.
    public var end: SourceLocation

    public init(kind: TokenKind, text: String, start: SourceLocation, end: SourceLocation) {
        self.kind = kind
        self.text = text
        self.lowercased = kind == .word ? text.lowercased() : text
        self.isReserved = kind == .word && Keywords.reserved.contains(lowercased)
        self.start = start
        self.end = end
    }

    /// How the token appears in error messages: `'FORM'`, `<EOF>`.
    public var quotedForMessage: String {
        switch kind {
        case .endOfInput: "'<EOF>'"
        case .string: "'\(("'" + text + "'").shortenedForMessage())'"
        case .quotedIdentifier: "'\"\(text)\"'"
        case .backquotedIdentifier: "'`\(text)`'"
        case .binary: "'X'\(text)''"
        default: "'\(text.shortenedForMessage())'"
        }
    }
}

extension String {
    /// Trims very long token text for an error message.
    fileprivate func shortenedForMessage() -> String {
        count > 40 ? String(prefix(37)) + "..." : self
    }
}
