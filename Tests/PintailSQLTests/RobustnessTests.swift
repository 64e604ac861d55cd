import Testing
@testable import PintailSQL

/// The parser must only succeed or throw: never crash, hang or recurse without bound.
@Suite struct RobustnessTests {
    /// SplitMix64: deterministic so failures reproduce.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { n <= 0 ? 0 : Int(next() % UInt64(n)) }
    }

    static let fragments = [
        "(", ")", ",", "'", "\"", "`", "--", "/*", "*/", ";", "SELECT", "FROM", "WHERE", "AND", "NOT", "CASE", "END",
        "[", "]", "->", "ARRAY", "ROW", "CAST", "AS", "x", "1", "1e", ".", "*", "OVER", "(SELECT", "UNION", "WITH",
        "PARTITION", "<", ">", "map<", "X'", "\\", "é", "\u{0}",
    ]

    @Test func mutatedStatementsOnlySucceedOrThrow() throws {
        var seeds: [String] = []
        for file in listDirectory(Paths.grammar + "/examples/valid") where file.hasSuffix(".sql") {
            let text = try #require(readText(Paths.grammar + "/examples/valid/" + file))
            for statement in try parse(text) {
                seeds.append(String(decoding: Array(text.utf8)[statement.range.offsets], as: UTF8.self))
            }
        }
        var random = Random(state: 42)
        var outcomes = (parsed: 0, failed: 0)
        for _ in 0..<3000 {
            var scalars = Array(seeds[random.below(seeds.count)].unicodeScalars)
            for _ in 0...random.below(3) {
                let at = random.below(scalars.count + 1)
                switch random.below(4) {
                case 0: if at < scalars.count { scalars.remove(at: at) }
                case 1: scalars.insert(contentsOf: Self.fragments[random.below(Self.fragments.count)].unicodeScalars, at: at)
                case 2: scalars = Array(scalars.prefix(at))
                default:
                    let other = random.below(scalars.count + 1)
                    if at < scalars.count, other < scalars.count { scalars.swapAt(at, other) }
                }
            }
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars)
            do {
                let statements = try parse(text)
                outcomes.parsed += 1
                // Whatever parses must print back to SQL that parses to the same tree.
                for statement in statements {
                    let printed = SQLPrinter.statement(statement)
                    let reparsed = try? parseStatement(printed)
                    #expect(reparsed == statement, "round trip of \(text)\nprinted: \(printed)")
                }
            } catch {
                outcomes.failed += 1
                #expect(error.line >= 1 && error.column >= 1 && error.offset <= text.utf8.count)
                _ = error.rendered(in: text)
            }
        }
        #expect(outcomes.parsed > 0 && outcomes.failed > 0)
    }

    @Test func deepNestingThrowsInsteadOfOverflowing() {
        for opener in ["(", "ARRAY[", "NOT ", "- ", "(SELECT ", "CAST(", "f(", "CASE WHEN "] {
            let sql = "SELECT " + String(repeating: opener, count: 20_000) + "1"
            #expect(throws: SQLSyntaxError.self, "\(opener)") { try parse(sql) }
        }
        let nestedFrom = String(repeating: "SELECT * FROM (", count: 5_000) + "SELECT 1"
        #expect(throws: SQLSyntaxError.self) { try parse(nestedFrom) }
        let type = "CREATE TABLE t (a " + String(repeating: "array<", count: 5_000) + "int"
        #expect(throws: SQLSyntaxError.self) { try parse(type) }
    }

    @Test func reasonableNestingParses() throws {
        let sql = "SELECT " + String(repeating: "(", count: 90) + "1" + String(repeating: ")", count: 90)
        #expect(try parse(sql).count == 1)
        var query = "SELECT 1"
        for i in 0..<30 { query = "SELECT * FROM (\(query)) AS t\(i)" }
        #expect(try parse(query).count == 1)
    }

    @Test func longOperatorChainsAreBounded() throws {
        let fine = "SELECT " + Array(repeating: "1", count: 900).joined(separator: " + ")
        #expect(try parse(fine).count == 1)
        let tooLong = "SELECT " + Array(repeating: "a", count: 50_000).joined(separator: " OR ")
        #expect(throws: SQLSyntaxError.self) { try parse(tooLong) }
    }
}
