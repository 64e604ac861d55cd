/// A database-qualified table name, lower-cased so that two spellings of one table compare equal.
public struct TableName: Hashable, Sendable, CustomStringConvertible {
    public let database: String
    public let name: String

    public init(database: String, name: String) {
        self.database = database.lowercased()
        self.name = name.lowercased()
    }

    /// `database.table`, the form used in error messages.
    public var description: String { "\(database).\(name)" }
}
