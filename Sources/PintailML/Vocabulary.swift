/// A WordPiece vocabulary: `vocab.txt`, one token per line, the line number being the id.
public struct Vocabulary: Sendable {
    public let tokens: [String]
    let ids: [String: Int32]

    public init(tokens: [String]) {
        self.tokens = tokens
        var ids = [String: Int32](minimumCapacity: tokens.count)
        // A later duplicate overwrites an earlier one, as in Hugging Face's load_vocab.
        for (index, token) in tokens.enumerated() { ids[token] = Int32(index) }
        self.ids = ids
    }

    /// Loads `vocab.txt`; only the trailing "\n" of each line is removed, as Hugging Face does.
    public init(file path: String) throws(ModelError) {
        let data = try ModelFolder.read(path)
        let text = String(decoding: data, as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        guard !lines.isEmpty else { throw ModelError(.malformed, "empty vocabulary", file: path) }
        self.init(tokens: lines)
    }

    public var count: Int { tokens.count }

    public func id(_ token: String) -> Int32? { ids[token] }

    func requiredID(_ token: String) throws(ModelError) -> Int32 {
        guard let id = ids[token] else { throw ModelError(.malformed, "vocabulary lacks \(token)") }
        return id
    }
}
