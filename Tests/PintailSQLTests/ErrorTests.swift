import Testing
@testable import PintailSQL

@Suite struct ErrorTests {
    func error(_ sql: String) -> SQLSyntaxError? {
        do { _ = try parse(sql); return nil } catch { return error }
    }

    @Test func mismatchedInputNamesTheTokenAndWhatWasExpected() throws {
        let e = try #require(error("SELECT * FORM t"))
        #expect((e.line, e.column, e.offset) == (1, 10, 9))
        #expect(e.message.hasPrefix("mismatched input 'FORM'. Expecting: "))
        #expect(e.message.contains("'FROM'"))
        #expect(e.description.hasPrefix("line 1:10: mismatched input 'FORM'"))
    }

    @Test func renderedMessageHasLineAndCaret() throws {
        let sql = "SELECT a\nFROM t\nWHERE a = = 1"
        let e = try #require(error(sql))
        #expect(e.rendered(in: sql) == """
            line 3:11: mismatched input '='. Expecting: '+', '-', 'ALL', 'ANY', 'SOME', <expression>
            WHERE a = = 1
                      ^
            """)
    }

    @Test func extraneousInput() throws {
        let e = try #require(error("SELECT a\nFROM t\n)"))
        #expect(e.description.hasPrefix("line 3:1: extraneous input ')'"))
    }

    @Test func endOfInput() throws {
        let e = try #require(error("SELECT a FROM"))
        #expect(e.message.hasPrefix("mismatched input '<EOF>'"))
    }

    @Test func queryErrorsInsideParenthesesAreReportedWhereTheyAre() throws {
        let e = try #require(error("SELECT (SELECT a FORM t)"))
        #expect(e.column == 23)
    }

    @Test func doubleQuotedWordIsAnIdentifierNotAString() throws {
        let statement = try parseStatement("SELECT * FROM t WHERE x = \"POSITIVE\"")
        guard case .query(let q) = statement.kind, case .select(let s) = q.body,
              case .binary(_, _, let right)? = s.whereClause?.kind, case .identifier(let id) = right.kind
        else { Issue.record("shape"); return }
        #expect(id.quoting == .doubleQuoted)
    }
}
