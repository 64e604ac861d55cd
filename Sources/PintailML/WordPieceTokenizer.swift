/// Hugging Face's BertTokenizer: basic tokenization, greedy longest-match-first WordPiece with `##`
/// continuations, `[UNK]` for words that do not split (or are longer than 100 characters),
/// `[CLS] … [SEP]`, and truncation to `maxLength` ids in total.
public struct WordPieceTokenizer: Sendable {
    public let vocabulary: Vocabulary
    public let clsID: Int32
    public let sepID: Int32
    public let unknownID: Int32
    public let padID: Int32
    let basic: BasicTokenizer
    /// Special tokens typed literally in the text stay whole, as the Hugging Face tokenizer keeps them.
    let specialTokens: [(text: String, id: Int32)]
    static let maxCharactersPerWord = 100

    public init(vocabulary: Vocabulary, lowerCase: Bool = true) throws(ModelError) {
        self.vocabulary = vocabulary
        clsID = try vocabulary.requiredID("[CLS]")
        sepID = try vocabulary.requiredID("[SEP]")
        unknownID = try vocabulary.requiredID("[UNK]")
        padID = vocabulary.id("[PAD]") ?? 0
        basic = BasicTokenizer(lowerCase: lowerCase, stripAccents: lowerCase, splitChineseCharacters: true)
        specialTokens = ["[CLS]", "[SEP]", "[UNK]", "[PAD]", "[MASK]"].compactMap { token in
            vocabulary.id(token).map { (token, $0) }
        }
    }

    /// Loads `vocab.txt` from a model folder; `tokenizer_config.json`'s `do_lower_case` when present.
    public init(folder: String) throws(ModelError) {
        let vocabulary = try Vocabulary(file: folder + "/vocab.txt")
        let config = try? JSONObject(file: folder + "/tokenizer_config.json")
        let lowerCase = config?.bool("do_lower_case") ?? true
        try self.init(vocabulary: vocabulary, lowerCase: lowerCase)
    }

    /// Token ids with `[CLS]` and `[SEP]`, at most `maxLength` of them (at least 2).
    public func encode(_ text: String, maxLength: Int) -> [Int32] {
        let budget = max(maxLength, 2) - 2
        var ids: [Int32] = [clsID]
        ids.reserveCapacity(min(budget, text.utf8.count) + 2)
        for (segment, specialID) in splitOnSpecialTokens(text) {
            if ids.count - 1 >= budget { break }
            if let specialID {
                ids.append(specialID)
                continue
            }
            basic.forEachToken(in: segment) { word in
                appendWordPieces(of: word, to: &ids)
                return ids.count - 1 < budget
            }
        }
        if ids.count - 1 > budget { ids.removeLast(ids.count - 1 - budget) }
        ids.append(sepID)
        return ids
    }

    /// Decodes possibly invalid UTF-8 (replacement characters are then dropped like control characters).
    public func encode(utf8 bytes: some Collection<UInt8>, maxLength: Int) -> [Int32] {
        encode(String(decoding: bytes, as: UTF8.self), maxLength: maxLength)
    }

    /// Word pieces as strings (for tests and debugging), without `[CLS]`/`[SEP]`.
    public func tokenize(_ text: String) -> [String] {
        encode(text, maxLength: Int.max).dropFirst().dropLast().map { vocabulary.tokens[Int($0)] }
    }

    private func appendWordPieces(of word: String, to ids: inout [Int32]) {
        let scalars = Array(word.unicodeScalars)
        if scalars.count > Self.maxCharactersPerWord {
            ids.append(unknownID)
            return
        }
        let firstPiece = ids.count
        var start = 0
        while start < scalars.count {
            var end = scalars.count
            var found: Int32?
            while start < end {
                var candidate = start > 0 ? "##" : ""
                candidate.unicodeScalars.append(contentsOf: scalars[start..<end])
                if let id = vocabulary.id(candidate) {
                    found = id
                    break
                }
                end -= 1
            }
            guard let found else {
                ids.removeLast(ids.count - firstPiece)
                ids.append(unknownID)
                return
            }
            ids.append(found)
            start = end
        }
    }

    /// Splits out literal special tokens such as "[SEP]" (exact case), as the Hugging Face trie does.
    private func splitOnSpecialTokens(_ text: String) -> [(Substring, Int32?)] {
        guard text.contains("[") else { return [(text[...], nil)] }
        var result: [(Substring, Int32?)] = []
        var rest = text[...]
        outer: while !rest.isEmpty {
            var index = rest.startIndex
            while index < rest.endIndex {
                if rest[index] == "[" {
                    let tail = rest[index...]
                    for (token, id) in specialTokens where tail.hasPrefix(token) {
                        result.append((rest[rest.startIndex..<index], nil))
                        result.append(("", id))
                        rest = tail.dropFirst(token.count)
                        continue outer
                    }
                }
                index = rest.index(after: index)
            }
            result.append((rest, nil))
            break
        }
        return result
    }
}
