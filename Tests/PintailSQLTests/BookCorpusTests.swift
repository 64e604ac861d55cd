import Testing
@testable import PintailSQL

/// The SQL our users type: the book's Athena statements.
@Suite struct BookCorpusTests {
    /// Blocks separated by blank lines, each `(header comment, SQL)`.
    static func blocks(_ text: String) -> [(header: String, sql: String)] {
        var result: [(String, String)] = []
        for block in text.split(separator: "\n\n") {
            let lines = block.split(separator: "\n")
            guard let header = lines.first(where: { $0.hasPrefix("-- [book line") }) else { continue }
            let sql = lines.filter { !$0.hasPrefix("--") }.joined(separator: "\n")
            result.append((String(header), sql))
        }
        return result
    }

    @Test func everyStatementOfTheAthenaBookFileParses() throws {
        let sql = try #require(readText(Paths.shared + "/examples/book-athena.sql"))
        let statements = mustParse(sql)
        #expect(statements.count == 21)
        let kinds = statements.map { "\($0.kind)".prefix(while: { $0 != "(" }) }
        #expect(kinds.filter { $0 == "query" }.count == 15)
        #expect(kinds.filter { $0 == "createTableAsSelect" }.count == 1)
        // Each statement's range slices out its own text.
        let utf8 = Array(sql.utf8)
        for statement in statements {
            let text = String(decoding: utf8[statement.range.offsets], as: UTF8.self)
            #expect(try parseStatement(text) == statement)
        }
    }

    @Test func commentedOutUDFBlocksParse() throws {
        let text = try #require(readText(Paths.shared + "/examples/book-athena.sql"))
        let tail = try #require(text.split(separator: "---------- 6.").last)
        var parsed = 0
        for block in tail.split(separator: "\n\n").dropFirst() {
            let lines = block.split(separator: "\n").filter { !$0.hasPrefix("-- [") }
            let sql = lines.map { line -> Substring in
                if line.hasPrefix("-- ") { return line.dropFirst(3) }
                return line.hasPrefix("--") ? line.dropFirst(2) : line
            }.joined(separator: "\n")
            for statement in mustParse(sql) {
                parsed += 1
                if case .queryWithFunctions(let functions, _) = statement.kind {
                    #expect(functions.count == 1)
                }
            }
        }
        #expect(parsed == 4)
    }

    /// Book statements that are not valid SQL as printed (placeholders, Python line continuations, an unbalanced
    /// quote) must fail with a clear error at the defect; book-athena.sql holds their repaired forms.
    static let knownBookDefects: [String: String] = [
        "[book line 3338]": "unterminated string literal",
        "[book line 3428]": "unexpected character '\\'",
        "[book line 4137]": "unexpected character '{'",
        "[book line 5318]": "unexpected character '{'",
    ]

    @Test func everyAthenaStatementOfTheFullCorpusParses() throws {
        let text = try #require(readText(Paths.shared + "/examples/book-all-dialects.sql"))
        let athena = Self.blocks(text).filter { $0.header.contains("[dialect: athena]") }
        #expect(athena.count == 21)
        for (header, sql) in athena {
            let defect = Self.knownBookDefects.first { header.contains($0.key) }?.value
            do {
                let statements = try parse(sql)
                #expect(defect == nil, "\(header) should fail: \(defect ?? "")")
                #expect(statements.count == 1, "\(header)")
            } catch {
                #expect(defect != nil && error.message == defect, "\(header)\n\(error.rendered(in: sql))")
            }
        }
    }

    @Test func bookUDFQueryKeepsTheQuotedIdentifierFlag() throws {
        let sql = """
            USING FUNCTION predict_sentiment(review_body VARCHAR(65535))
            RETURNS VARCHAR(10) TYPE SAGEMAKER_INVOKE_ENDPOINT WITH (sagemaker_endpoint = '<ENDPOINT_NAME>')
            SELECT predict_sentiment(review_body) AS sentiment FROM "dsoaws"."amazon_reviews_tsv"
            WHERE predict_sentiment(review_body)="POSITIVE"
            """
        let statement = try parseStatement(sql)
        guard case .queryWithFunctions(let functions, let query) = statement.kind,
              case .select(let select) = query.body,
              case .binary(.equal, _, let right)? = select.whereClause?.kind,
              case .identifier(let positive) = right.kind
        else {
            Issue.record("unexpected shape: \(statement.kind)")
            return
        }
        #expect(positive.quoting == .doubleQuoted)
        #expect(positive.original == "POSITIVE")
        #expect(positive.value == "positive")
        #expect(right.location.line == 4)
        #expect(functions[0].returnType == TypeSyntax(name: "varchar", parameters: [10]))
        #expect(functions[0].implementation == .sagemakerInvokeEndpoint)
        #expect(functions[0].properties.first?.name.value == "sagemaker_endpoint")
    }
}
