import Foundation

/// A SHOW TABLES / SHOW DATABASES pattern in the Hive and Athena style: `*` matches any run of
/// characters, `|` separates alternatives, everything else is literal, and case is ignored.
/// `%` is accepted as a synonym of `*` for users coming from SQL LIKE.
/// Examples: `'amazon*'`, `'*tsv|*parquet'`, `'orders'`.
public struct TableNamePattern: Sendable {
    /// Each alternative split at its wildcards: `a*b*c` becomes ["a", "b", "c"].
    private let alternatives: [[[Character]]]

    public init(_ pattern: String) {
        alternatives = pattern.lowercased().split(separator: "|", omittingEmptySubsequences: false).map { alternative in
            alternative.trimmingCharacters(in: .whitespaces).split(separator: "*", omittingEmptySubsequences: false)
                .flatMap { $0.split(separator: "%", omittingEmptySubsequences: false) }
                .map { Array($0) }
        }
    }

    public func matches(_ name: String) -> Bool {
        let characters = Array(name.lowercased())
        return alternatives.contains { Self.matches(characters, pieces: $0) }
    }

    /// Literal pieces separated by wildcards: the first must be a prefix, the last a suffix, and the
    /// middle ones must appear in order (leftmost match is always safe for `*`-only patterns).
    private static func matches(_ name: [Character], pieces: [[Character]]) -> Bool {
        guard let first = pieces.first, let last = pieces.last else { return name.isEmpty }
        if pieces.count == 1 { return name == first }
        guard name.count >= first.count + last.count, name.starts(with: first), name.reversed().starts(with: last.reversed())
        else { return false }
        var position = first.count
        let end = name.count - last.count
        for piece in pieces.dropFirst().dropLast() where !piece.isEmpty {
            guard let found = firstIndex(of: piece, in: name, from: position, before: end) else { return false }
            position = found + piece.count
        }
        return true
    }

    private static func firstIndex(of piece: [Character], in name: [Character], from start: Int, before end: Int) -> Int? {
        var index = start
        while index + piece.count <= end {
            if name[index..<index + piece.count].elementsEqual(piece) { return index }
            index += 1
        }
        return nil
    }
}
