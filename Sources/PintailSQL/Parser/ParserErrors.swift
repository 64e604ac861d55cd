/// One thing a rule could have accepted at the failing token.
enum Expected: Hashable {
    /// A keyword, stored lower-case.
    case keyword(String)
    /// A symbol such as `(`.
    case symbol(String)
    /// A class of tokens or a sub-rule: `<identifier>`, `<expression>`, `<EOF>`.
    case category(String)

    /// How the entry appears in "Expecting: ...".
    var display: String {
        switch self {
        case .keyword(let word): "'\(word.uppercased())'"
        case .symbol(let symbol): "'\(symbol)'"
        case .category(let name): name
        }
    }

    /// Whether `token` is what this entry names (categories that stand for whole rules never match).
    func isSatisfied(by token: Token) -> Bool {
        switch self {
        case .keyword(let word): token.kind == .word && token.lowercased == word
        case .symbol(let symbol): token.kind == .symbol && token.text == symbol
        case .category("<EOF>"): token.kind == .endOfInput
        case .category: false
        }
    }
}

/// Building Trino-style messages from what the rules expected at the failing token.
extension Parser {
    /// `mismatched input 'X'. Expecting: ...`, or `extraneous input 'X'. Expecting: ...` when the token after it
    /// is a keyword, symbol or end of input that would have been accepted.
    func failure() -> SQLSyntaxError {
        let token = current
        let wanted = expectedAt == position ? expected : []
        let extraneous = token.kind != .endOfInput && wanted.contains { $0.isSatisfied(by: peek(1)) }
        var message = "\(extraneous ? "extraneous" : "mismatched") input \(token.quotedForMessage)"
        let list = Self.summarize(wanted)
        if !list.isEmpty { message += ". Expecting: \(list)" }
        return SQLSyntaxError(message: message, at: token.start)
    }

    /// Deduplicated, sorted (symbols, then keywords, then categories) and cut to a dozen entries.
    static func summarize(_ wanted: [Expected]) -> String {
        func rank(_ entry: Expected) -> Int {
            switch entry {
            case .symbol: 0
            case .keyword: 1
            case .category: 2
            }
        }
        let unique = Set(wanted).map { (rank($0), $0.display) }.sorted { $0 < $1 }.map(\.1)
        let limit = 12
        let shown = unique.prefix(limit).joined(separator: ", ")
        return unique.count > limit ? shown + ", ..." : shown
    }
}
