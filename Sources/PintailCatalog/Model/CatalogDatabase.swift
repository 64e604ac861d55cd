import Foundation

/// A database (Glue) or schema (Presto): a namespace of tables.
public struct CatalogDatabase: Hashable, Sendable {
    /// Lower case once stored; lookups are case-insensitive.
    public var name: String
    public var comment: String?
    /// Default folder for managed tables created in this database.
    public var location: String?
    public var properties: Properties
    /// Set by the catalog when the database is created.
    public var createdAt: Date

    public init(
        name: String, comment: String? = nil, location: String? = nil, properties: Properties = [:],
        createdAt: Date = Date(timeIntervalSince1970: 0)
    ) {
        self.name = name
        self.comment = comment
        self.location = location
        self.properties = properties
        self.createdAt = createdAt
    }

    /// The database every new catalog starts with.
    public static let defaultName = "default"
}
