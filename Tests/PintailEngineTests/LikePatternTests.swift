import Testing

@testable import PintailExecution

/// LIKE patterns take shape-specific paths (exact, prefix, suffix, contains, literals separated by `%`); each must
/// agree with a plain dynamic-programming matcher on every pattern and string over a small alphabet.
@Suite struct LikePatternTests {
    /// Reference: `%` matches any run of bytes, `_` one byte (the inputs here are ASCII), anything else itself.
    static func reference(_ s: [UInt8], _ p: [UInt8]) -> Bool {
        var row = [Bool](repeating: false, count: s.count + 1)
        row[0] = true
        for c in p {
            var next = [Bool](repeating: false, count: s.count + 1)
            for i in 0...s.count {
                if c == UInt8(ascii: "%") { next[i] = row[i] || (i > 0 && next[i - 1]) }
                else if i > 0, row[i - 1], c == UInt8(ascii: "_") || s[i - 1] == c { next[i] = true }
            }
            row = next
        }
        return row[s.count]
    }

    @Test func everyShapeAgreesWithTheReference() throws {
        var random = Lcg(state: 7)
        let alphabet: [UInt8] = Array("ab%".utf8)
        var piecesSeen = 0
        for _ in 0..<3000 {
            let pattern = (0..<random.next(8)).map { _ in random.next(9) == 0 ? UInt8(ascii: "_") : alphabet[random.next(3)] }
            let compiled = try Like.Pattern(pattern, escape: nil)
            if case .pieces = compiled.shape { piecesSeen += 1 }
            for _ in 0..<20 {
                let text = (0..<random.next(10)).map { _ in UInt8(ascii: "a") + UInt8(random.next(3)) }
                #expect(compiled.matches(text) == Self.reference(text, pattern),
                        "'\(String(decoding: text, as: UTF8.self))' LIKE '\(String(decoding: pattern, as: UTF8.self))'")
            }
        }
        #expect(piecesSeen > 500)
    }

    @Test func piecesDoNotOverlapTheAnchoredEnds() throws {
        let cases: [(String, String, Bool)] = [
            ("aba", "ab%ba", false), ("abba", "ab%ba", true), ("special requests", "%special%requests%", true),
            ("requests special", "%special%requests%", false), ("abc", "a%b%c", true), ("ac", "a%b%c", false),
            ("xaybz", "%a%b%", true), ("", "%a%", false), ("aa", "a%a", true), ("a", "a%a", false),
        ]
        for (text, pattern, expected) in cases {
            #expect(try Like.Pattern(Array(pattern.utf8), escape: nil).matches(Array(text.utf8)) == expected, "\(text) LIKE \(pattern)")
        }
    }
}
