/// Words (or phrases) kept back to back in one byte buffer, appended by index without creating Strings. The
/// storage is allocated once and lives as long as the process (the pools are small, fixed tables), so appending
/// touches no reference counts.
struct WordPool: @unchecked Sendable {
    private let bytes: UnsafeMutablePointer<UInt8>
    private let offsets: UnsafeMutablePointer<Int32>
    let count: Int
    /// The longest word's length, so callers can reserve room once.
    let maxLength: Int

    init(_ words: [String]) {
        let all = words.map { Array($0.utf8) }
        let total = all.reduce(0) { $0 + $1.count }
        // Zeroed slack past the last word, for GrowableBuffer.appendShort's whole-word reads.
        bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: total + GrowableBuffer<UInt8>.slack)
        bytes.initialize(repeating: 0, count: total + GrowableBuffer<UInt8>.slack)
        offsets = UnsafeMutablePointer<Int32>.allocate(capacity: all.count + 1)
        var at = 0
        offsets[0] = 0
        for (i, word) in all.enumerated() {
            for byte in word { bytes[at] = byte; at += 1 }
            offsets[i + 1] = Int32(at)
        }
        count = all.count
        maxLength = all.map(\.count).max() ?? 0
    }

    @inline(__always)
    func append(_ index: Int, to out: inout GrowableBuffer<UInt8>, capitalized: Bool = false) {
        let start = Int(offsets[index]), end = Int(offsets[index + 1])
        guard start < end else { return }
        let first = out.count
        out.appendShort(bytes + start, count: end - start)
        let c = out[first]
        if capitalized && c >= 0x61 && c <= 0x7A { out.base[first] = c - 0x20 }
    }

    /// Appends the word that 16 random bits (the low 16 of `bits`) pick: multiply and shift, for a few dozen words.
    @inline(__always)
    func appendPick(_ bits: UInt64, to out: inout GrowableBuffer<UInt8>) {
        append(Int(((bits & 0xFFFF) &* UInt64(count)) >> 16), to: &out)
    }
}

/// A sentence template compiled to codes: >= 0 is a literal in `literals`, -1 a noun, -2 a sentiment word, -3 the
/// same capitalized. Expanding it is a loop over integers (no Strings per row).
struct SentenceTemplates: @unchecked Sendable {
    let literals: WordPool
    /// All templates' codes back to back; template i is codes[starts[i]..<starts[i + 1]]. Allocated once, kept.
    private let codes: UnsafeMutablePointer<Int32>
    private let starts: UnsafeMutablePointer<Int32>
    let count: Int

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
        count = compiled.count
        codes = UnsafeMutablePointer<Int32>.allocate(capacity: max(1, compiled.reduce(0) { $0 + $1.count }))
        starts = UnsafeMutablePointer<Int32>.allocate(capacity: compiled.count + 1)
        var at = 0
        starts[0] = 0
        for (i, template) in compiled.enumerated() {
            for code in template { codes[at] = code; at += 1 }
            starts[i + 1] = Int32(at)
        }
    }

    /// Template `i`'s codes.
    func codes(of i: Int) -> UnsafeBufferPointer<Int32> {
        UnsafeBufferPointer(start: codes + Int(starts[i]), count: Int(starts[i + 1] - starts[i]))
    }

    /// Appends template `t`, asking `choose` for the index of each noun or word it names, in the template's order
    /// (`choose` gets the pool's size). `SentenceBank` expands every choice this way once.
    func append(_ t: Int, nouns: WordPool, words: WordPool, to out: inout GrowableBuffer<UInt8>,
                choose: (Int) -> Int) {
        for code in codes(of: t) {
            switch code {
            case -1: nouns.append(choose(nouns.count), to: &out)
            case -2, -3: words.append(choose(words.count), to: &out, capitalized: code == -3)
            default: literals.append(Int(code), to: &out)
            }
        }
    }
}
