/// Every sentence that a template set can make from one noun pool and one word pool, expanded once per work unit
/// (a few thousand short sentences). Drawing a sentence makes the same random draws, in the same order, as
/// drawing the template, then each noun and word it names, piece by piece, so the rows stay the same; the text then
/// comes from one copy instead of a copy per piece.
struct SentenceTable: @unchecked Sendable {
    /// One per template: where its sentences start, and its draws' range in `draws`.
    private struct Plan {
        var firstSentence: Int32
        var firstDraw: Int32
        var drawCount: Int32
    }

    /// One per noun or word a template draws, in the template's order: the pool's size and the stride of the draw
    /// in the template's sentence index (the first draw is the most significant digit).
    private struct Draw {
        var pool: FixedDivisor
        var stride: Int32
    }

    /// Frees the buffers when the last copy of the table goes away; the hot path reads only the raw pointers.
    private final class Storage {
        let bytes: UnsafeMutablePointer<UInt8>
        let offsets: UnsafeMutablePointer<Int32>
        let plans: UnsafeMutablePointer<Plan>
        let draws: UnsafeMutablePointer<Draw>

        init(bytes: UnsafeMutablePointer<UInt8>, offsets: UnsafeMutablePointer<Int32>, plans: UnsafeMutablePointer<Plan>,
             draws: UnsafeMutablePointer<Draw>) {
            self.bytes = bytes
            self.offsets = offsets
            self.plans = plans
            self.draws = draws
        }

        deinit {
            bytes.deallocate()
            offsets.deallocate()
            plans.deallocate()
            draws.deallocate()
        }
    }

    private let storage: Storage
    private let bytes: UnsafeMutablePointer<UInt8>
    private let offsets: UnsafeMutablePointer<Int32>
    private let plans: UnsafeMutablePointer<Plan>
    private let draws: UnsafeMutablePointer<Draw>
    private let templateCount: FixedDivisor
    /// The number of sentences (for tests).
    let count: Int

    init(_ templates: SentenceTemplates, nouns: WordPool, words: WordPool) {
        var text = GrowableBuffer<UInt8>(capacity: 1 << 12)
        var ends: [Int32] = [0]
        var planList: [Plan] = []
        var drawList: [Draw] = []
        for t in 0..<templates.count {
            let codes = templates.codes(of: t)
            let pools = codes.filter { $0 < 0 }.map { $0 == -1 ? nouns : words }
            var stride = 1
            var templateDraws: [Draw] = []
            for pool in pools.reversed() {
                templateDraws.insert(Draw(pool: FixedDivisor(pool.count), stride: Int32(stride)), at: 0)
                stride *= max(1, pool.count)
            }
            planList.append(Plan(firstSentence: Int32(ends.count - 1), firstDraw: Int32(drawList.count),
                                 drawCount: Int32(templateDraws.count)))
            drawList += templateDraws
            // Sentence i draws digit (i / stride) % count from each pool in turn.
            for sentence in 0..<stride {
                var drawIndex = 0
                templates.append(t, nouns: nouns, words: words, to: &text) { poolCount in
                    defer { drawIndex += 1 }
                    return sentence / Int(templateDraws[drawIndex].stride) % max(1, poolCount)
                }
                ends.append(Int32(text.count))
            }
        }
        count = ends.count - 1
        bytes = .allocate(capacity: text.count + GrowableBuffer<UInt8>.slack)
        bytes.initialize(repeating: 0, count: text.count + GrowableBuffer<UInt8>.slack)
        bytes.update(from: text.base, count: text.count)
        text.deallocate()
        offsets = .allocate(capacity: ends.count)
        offsets.initialize(from: ends, count: ends.count)
        plans = .allocate(capacity: max(1, planList.count))
        plans.initialize(from: planList, count: planList.count)
        draws = .allocate(capacity: max(1, drawList.count))
        draws.initialize(from: drawList, count: drawList.count)
        storage = Storage(bytes: bytes, offsets: offsets, plans: plans, draws: draws)
        templateCount = FixedDivisor(templates.count)
    }

    /// Appends a random sentence: the template first, then its nouns and words in order, as the template would.
    @inline(__always)
    func appendRandom(_ random: inout SplitMix, to out: inout GrowableBuffer<UInt8>) {
        let plan = plans[random.below(templateCount)]
        var sentence = Int(plan.firstSentence)
        var d = Int(plan.firstDraw)
        let end = d + Int(plan.drawCount)
        while d < end {
            let draw = draws[d]
            sentence += random.below(draw.pool) * Int(draw.stride)
            d += 1
        }
        let start = Int(offsets[sentence])
        out.appendShort(bytes + start, count: Int(offsets[sentence + 1]) - start)
    }
}
