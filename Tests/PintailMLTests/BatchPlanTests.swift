import Testing
@testable import PintailML

/// How TextClassifier splits a call into mini-batches for its workers.
@Suite struct BatchPlanTests {
    func sequences(_ lengths: [Int]) -> [[Int32]] { lengths.map { Array(repeating: 7, count: $0) } }

    func check(_ lengths: [Int], tokensPerBatch: Int, workers: Int) -> [[Int]] {
        let input = sequences(lengths)
        let batches = TextClassifier.plan(input, tokensPerBatch: tokensPerBatch, workers: workers)
        #expect(batches.joined().sorted() == Array(input.indices), "every sequence exactly once")
        for batch in batches {
            #expect(batch.reduce(0) { $0 + lengths[$1] } <= tokensPerBatch)
        }
        let longestFirst = batches.map { $0.map { lengths[$0] } }.joined()
        #expect(Array(longestFirst) == lengths.sorted(by: >))
        return batches
    }

    @Test func equalSequencesFillEvenRoundsForEveryWorker() {
        let batches = check(Array(repeating: 64, count: 512), tokensPerBatch: 2048, workers: 2)
        #expect(batches.count % 2 == 0)
        let sizes = batches.map(\.count)
        #expect((sizes.max() ?? 0) - (sizes.min() ?? 0) <= 1)
    }

    @Test func mixedLengthsEndWithoutAHalfEmptyBatch() {
        // Lengths like real review sentences: many short, a few up to 128.
        let lengths = (0..<1000).map { 5 + ($0 * 37) % 60 + ($0 % 50 == 0 ? 60 : 0) }
        let batches = check(lengths, tokensPerBatch: 2048, workers: 2)
        #expect(batches.count % 2 == 0)
        let tokens = batches.map { $0.reduce(0) { $0 + lengths[$1] } }
        #expect(Double(tokens.min() ?? 0) > 0.9 * Double(tokens.max() ?? 0))
    }

    @Test func smallCallsStillUseEveryWorker() {
        #expect(check([12, 30, 7, 9], tokensPerBatch: 2048, workers: 2).count == 2)
        #expect(check([12], tokensPerBatch: 2048, workers: 4).count == 1)
        #expect(check([12, 30, 7], tokensPerBatch: 2048, workers: 4).count == 3)
        #expect(check([], tokensPerBatch: 2048, workers: 2).isEmpty)
    }

    @Test func aBoundAsSmallAsTheLongestSequenceGivesOneSequencePerBatch() {
        let batches = check([128, 3, 90, 128, 1], tokensPerBatch: 128, workers: 1)
        #expect(batches.allSatisfy { $0.count == 1 })
        #expect(check([128, 128, 1], tokensPerBatch: 128, workers: 2).count == 3)
    }
}
