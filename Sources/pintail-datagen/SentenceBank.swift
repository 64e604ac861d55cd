/// Every sentence that a few template sets can make from their noun and word pools, expanded once per work unit
/// (a few thousand short sentences in one buffer). A draw names a set, then a template and a combination of its
/// nouns and words, each uniformly, from one 64-bit random value, and copies one sentence.
struct SentenceBank: @unchecked Sendable {
    /// One per template: its first sentence and how many it makes (the product of its pools' sizes).
    private struct Template {
        var firstSentence: Int32
        var sentenceCount: Int32
    }

    /// Frees the buffers when the last copy of the bank goes away; the hot path reads only the raw pointers.
    private final class Storage {
        let bytes: UnsafeMutablePointer<UInt8>
        let ends: UnsafeMutablePointer<Int32>
        let templates: UnsafeMutablePointer<Template>
        let sets: UnsafeMutablePointer<Int32>

        init(bytes: UnsafeMutablePointer<UInt8>, ends: UnsafeMutablePointer<Int32>,
             templates: UnsafeMutablePointer<Template>, sets: UnsafeMutablePointer<Int32>) {
            self.bytes = bytes
            self.ends = ends
            self.templates = templates
            self.sets = sets
        }

        deinit {
            bytes.deallocate()
            ends.deallocate()
            templates.deallocate()
            sets.deallocate()
        }
    }

    private let storage: Storage
    private let bytes: UnsafeMutablePointer<UInt8>
    /// Sentence i is bytes[ends[i]..<ends[i + 1]].
    private let ends: UnsafeMutablePointer<Int32>
    private let templates: UnsafeMutablePointer<Template>
    /// Set s has templates sets[s]..<sets[s + 1].
    private let sets: UnsafeMutablePointer<Int32>
    /// The number of sentences (for tests).
    let count: Int

    /// One set per entry: its templates, the nouns `{n}` names and the words `{a}` and `{A}` name.
    init(_ sources: [(templates: SentenceTemplates, nouns: WordPool, words: WordPool)]) {
        var text = GrowableBuffer<UInt8>(capacity: 1 << 14)
        var endList: [Int32] = [0]
        var templateList: [Template] = []
        var setList: [Int32] = [0]
        for source in sources {
            let templates = source.templates
            for t in 0..<templates.count {
                let sizes = templates.codes(of: t).filter { $0 < 0 }
                    .map { max(1, $0 == -1 ? source.nouns.count : source.words.count) }
                let sentences = sizes.reduce(1, *)
                templateList.append(Template(firstSentence: Int32(endList.count - 1), sentenceCount: Int32(sentences)))
                for combination in 0..<sentences {
                    var digits = Self.digits(of: combination, sizes: sizes).makeIterator()
                    templates.append(t, nouns: source.nouns, words: source.words, to: &text) { _ in digits.next()! }
                    endList.append(Int32(text.count))
                }
            }
            setList.append(Int32(templateList.count))
        }
        count = endList.count - 1
        bytes = .allocate(capacity: text.count + GrowableBuffer<UInt8>.slack)
        bytes.initialize(repeating: 0, count: text.count + GrowableBuffer<UInt8>.slack)
        bytes.update(from: text.base, count: text.count)
        text.deallocate()
        ends = .allocate(capacity: endList.count)
        ends.initialize(from: endList, count: endList.count)
        templates = .allocate(capacity: max(1, templateList.count))
        templates.initialize(from: templateList, count: templateList.count)
        sets = .allocate(capacity: setList.count)
        sets.initialize(from: setList, count: setList.count)
        storage = Storage(bytes: bytes, ends: ends, templates: templates, sets: sets)
    }

    /// The pool indices of combination `n` of pools of `sizes`, the first pool the most significant digit.
    static func digits(of n: Int, sizes: [Int]) -> [Int] {
        var rest = n
        var digits = [Int](repeating: 0, count: sizes.count)
        for i in sizes.indices.reversed() {
            digits[i] = rest % sizes[i]
            rest /= sizes[i]
        }
        return digits
    }

    /// The sentence that 32 random bits pick in set `set`: the low 16 choose the template, the high 16 the
    /// combination (multiply and shift: a few hundred choices at most, so the bias is negligible).
    @inline(__always)
    func sentence(set: Int, bits: UInt64) -> Int {
        let first = Int(sets[set]), templateCount = Int(sets[set + 1]) - first
        let template = templates[first + Int(((bits & 0xFFFF) &* UInt64(templateCount)) >> 16)]
        return Int(template.firstSentence) + Int((((bits >> 16) & 0xFFFF) &* UInt64(template.sentenceCount)) >> 16)
    }

    /// Appends the sentence that `bits` picks in set `set` (see `sentence(set:bits:)`).
    @inline(__always)
    func append(set: Int, bits: UInt64, to out: inout GrowableBuffer<UInt8>) {
        let s = sentence(set: set, bits: bits)
        let start = Int(ends[s])
        out.appendShort(bytes + start, count: Int(ends[s + 1]) - start)
    }

    /// Sentence `template`, `combination` of set `set` (for tests).
    func text(set: Int, template: Int, combination: Int) -> [UInt8] {
        let s = Int(templates[Int(sets[set]) + template].firstSentence) + combination
        return Array(UnsafeBufferPointer(start: bytes + Int(ends[s]), count: Int(ends[s + 1] - ends[s])))
    }
}
