/// Words (or phrases) kept back to back in one byte buffer, appended by index without creating Strings.
struct WordPool: Sendable {
    private let bytes: [UInt8]
    private let offsets: [Int]

    init(_ words: [String]) {
        var bytes: [UInt8] = []
        var offsets = [0]
        for word in words {
            bytes.append(contentsOf: word.utf8)
            offsets.append(bytes.count)
        }
        self.bytes = bytes
        self.offsets = offsets
    }

    var count: Int { offsets.count - 1 }

    @inline(__always)
    func append(_ index: Int, to out: inout [UInt8], capitalized: Bool = false) {
        let start = offsets[index], end = offsets[index + 1]
        guard start < end else { return }
        let first = bytes[start]
        out.append(capitalized && first >= 0x61 && first <= 0x7A ? first - 0x20 : first)
        bytes.withUnsafeBufferPointer { out.append(contentsOf: UnsafeBufferPointer(rebasing: $0[(start + 1)..<end])) }
    }

    @inline(__always)
    func appendRandom(_ random: inout SplitMix, to out: inout [UInt8], capitalized: Bool = false) {
        append(random.below(count), to: &out, capitalized: capitalized)
    }
}

/// A sentence template compiled to codes: >= 0 is a literal in `literals`, -1 a noun, -2 a sentiment word, -3 the
/// same capitalized. Expanding it is a loop over integers (no Strings per row).
struct SentenceTemplates: Sendable {
    let literals: WordPool
    let templates: [[Int32]]

    /// `templates` use {n} for a noun, {a} for a sentiment word and {A} for a capitalized one.
    init(_ templates: [String]) {
        var literalList: [String] = []
        var compiled: [[Int32]] = []
        for template in templates {
            var codes: [Int32] = []
            var rest = Substring(template)
            while !rest.isEmpty {
                if let open = rest.firstIndex(of: "{") {
                    if open > rest.startIndex {
                        codes.append(Int32(literalList.count))
                        literalList.append(String(rest[rest.startIndex..<open]))
                    }
                    let marker = rest[rest.index(after: open)]
                    codes.append(marker == "n" ? -1 : marker == "a" ? -2 : -3)
                    rest = rest[rest.index(open, offsetBy: 3)...]
                } else {
                    codes.append(Int32(literalList.count))
                    literalList.append(String(rest))
                    rest = ""
                }
            }
            compiled.append(codes)
        }
        literals = WordPool(literalList)
        self.templates = compiled
    }

    @inline(__always)
    func appendRandom(_ random: inout SplitMix, nouns: WordPool, words: WordPool, to out: inout [UInt8]) {
        for code in templates[random.below(templates.count)] {
            switch code {
            case -1: nouns.appendRandom(&random, to: &out)
            case -2: words.appendRandom(&random, to: &out)
            case -3: words.appendRandom(&random, to: &out, capitalized: true)
            default: literals.append(Int(code), to: &out)
            }
        }
    }
}
