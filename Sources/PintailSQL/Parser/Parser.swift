/// A recursive-descent parser over the token array. Each `/// Grammar: rule` tag names the EBNF rule in `Grammar/`
/// that the function implements; a conformance test keeps the tags and the rules in step.
struct Parser {
    let tokens: [Token]
    var position = 0
    /// Current nesting of recursive rules; guarded so deep input throws instead of overflowing the stack.
    var depth = 0
    /// What the rules tried at `expectedAt`, for "Expecting: ..." in messages.
    var expected: [Expected] = []
    var expectedAt = -1

    /// Deep enough for any query a person writes (about 100 nested parentheses); keeps trees shallow enough for
    /// recursive consumers (printer, binder) and the parse within `LargeStack.stackSize`.
    static let maxDepth = 200

    init(tokens: [Token]) {
        self.tokens = tokens
    }

    var current: Token { tokens[position] }

    func peek(_ ahead: Int) -> Token { tokens[min(position + ahead, tokens.count - 1)] }

    @discardableResult
    mutating func advance() -> Token {
        let token = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    /// The end of the last consumed token.
    var previousEnd: SourceLocation { position > 0 ? tokens[position - 1].end : current.start }

    // MARK: expectations

    /// Records that the rule being tried could have accepted `what` at the current token. Cheap on purpose: it
    /// runs for every keyword check, and the list is only formatted when an error is reported.
    mutating func note(_ what: Expected) {
        if expectedAt != position {
            expected.removeAll(keepingCapacity: true)
            expectedAt = position
        }
        expected.append(what)
    }

    // MARK: keywords and symbols

    /// True when the current token is the word `keyword` (lower-case); records it as expected.
    mutating func at(_ keyword: String) -> Bool {
        note(.keyword(keyword))
        return current.kind == .word && current.lowercased == keyword
    }

    /// True when the token `ahead` positions on is the word `keyword`; records nothing.
    func peekIs(_ keyword: String, ahead: Int = 0) -> Bool {
        let token = peek(ahead)
        return token.kind == .word && token.lowercased == keyword
    }

    /// True when the token `ahead` positions on is the symbol `symbol`; records nothing.
    func peekIsSymbol(_ symbol: String, ahead: Int = 0) -> Bool {
        let token = peek(ahead)
        return token.kind == .symbol && token.text == symbol
    }

    mutating func accept(_ keyword: String) -> Bool {
        guard at(keyword) else { return false }
        advance()
        return true
    }

    /// Accepts an operator-like continuation without recording it as expected: after a complete expression the
    /// "Expecting" list should name the clause that may follow, not every operator.
    mutating func acceptQuietly(_ keyword: String) -> Bool {
        guard peekIs(keyword) else { return false }
        advance()
        return true
    }

    /// The symbol form of `acceptQuietly`.
    mutating func acceptSymbolQuietly(_ symbol: String) -> Bool {
        guard peekIsSymbol(symbol) else { return false }
        advance()
        return true
    }

    @discardableResult
    mutating func expect(_ keyword: String) throws(SQLSyntaxError) -> Token {
        guard at(keyword) else { throw failure() }
        return advance()
    }

    mutating func atSymbol(_ symbol: String) -> Bool {
        note(.symbol(symbol))
        return current.kind == .symbol && current.text == symbol
    }

    mutating func acceptSymbol(_ symbol: String) -> Bool {
        guard atSymbol(symbol) else { return false }
        advance()
        return true
    }

    @discardableResult
    mutating func expectSymbol(_ symbol: String) throws(SQLSyntaxError) -> Token {
        guard atSymbol(symbol) else { throw failure() }
        return advance()
    }

    // MARK: identifiers and literals

    /// Whether `token` can be an identifier: an unreserved word or a quoted name.
    static func isIdentifier(_ token: Token) -> Bool {
        switch token.kind {
        case .word: !token.isReserved
        case .quotedIdentifier, .backquotedIdentifier: true
        default: false
        }
    }

    mutating func atIdentifier() -> Bool {
        note(.category("<identifier>"))
        return Self.isIdentifier(current)
    }

    mutating func identifier() throws(SQLSyntaxError) -> Identifier {
        guard atIdentifier() else { throw failure() }
        let token = advance()
        let quoting: IdentifierQuoting = switch token.kind {
        case .quotedIdentifier: .doubleQuoted
        case .backquotedIdentifier: .backquoted
        default: .none
        }
        return Identifier(token.text, quoting: quoting, location: token.start)
    }

    /// `a.b.c`.
    mutating func qualifiedName() throws(SQLSyntaxError) -> QualifiedName {
        var parts = [try identifier()]
        while atSymbol("."), Self.isIdentifier(peek(1)) {
            advance()
            parts.append(try identifier())
        }
        return QualifiedName(parts)
    }

    mutating func stringLiteral() throws(SQLSyntaxError) -> StringLiteral {
        note(.category("<string>"))
        guard current.kind == .string else { throw failure() }
        let token = advance()
        return StringLiteral(raw: token.text, location: token.start)
    }

    mutating func integer() throws(SQLSyntaxError) -> Int {
        note(.category("<integer>"))
        guard current.kind == .integer else { throw failure() }
        guard let value = Int(current.text) else {
            throw SQLSyntaxError(message: "invalid numeric literal: \(current.text)", at: current.start)
        }
        advance()
        return value
    }

    /// `( item, item, ... )` with at least one item.
    mutating func parenthesizedList<T>(
        _ item: (inout Parser) throws(SQLSyntaxError) -> T
    ) throws(SQLSyntaxError) -> [T] {
        try expectSymbol("(")
        var items = [try item(&self)]
        while acceptSymbol(",") { items.append(try item(&self)) }
        try expectSymbol(")")
        return items
    }

    /// `item, item, ...` with at least one item.
    mutating func commaList<T>(_ item: (inout Parser) throws(SQLSyntaxError) -> T) throws(SQLSyntaxError) -> [T] {
        var items = [try item(&self)]
        while acceptSymbol(",") { items.append(try item(&self)) }
        return items
    }

    // MARK: depth

    mutating func enter() throws(SQLSyntaxError) {
        depth += 1
        if depth > Self.maxDepth {
            throw SQLSyntaxError(
                message: "statement is too deeply nested (more than \(Self.maxDepth) levels)", at: current.start)
        }
    }

    mutating func leave() { depth -= 1 }

    /// Longest run of left-associative operators (or joins, or set operations) in one chain. Chains parse in a loop
    /// but build a left-deep tree, and consumers of the tree recurse over it.
    static let maxChainLength = 1000

    /// Call once per operator added to a chain; throws when the chain gets too long.
    func checkChain(_ length: inout Int) throws(SQLSyntaxError) {
        length += 1
        if length > Self.maxChainLength {
            throw SQLSyntaxError(
                message: "expression is too long (more than \(Self.maxChainLength) chained operators)", at: current.start)
        }
    }
}
