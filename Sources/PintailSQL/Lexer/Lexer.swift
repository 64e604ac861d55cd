/// Splits SQL text into tokens, tracking line, column and UTF-8 offset. Comments and whitespace are dropped.
public struct Lexer {
    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var line = 1
    private var column = 1
    private var offset = 0

    public init(_ sql: String) {
        scalars = Array(sql.unicodeScalars)
    }

    /// All tokens, ending with one `.endOfInput` token.
    public static func tokenize(_ sql: String) throws(SQLSyntaxError) -> [Token] {
        var lexer = Lexer(sql)
        var tokens: [Token] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .endOfInput { return tokens }
        }
    }

    private var location: SourceLocation { SourceLocation(line: line, column: column, offset: offset) }

    private func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        let i = index + ahead
        return i < scalars.count ? scalars[i] : nil
    }

    private mutating func advance() {
        let c = scalars[index]
        index += 1
        offset += UTF8.width(c)
        if c == "\n" { line += 1; column = 1 } else { column += 1 }
    }

    /// The next token.
    public mutating func next() throws(SQLSyntaxError) -> Token {
        try skipTrivia()
        let start = location
        guard let c = peek() else { return Token(kind: .endOfInput, text: "", start: start, end: start) }
        if (c == "x" || c == "X"), peek(1) == "'" { return try binary(start) }
        if c.isWordStart { return word(start) }
        if c.isDigit || (c == "." && (peek(1)?.isDigit ?? false)) { return try number(start) }
        switch c {
        case "'": return try quoted(start, quote: "'", kind: .string, what: "string literal")
        case "\"": return try quoted(start, quote: "\"", kind: .quotedIdentifier, what: "quoted identifier")
        case "`": return try quoted(start, quote: "`", kind: .backquotedIdentifier, what: "quoted identifier")
        default: return try symbol(start)
        }
    }

    private mutating func skipTrivia() throws(SQLSyntaxError) {
        while let c = peek() {
            if c.isSpace {
                advance()
            } else if c == "-", peek(1) == "-" {
                while let d = peek(), d != "\n" { advance() }
            } else if c == "/", peek(1) == "*" {
                let start = location
                advance(); advance()
                while true {
                    guard let d = peek() else { throw SQLSyntaxError(message: "unterminated comment", at: start) }
                    if d == "*", peek(1) == "/" { advance(); advance(); break }
                    advance()
                }
            } else {
                return
            }
        }
    }

    private mutating func word(_ start: SourceLocation) -> Token {
        var text = String.UnicodeScalarView()
        while let c = peek(), c.isWordPart { text.append(c); advance() }
        return Token(kind: .word, text: String(text), start: start, end: location)
    }

    private mutating func number(_ start: SourceLocation) throws(SQLSyntaxError) -> Token {
        var text = String.UnicodeScalarView()
        var kind = TokenKind.integer
        while let c = peek(), c.isDigit { text.append(c); advance() }
        if peek() == "." {
            kind = .decimal
            text.append("."); advance()
            while let c = peek(), c.isDigit { text.append(c); advance() }
        }
        if let e = peek(), e == "e" || e == "E" {
            let sign = peek(1)
            let hasSign = sign == "+" || sign == "-"
            if let d = peek(hasSign ? 2 : 1), d.isDigit {
                kind = .double
                text.append(e); advance()
                if hasSign, let s = sign { text.append(s); advance() }
                while let c = peek(), c.isDigit { text.append(c); advance() }
            }
        }
        if let c = peek(), c.isWordPart {
            throw SQLSyntaxError(
                message: "identifiers must not start with a digit; surround the identifier with double quotes",
                at: start)
        }
        return Token(kind: kind, text: String(text), start: start, end: location)
    }

    private mutating func quoted(
        _ start: SourceLocation, quote: Unicode.Scalar, kind: TokenKind, what: String
    ) throws(SQLSyntaxError) -> Token {
        advance()
        var text = String.UnicodeScalarView()
        while true {
            guard let c = peek() else { throw SQLSyntaxError(message: "unterminated \(what)", at: start) }
            advance()
            if c == quote {
                guard peek() == quote else { break }
                // A doubled quote stands for one; strings keep it raw, identifiers unescape it.
                if kind == .string { text.append(c) }
                text.append(c)
                advance()
            } else {
                text.append(c)
            }
        }
        if kind != .string && text.isEmpty {
            throw SQLSyntaxError(message: "zero-length delimited identifier not allowed", at: start)
        }
        return Token(kind: kind, text: String(text), start: start, end: location)
    }

    private mutating func binary(_ start: SourceLocation) throws(SQLSyntaxError) -> Token {
        advance()
        let body = try quoted(location, quote: "'", kind: .string, what: "binary literal")
        var hex = ""
        for c in body.text.unicodeScalars where !c.isSpace {
            guard c.isHexDigit else {
                throw SQLSyntaxError(message: "binary literal can only contain hexadecimal digits", at: start)
            }
            hex.unicodeScalars.append(c)
        }
        guard hex.count % 2 == 0 else {
            throw SQLSyntaxError(message: "binary literal must contain an even number of digits", at: start)
        }
        return Token(kind: .binary, text: hex, start: start, end: location)
    }

    private static let twoCharacterSymbols: Set<String> = ["<>", "!=", "<=", ">=", "||", "->", "=>"]
    private static let oneCharacterSymbols: Set<Unicode.Scalar> = [
        "(", ")", ",", ".", ";", "[", "]", "+", "-", "*", "/", "%", "=", "<", ">", "?", ":",
    ]

    private mutating func symbol(_ start: SourceLocation) throws(SQLSyntaxError) -> Token {
        guard let c = peek() else { return Token(kind: .endOfInput, text: "", start: start, end: start) }
        if let d = peek(1) {
            var pair = String(c)
            pair.unicodeScalars.append(d)
            if Self.twoCharacterSymbols.contains(pair) {
                advance(); advance()
                return Token(kind: .symbol, text: pair, start: start, end: location)
            }
        }
        guard Self.oneCharacterSymbols.contains(c) else {
            throw SQLSyntaxError(message: "unexpected character '\(c.escapedForMessage)'", at: start)
        }
        advance()
        return Token(kind: .symbol, text: String(c), start: start, end: location)
    }
}

extension Unicode.Scalar {
    var isDigit: Bool { ("0"..."9").contains(self) }
    var isHexDigit: Bool { isDigit || ("a"..."f").contains(self) || ("A"..."F").contains(self) }
    var isWordStart: Bool {
        ("a"..."z").contains(self) || ("A"..."Z").contains(self) || self == "_"
            || (value >= 0x80 && properties.isAlphabetic)
    }
    var isWordPart: Bool { isWordStart || isDigit }
    /// ASCII whitespace checked directly; the Unicode property lookup is slow and only needed beyond ASCII.
    var isSpace: Bool {
        value < 0x80 ? (self == " " || self == "\n" || self == "\t" || self == "\r" || self == "\u{0B}" || self == "\u{0C}")
            : properties.isWhitespace
    }
    /// Control characters are shown as `\u{..}` so that messages stay printable.
    var escapedForMessage: String { value < 0x20 || value == 0x7F ? escaped(asASCII: true) : String(self) }
}
