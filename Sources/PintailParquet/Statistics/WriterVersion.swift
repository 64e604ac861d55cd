/// The application and version in a footer's `created_by` (`parquet-mr version 1.8.1 (build 4aba4d)`), used to
/// ignore statistics that known writer bugs made wrong.
public struct WriterVersion: Sendable, Equatable {
    public var application: String
    /// Major, minor, patch; nil when `created_by` names no parseable version.
    public var version: (Int, Int, Int)?

    public init(createdBy: String?) {
        let words = (createdBy ?? "").split(separator: " ", omittingEmptySubsequences: true)
        application = words.first.map { String($0).lowercased() } ?? ""
        version = nil
        if words.count >= 3, words[1].lowercased() == "version" { version = Self.parse(words[2]) }
    }

    public static func == (a: WriterVersion, b: WriterVersion) -> Bool {
        a.application == b.application && a.version.map { [$0.0, $0.1, $0.2] } == b.version.map { [$0.0, $0.1, $0.2] }
    }

    /// `1.8.1`, `1.10.0-SNAPSHOT`: leading digits of each dotted part; missing parts count as 0.
    private static func parse(_ text: Substring) -> (Int, Int, Int)? {
        let parts = text.split(separator: ".", maxSplits: 2).map { part in Int(part.prefix { $0.isASCII && $0.isNumber }) }
        guard let major = parts.first ?? nil else { return nil }
        let minor = parts.count > 1 ? parts[1] ?? 0 : 0
        let patch = parts.count > 2 ? parts[2] ?? 0 : 0
        return (major, minor, patch)
    }

    private func isBefore(_ v: (Int, Int, Int)) -> Bool {
        guard let version else { return true }
        return [version.0, version.1, version.2].lexicographicallyPrecedes([v.0, v.1, v.2])
    }

    /// PARQUET-251: parquet-mr before 1.8.0 computed byte-array statistics with signed bytes and reused buffers,
    /// so its binary min/max may be wrong. A parquet-mr file without a readable version counts as old.
    public var hasReliableBinaryStatistics: Bool {
        !(application == "parquet-mr" && isBefore((1, 8, 0)))
    }
}
