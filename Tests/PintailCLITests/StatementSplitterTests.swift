import Testing

@testable import PintailCLI

@Suite struct StatementSplitterTests {
    @Test func splitsAtSemicolons() {
        let split = StatementSplitter.split("SELECT 1; SELECT 2;\nSELECT")
        #expect(split.statements == ["SELECT 1;", " SELECT 2;"])
        #expect(split.remainder == "\nSELECT")
    }

    @Test func semicolonsInsideStringsIdentifiersAndCommentsDoNotEndAStatement() {
        let text = "SELECT 'a;''b', \"x;\"\"y\", `c;d` -- no; end\n/* still; not */ FROM t"
        let split = StatementSplitter.split(text)
        #expect(split.statements.isEmpty)
        #expect(split.remainder == text)
        #expect(StatementSplitter.split(text + ";").statements == [text + ";"])
    }

    @Test func unterminatedStringSwallowsTheRest() {
        let split = StatementSplitter.split("SELECT 'abc; def")
        #expect(split.statements.isEmpty)
    }

    @Test func blankStatementsAreDropped() {
        let split = StatementSplitter.split(";; -- note\n; SELECT 1;")
        #expect(split.statements == [" SELECT 1;"])
        #expect(split.remainder == "")
    }

    @Test func blankText() {
        #expect(StatementSplitter.isBlank("  \n\t-- comment\n/* block */ "))
        #expect(!StatementSplitter.isBlank("/* open comment"))
        #expect(!StatementSplitter.isBlank(" x"))
        #expect(StatementSplitter.isBlank(""))
    }
}
