import Testing
@testable import pintail_datagen

/// The generator's faster draws must be the same draws: the rows of a seed may not change.
@Suite struct GeneratorDrawTests {
    @Test func fixedDivisorRemaindersEqualTheDivisionInstructions() {
        var random = SplitMix(seed: 7)
        let divisors = [1, 2, 3, 5, 7, 10, 13, 36, 1296, 4_294_967_291, 1 << 20, 89_999_999] + (0..<200).map { _ in
            Int(random.next() % 100_000) + 1
        }
        for d in divisors {
            let fixed = FixedDivisor(d)
            let edges: [UInt64] = [0, 1, UInt64(d) - 1, UInt64(d), UInt64(d) + 1, UInt64.max >> 1, UInt64.max,
                                   UInt64.max - 1, UInt64(d) * 1_000_003]
            for x in edges { #expect(fixed.remainder(x) == x % UInt64(d), "\(x) % \(d)") }
            for _ in 0..<2_000 {
                let x = random.next()
                #expect(fixed.remainder(x) == x % UInt64(d), "\(x) % \(d)")
            }
        }
    }

    @Test func drawingFromAFixedDivisorIsTheSameStream() {
        var a = SplitMix(seed: 42, stream: 3), b = SplitMix(seed: 42, stream: 3)
        let fixed = FixedDivisor(13)
        for _ in 0..<10_000 { #expect(a.below(13) == b.below(fixed)) }
    }

    /// Sentence by sentence, the expanded table gives the template's text and leaves the stream where the
    /// template's own expansion leaves it.
    @Test func sentenceTablesMatchTemplateExpansion() {
        let nouns = WordPool(["kettle", "lamp", "mug", "toaster", "fan"])
        let templateSets = [ReviewVocabulary.negativeTemplates, ReviewVocabulary.mixedTemplates,
                            ReviewVocabulary.positiveTemplates, ReviewVocabulary.fillerTemplates,
                            SentenceTemplates(["{A} and {n} then {a} or {n}. ", "No words at all. ", "{n}"])]
        for templates in templateSets {
            for words in ReviewVocabulary.sentimentWords {
                let table = SentenceTable(templates, nouns: nouns, words: words)
                var expected = GrowableBuffer<UInt8>(), actual = GrowableBuffer<UInt8>()
                defer { expected.deallocate(); actual.deallocate() }
                var r1 = SplitMix(seed: 9), r2 = SplitMix(seed: 9)
                for _ in 0..<3_000 {
                    // The generator's original draws: the template, then each noun and word it names, in order.
                    let template = r1.below(templates.count)
                    templates.append(template, nouns: nouns, words: words, to: &expected) { r1.below($0) }
                    table.appendRandom(&r2, to: &actual)
                }
                #expect(Array(expected.buffer) == Array(actual.buffer))
                #expect(r1.next() == r2.next())
            }
        }
    }
}
