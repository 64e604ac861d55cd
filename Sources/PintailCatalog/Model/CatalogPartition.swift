import Foundation

/// What the crawler or a writer learned about one partition's files.
public struct PartitionStats: Hashable, Sendable {
    public var fileCount: Int64
    public var byteCount: Int64
    /// Unknown for text files until someone counts them.
    public var rowCount: Int64?

    public init(fileCount: Int64, byteCount: Int64, rowCount: Int64? = nil) {
        self.fileCount = fileCount
        self.byteCount = byteCount
        self.rowCount = rowCount
    }
}

/// One partition of a table: a value per partition key and the folder holding its files.
public struct CatalogPartition: Hashable, Sendable {
    /// One value per partition key, in key order, as strings (as they appear in `key=value` folders).
    /// `nil` is Hive's default partition (`__HIVE_DEFAULT_PARTITION__`), i.e. SQL NULL.
    public var values: [String?]
    /// Absolute path of the partition's folder.
    public var location: String
    /// Set by the catalog when the partition is added.
    public var createdAt: Date
    public var stats: PartitionStats?

    public init(
        values: [String?], location: String, stats: PartitionStats? = nil,
        createdAt: Date = Date(timeIntervalSince1970: 0)
    ) {
        self.values = values
        self.location = location
        self.stats = stats
        self.createdAt = createdAt
    }

    /// The folder name Hive gives a NULL partition value.
    public static let hiveDefaultPartitionName = "__HIVE_DEFAULT_PARTITION__"
}
