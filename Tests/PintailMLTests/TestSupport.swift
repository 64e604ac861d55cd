import Foundation
@testable import PintailML

/// Paths shared by the PintailML tests.
enum TestPaths {
    /// `<repo root>/../shared`, located from this file so CI clones work.
    static let shared: String = {
        let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return repoRoot.deletingLastPathComponent().appendingPathComponent("shared").path
    }()

    static let repoRoot: String = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    static let fixtures = repoRoot + "/Datasets/models"

    /// The fetched all-MiniLM-L6-v2 folder, or nil (with the reason printed) when it is not there.
    static func miniLMFolder(for test: String) -> String? {
        let folder = ModelFolder.path()
        if ModelFolder.isFetched(folder) { return folder }
        print("SKIPPED \(test): all-MiniLM-L6-v2 weights not fetched into \(folder); run Scripts/model/fetch-minilm.sh")
        return nil
    }
}

func cosine(_ a: [Float], _ b: [Float]) -> Double {
    var dot = 0.0, na = 0.0, nb = 0.0
    for (x, y) in zip(a, b) {
        dot += Double(x) * Double(y)
        na += Double(x) * Double(x)
        nb += Double(y) * Double(y)
    }
    return dot / (na.squareRoot() * nb.squareRoot())
}

/// Rows of golden-embeddings.tsv: text, max_seq_length, ids, embedding.
struct GoldenRow {
    let text: String
    let maxLength: Int
    let ids: [Int32]
    let embedding: [Float]

    static func load() throws -> [GoldenRow] {
        let text = try String(contentsOfFile: TestPaths.shared + "/models/golden-embeddings.tsv", encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 4, let maxLength = Int(fields[1]) else { return nil }
            return GoldenRow(
                text: String(fields[0]), maxLength: maxLength,
                ids: fields[2].split(separator: " ").compactMap { Int32($0) },
                embedding: fields[3].split(separator: " ").compactMap { Float($0) })
        }
    }
}
