import Foundation

/// Who owns a table's files: EXTERNAL tables point at data the user manages; MANAGED tables (CTAS into
/// the warehouse) own their folder. The catalog itself never deletes files either way.
public enum TableKind: String, Hashable, Sendable, CaseIterable {
    case external = "EXTERNAL"
    case managed = "MANAGED"
}

/// The storage format keyword (`STORED AS PARQUET`, `WITH (format = 'TEXTFILE')`), kept upper case.
public struct StorageFormat: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue.uppercased() }
    public init(_ name: String) { self.init(rawValue: name) }

    public var description: String { rawValue }

    public static let parquet = StorageFormat("PARQUET")
    public static let textFile = StorageFormat("TEXTFILE")
    public static let orc = StorageFormat("ORC")
    public static let json = StorageFormat("JSON")
    public static let avro = StorageFormat("AVRO")
}

/// A table definition, Glue style: where the files live, how to read them, and the schema.
public struct CatalogTable: Hashable, Sendable {
    public var database: String
    public var name: String
    public var kind: TableKind
    /// Absolute path of the table's folder.
    public var location: String
    public var format: StorageFormat
    /// Hive class names, kept for SHOW CREATE TABLE and for formats the engine recognises by serde.
    public var inputFormat: String?
    public var outputFormat: String?
    public var serdeLibrary: String?
    /// e.g. `field.delim`, `line.delim`, `serialization.format`.
    public var serdeProperties: Properties
    /// TBLPROPERTIES, e.g. `skip.header.line.count`, `compressionType`, `classification`.
    public var properties: Properties
    public var columns: [CatalogColumn]
    /// Hive-style partition keys; their values live in the folder names (`key=value`), not in the files.
    public var partitionKeys: [CatalogColumn]
    public var comment: String?
    /// Set by the catalog.
    public var createdAt: Date
    /// Set by the catalog on every change.
    public var updatedAt: Date
    /// Starts at 1 and goes up by one on every `replaceTable`.
    public var version: Int64

    public init(
        database: String, name: String, kind: TableKind = .external, location: String,
        format: StorageFormat, inputFormat: String? = nil, outputFormat: String? = nil,
        serdeLibrary: String? = nil, serdeProperties: Properties = [:], properties: Properties = [:],
        columns: [CatalogColumn], partitionKeys: [CatalogColumn] = [], comment: String? = nil,
        createdAt: Date = Date(timeIntervalSince1970: 0), updatedAt: Date = Date(timeIntervalSince1970: 0),
        version: Int64 = 0
    ) {
        self.database = database
        self.name = name
        self.kind = kind
        self.location = location
        self.format = format
        self.inputFormat = inputFormat
        self.outputFormat = outputFormat
        self.serdeLibrary = serdeLibrary
        self.serdeProperties = serdeProperties
        self.properties = properties
        self.columns = columns
        self.partitionKeys = partitionKeys
        self.comment = comment
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.version = version
    }

    public var qualifiedName: TableName { TableName(database: database, name: name) }

    /// Data columns followed by partition keys: the row shape a query sees.
    public var allColumns: [CatalogColumn] { columns + partitionKeys }
}
