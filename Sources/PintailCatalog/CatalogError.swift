/// Every failure the catalog reports: a kind the engine can switch on and a message for the user.
public struct CatalogError: Error, CustomStringConvertible, Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case databaseNotFound
        case databaseExists
        case databaseNotEmpty
        case tableNotFound
        case tableExists
        case partitionExists
        case partitionNotFound
        case endpointNotFound
        case endpointExists
        case crawlerNotFound
        case crawlerExists
        /// An empty or otherwise unusable name.
        case invalidName
        /// A table, partition or endpoint definition that does not hold together.
        case invalidDefinition
        /// Something the catalog refuses to do, such as dropping the `default` database.
        case notAllowed
        /// `replaceTable` was given a version older than the stored one.
        case concurrentModification
        /// The catalog file is not a SQLite database, or not a Pintail catalog.
        case invalidCatalogFile
        /// The catalog file was written by a newer Pintail.
        case catalogTooNew
        /// SQLite failed (disk full, permissions, lock held too long...).
        case storage
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }

    static func databaseNotFound(_ name: String) -> CatalogError {
        CatalogError(.databaseNotFound, "Database '\(name)' does not exist")
    }

    static func databaseExists(_ name: String) -> CatalogError {
        CatalogError(.databaseExists, "Database '\(name)' already exists")
    }

    static func tableNotFound(_ table: TableName) -> CatalogError {
        CatalogError(.tableNotFound, "Table '\(table)' does not exist")
    }

    static func tableExists(_ table: TableName) -> CatalogError {
        CatalogError(.tableExists, "Table '\(table)' already exists")
    }

    static func endpointNotFound(_ name: String) -> CatalogError {
        CatalogError(.endpointNotFound, "Endpoint '\(name)' does not exist")
    }

    static func endpointExists(_ name: String) -> CatalogError {
        CatalogError(.endpointExists, "Endpoint '\(name)' already exists")
    }

    static func crawlerNotFound(_ name: String) -> CatalogError {
        CatalogError(.crawlerNotFound, "Crawler '\(name)' does not exist")
    }

    static func crawlerExists(_ name: String) -> CatalogError {
        CatalogError(.crawlerExists, "Crawler '\(name)' already exists")
    }

    static func storage(_ error: SQLiteError, path: String) -> CatalogError {
        CatalogError(.storage, "Catalog '\(path)': \(error.message)")
    }
}
