import Foundation
import Testing
@testable import pintail_datagen

/// The generator's table-driven draws: samplers keep their probabilities, powers stay close to `pow`, and a drawn
/// sentence is the template's own expansion.
@Suite struct GeneratorDrawTests {
    @Test func samplerThresholdsKeepTheWeightsAndDrawsFollowThem() {
        let rows: [[Double]] = [[0.5, 0.3, 0.2, 0], [0, 0, 0, 1], [1e-9, 1, 1, 1e-9], [0.25, 0.25, 0.25, 0.25]]
        let sampler = DiscreteSampler(rows: rows)
        for (r, weights) in rows.enumerated() {
            let total = weights.reduce(0, +)
            for k in 0..<4 { #expect(abs(sampler.probability(k, row: r) - weights[k] / total) < 1e-9, "row \(r) k \(k)") }
        }
        // Every 32-bit value at the edges lands on an outcome with a positive weight.
        for r in rows.indices {
            for bits: UInt64 in [0, 1, 0xFFFF_FFFF, 0x8000_0000, 0x7FFF_FFFF, 0xFF00_0000, 0x00FF_FFFF] {
                #expect(rows[r][sampler.sample(bits, row: r)] > 0, "row \(r) bits \(bits)")
            }
        }
        var random = SplitMix(seed: 3)
        var counts = [0, 0, 0, 0]
        for _ in 0..<200_000 { counts[sampler.sample(random.next())] += 1 }
        #expect(counts[3] == 0)
        for k in 0..<3 { #expect(abs(Double(counts[k]) / 200_000 - rows[0][k]) < 0.005, "\(counts)") }
    }

    @Test func sentenceCountsAreTheLogNormalOnesTheGeneratorDescribes() {
        let weights = ReviewGenerator.sentenceCountWeights()
        #expect(weights.count == 80)
        #expect(abs(weights.reduce(0, +) - 1) < 1e-9)
        // P(floor(exp(0.9 + 0.85 z)) <= 2) = P(z < (ln 3 - 0.9) / 0.85), checked against a simulation with libm.
        var random = SplitMix(seed: 5)
        var atMostTwo = 0
        for _ in 0..<100_000 {
            let z = (-2 * log(1 - random.unit())).squareRoot() * cos(2 * Double.pi * random.unit())
            if Int(exp(0.9 + 0.85 * z)) <= 2 { atMostTwo += 1 }
        }
        #expect(abs(weights[0] + weights[1] - Double(atMostTwo) / 100_000) < 0.01)
    }

    @Test func fixedPowersStayCloseToPow() {
        var random = SplitMix(seed: 11)
        for exponent in [1 / (1 - 1.15), 1 / (1 - 1.05), -1 / 1.15, 0.4, 2.5] {
            let power = FixedPower(exponent: exponent)
            let edges = [1.0, 0.5, 0.077, 2.0.squareRoot(), 1e-12, 0x1.0p-48, 1 - 0x1.0p-53, 1000.0]
            for x in edges + (0..<5_000).map({ _ in random.unit() + 1e-9 }) {
                let want = pow(x, exponent)
                #expect(abs(power(x) - want) <= 1e-4 * want, "\(x)^\(exponent): \(power(x)) vs \(want)")
            }
        }
    }

    /// Each (set, template, combination) is the template expanded with that combination's nouns and words, and a
    /// draw's bits pick templates and combinations evenly.
    @Test func sentenceBankHoldsEveryTemplateExpansion() {
        let nouns = WordPool(["kettle", "lamp", "mug", "toaster", "fan"])
        let sources = [(ReviewVocabulary.negativeTemplates, nouns, ReviewVocabulary.sentimentWords[0]),
                       (ReviewVocabulary.positiveTemplates, nouns, ReviewVocabulary.sentimentWords[4]),
                       (ReviewVocabulary.fillerTemplates, nouns, nouns),
                       (SentenceTemplates(["{A} and {n} then {a} or {n}. ", "No words at all. ", "{n}"]), nouns,
                        ReviewVocabulary.sentimentWords[2])]
        let bank = SentenceBank(sources)
        var total = 0
        for (set, source) in sources.enumerated() {
            let (templates, nouns, words) = source
            for t in 0..<templates.count {
                let sizes = templates.codes(of: t).filter { $0 < 0 }.map { $0 == -1 ? nouns.count : words.count }
                let combinations = sizes.reduce(1, *)
                total += combinations
                for combination in 0..<combinations {
                    var expected = GrowableBuffer<UInt8>()
                    defer { expected.deallocate() }
                    var digits = SentenceBank.digits(of: combination, sizes: sizes).makeIterator()
                    templates.append(t, nouns: nouns, words: words, to: &expected) { _ in digits.next()! }
                    #expect(bank.text(set: set, template: t, combination: combination) == Array(expected.buffer))
                }
            }
        }
        #expect(bank.count == total)
        // The filler set has 8 templates: 16 random bits pick each about an eighth of the time.
        var random = SplitMix(seed: 1)
        var picks: [Int: Int] = [:]
        for _ in 0..<80_000 { picks[bank.sentence(set: 2, bits: random.next() & 0xFFFF_FFFF), default: 0] += 1 }
        #expect(picks.count >= 8)
        let firstTemplate = picks.filter { $0.key == bank.sentence(set: 2, bits: 0) }.values.first ?? 0
        #expect(firstTemplate > 9_000 && firstTemplate < 11_000, "\(firstTemplate)")
    }
}
