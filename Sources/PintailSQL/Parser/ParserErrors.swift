/// Building Trino-style messages from what the rules expected at the failing token.
extension Parser {
    /// `mismatched input 'X'. Expecting: ...`, or `extraneous input 'X'. Expecting: ...` when dropping the token
    /// would let the parse continue.
    func failure() -> SQLSyntaxError {
        let token = current
        let wanted = expectedAt == position ? expected : []
        let list = Self.summarize(wanted)
        // Only a keyword, symbol or end of input after the token is a strong enough sign that it is an extra token.
        let extraneous = token.kind != .endOfInput
            && wanted.contains { $0.hasPrefix("'") || $0 == "<EOF>" ? Self.satisfies(peek(1), $0) : false }
        var message = "\(extraneous ? "extraneous" : "mismatched") input \(token.quotedForMessage)"
        if !list.isEmpty { message += ". Expecting: \(list)" }
        return SQLSyntaxError(message: message, at: token.start)
    }

    /// Sorted and shortened: symbols first, then keywords, then categories such as `<expression>`.
    static func summarize(_ wanted: [String]) -> String {
        func rank(_ s: String) -> Int { s.hasPrefix("<") ? 2 : (s.first == "'" && s.dropFirst().first?.isLetter == true ? 1 : 0) }
        let sorted = wanted.sorted { (rank($0), $0) < (rank($1), $1) }
        let limit = 12
        let shown = sorted.prefix(limit).joined(separator: ", ")
        return sorted.count > limit ? shown + ", ..." : shown
    }

    /// Whether `token` is one of the things named by an expectation entry.
    static func satisfies(_ token: Token, _ entry: String) -> Bool {
        switch entry {
        case "<EOF>": return token.kind == .endOfInput
        case "<identifier>": return isIdentifier(token)
        case "<string>": return token.kind == .string
        case "<integer>": return token.kind == .integer
        case "<expression>", "<query>", "<type>": return false
        default:
            let inner = String(entry.dropFirst().dropLast())
            if token.kind == .word { return token.lowercased.uppercased() == inner }
            return token.kind == .symbol && token.text == inner
        }
    }
}
