import Testing
@testable import PintailSQL

@Suite struct LexerTests {
    func kinds(_ sql: String) throws -> [TokenKind] { try Lexer.tokenize(sql).map(\.kind) }

    @Test func numbersKeepTheirKind() throws {
        let tokens = try Lexer.tokenize("1 1.5 .5 1. 1e3 2.5E-2")
        #expect(tokens.prefix(6).map(\.kind) == [.integer, .decimal, .decimal, .decimal, .double, .double])
        #expect(tokens[5].text == "2.5E-2")
    }

    @Test func identifierStartingWithDigitIsRejected() {
        #expect(throws: SQLSyntaxError.self) { try Lexer.tokenize("SELECT 7e FROM t") }
    }

    @Test func stringsKeepRawTextAndUnescape() throws {
        let tokens = try Lexer.tokenize("'it''s' '\\t' ''")
        #expect(tokens[0].kind == .string && tokens[0].text == "it''s")
        #expect(StringLiteral(raw: tokens[0].text).value == "it's")
        #expect(StringLiteral(raw: tokens[1].text).value == "\\t")
        #expect(StringLiteral(raw: tokens[1].text).hiveValue == "\t")
        #expect(tokens[2].text == "")
    }

    @Test func hiveEscapes() {
        #expect(StringLiteral(raw: "\\001").hiveValue == "\u{01}")
        #expect(StringLiteral(raw: "\\n").hiveValue == "\n")
        #expect(StringLiteral(raw: "\\\\").hiveValue == "\\")
        #expect(StringLiteral(raw: "a\\,b").hiveValue == "a,b")
        #expect(StringLiteral(raw: "\\u0041").hiveValue == "A")
        #expect(StringLiteral(raw: "x\\").hiveValue == "x\\")
    }

    @Test func identifiersQuotedAndNot() throws {
        let tokens = try Lexer.tokenize("Review_Body \"Mixed \"\"Q\"\"\" `back``q`")
        #expect(tokens[0].kind == .word && tokens[0].lowercased == "review_body" && tokens[0].text == "Review_Body")
        #expect(tokens[1].kind == .quotedIdentifier && tokens[1].text == "Mixed \"Q\"")
        #expect(tokens[2].kind == .backquotedIdentifier && tokens[2].text == "back`q")
    }

    @Test func reservedFlag() throws {
        let tokens = try Lexer.tokenize("select year FROM date")
        #expect(tokens.map(\.isReserved) == [true, false, true, false, false])
    }

    @Test func commentsAndSeparators() throws {
        let tokens = try Lexer.tokenize("a -- x; y\n/* ; */ b; c")
        #expect(tokens.map(\.text) == ["a", "b", ";", "c", ""])
    }

    @Test func binaryLiteral() throws {
        let tokens = try Lexer.tokenize("X'0a 1B' x''")
        #expect(tokens[0].kind == .binary && tokens[0].text == "0a1B")
        #expect(tokens[1].kind == .binary && tokens[1].text == "")
    }

    @Test func positionsCountLinesColumnsAndBytes() throws {
        let tokens = try Lexer.tokenize("SELECT 'é',\n  x")
        #expect(tokens[1].start == SourceLocation(line: 1, column: 8, offset: 7))
        #expect((tokens[1].start.line, tokens[1].start.column, tokens[1].start.offset) == (1, 8, 7))
        // 'é' is 2 UTF-8 bytes but one column.
        #expect((tokens[2].start.column, tokens[2].start.offset) == (11, 11))
        #expect((tokens[3].start.line, tokens[3].start.column, tokens[3].start.offset) == (2, 3, 15))
    }

    @Test func multiCharacterOperators() throws {
        let tokens = try Lexer.tokenize("<> != <= >= || -> < >")
        #expect(tokens.dropLast().map(\.text) == ["<>", "!=", "<=", ">=", "||", "->", "<", ">"])
    }

    @Test func lexicalErrorsCarryPositions() {
        func error(_ sql: String) -> String {
            do { _ = try Lexer.tokenize(sql); return "" } catch { return error.description }
        }
        #expect(error("SELECT 'abc") == "line 1:8: unterminated string literal")
        #expect(error("a\n  /* x") == "line 2:3: unterminated comment")
        #expect(error("a ^ b") == "line 1:3: unexpected character '^'")
        #expect(error("\"\"") == "line 1:1: zero-length delimited identifier not allowed")
        #expect(error("X'0G'") == "line 1:1: binary literal can only contain hexadecimal digits")
    }
}
