import Testing
@testable import PintailSQL

/// Grammar/ is the source of truth: the lexer, the parser's rule tags and the examples must agree with it.
@Suite struct ConformanceTests {
    /// Words of a `[section]` in keywords.txt, lower-cased.
    static func keywords(section: String) throws -> Set<String> {
        let text = try #require(readText(Paths.grammar + "/keywords.txt"))
        var current = ""
        var words: Set<String> = []
        for raw in text.split(separator: "\n") {
            let line = raw.trimmingSpaces
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("[") { current = line; continue }
            if current == "[\(section)]" { words.insert(line.lowercased()) }
        }
        return words
    }

    @Test func keywordTableEqualsKeywordsFile() throws {
        #expect(try Self.keywords(section: "reserved") == Keywords.reserved)
        #expect(try Self.keywords(section: "non-reserved") == Keywords.nonReserved)
        #expect(Keywords.reserved.isDisjoint(with: Keywords.nonReserved))
    }

    /// Rule names defined (`name ::=` at a line start) in the EBNF files, and every quoted keyword they use.
    static func grammarRules() -> (rules: Set<String>, keywords: Set<String>) {
        var rules: Set<String> = []
        var keywords: Set<String> = []
        for file in listDirectory(Paths.grammar) where file.hasSuffix(".ebnf") {
            guard let text = readText(Paths.grammar + "/" + file) else { continue }
            for line in text.split(separator: "\n") {
                let words = line.split(separator: " ")
                if words.count >= 2, words[1] == "::=", let first = line.first, first.isLetter { rules.insert(String(words[0])) }
            }
            var inQuote = false
            var word = ""
            for ch in withoutComments(text) {
                if ch == "'" {
                    if inQuote, !word.isEmpty, word.allSatisfy({ $0.isUppercase || $0 == "_" }) { keywords.insert(word.lowercased()) }
                    inQuote.toggle()
                    word = ""
                } else if inQuote {
                    word.append(ch)
                }
            }
        }
        return (rules, keywords)
    }

    /// `/// Grammar: name` tags in the parser sources.
    static func parserTags() -> Set<String> {
        var tags: Set<String> = []
        for file in listDirectory(Paths.repository + "/Sources/PintailSQL/Parser") + ["../PintailSQL.swift"] {
            guard let text = readText(Paths.repository + "/Sources/PintailSQL/Parser/" + file) else { continue }
            for line in text.split(separator: "\n") {
                let trimmed = line.trimmingSpaces
                if trimmed.hasPrefix("/// Grammar: ") { tags.insert(String(trimmed.dropFirst("/// Grammar: ".count))) }
            }
        }
        return tags
    }

    @Test func everyGrammarRuleHasAParserFunctionAndTheReverse() {
        let rules = Self.grammarRules().rules
        let tags = Self.parserTags()
        #expect(rules.count > 50)
        #expect(rules.subtracting(tags).sorted() == [], "rules without a parser function")
        #expect(tags.subtracting(rules).sorted() == [], "parser tags without a rule")
    }

    @Test func everyGrammarKeywordIsInTheKeywordTable() {
        let missing = Self.grammarRules().keywords.filter { !Keywords.isKeyword($0) }
        #expect(missing.sorted() == [])
    }

    /// Keywords the parser matches by name (`at("...")`, `accept("...")`, ...) must be in the table too.
    @Test func everyKeywordTheParserMatchesIsInTheKeywordTable() {
        let functionNames: Set<String> = ["count"]
        var missing: Set<String> = []
        let directory = Paths.repository + "/Sources/PintailSQL/Parser/"
        for file in listDirectory(directory) where file.hasSuffix(".swift") {
            guard let text = readText(directory + file) else { continue }
            for call in ["at(\"", "accept(\"", "expect(\"", "peekIs(\"", "acceptQuietly(\""] {
                for piece in text.split(separator: call).dropFirst() {
                    let word = String(piece.prefix(while: { $0 != "\"" }))
                    if !Keywords.isKeyword(word), !functionNames.contains(word) { missing.insert(word) }
                }
            }
        }
        #expect(missing.sorted() == [])
    }

    @Test func validExamplesParseAndRoundTrip() throws {
        let directory = Paths.grammar + "/examples/valid"
        let files = listDirectory(directory).filter { $0.hasSuffix(".sql") }
        #expect(files.count >= 10)
        var total = 0
        for file in files {
            let sql = try #require(readText(directory + "/" + file))
            let statements = mustParse(sql)
            #expect(!statements.isEmpty, "\(file)")
            for statement in statements {
                total += 1
                let printed = SQLPrinter.statement(statement)
                do {
                    let reparsed = try parseStatement(printed)
                    #expect(reparsed == statement, "\(file): round trip changed the tree\n\(printed)")
                    #expect(SQLPrinter.statement(reparsed) == printed, "\(file): printing is not stable")
                } catch {
                    Issue.record("\(file): printed SQL does not parse: \(error.rendered(in: printed))")
                }
            }
        }
        #expect(total >= 100)
    }

    /// `-- error: L:C: message` on the first line; positions are in the text after that line.
    @Test func invalidExamplesFailWhereMarked() throws {
        let directory = Paths.grammar + "/examples/invalid"
        let files = listDirectory(directory).filter { $0.hasSuffix(".sql") }
        #expect(files.count >= 25)
        for file in files {
            let text = try #require(readText(directory + "/" + file))
            let lines = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
            let marker = String(lines[0])
            guard marker.hasPrefix("-- error: "), lines.count == 2 else {
                Issue.record("\(file): first line must be `-- error: L:C: message`")
                continue
            }
            let expected = marker.dropFirst("-- error: ".count)
            let sql = String(lines[1])
            do {
                _ = try parse(sql)
                Issue.record("\(file): parsed but should fail with \(expected)")
            } catch {
                let actual = "\(error.line):\(error.column): \(error.message)"
                #expect(actual.hasPrefix(expected), "\(file)\nexpected: \(expected)\nactual:   \(actual)")
            }
        }
    }
}

/// EBNF text with `/* ... */` comments removed.
func withoutComments(_ text: String) -> String {
    var out = ""
    var rest = Substring(text)
    while let open = rest.firstRange(of: "/*") {
        out += rest[..<open.lowerBound]
        guard let close = rest[open.upperBound...].firstRange(of: "*/") else { return out }
        rest = rest[close.upperBound...]
    }
    return out + rest
}

extension Substring {
    var trimmingSpaces: String {
        String(drop(while: { $0 == " " || $0 == "\t" || $0 == "\r" }).reversed().drop(while: { $0 == " " || $0 == "\t" || $0 == "\r" }).reversed())
    }
}
