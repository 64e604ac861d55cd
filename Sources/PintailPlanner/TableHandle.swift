// PintailPlanner: turns the parser's AST into a typed logical plan (binder) and improves it (optimizer).
import PintailCore

/// A table as the planner and executor see it: plain data, taken from the catalog by the engine.
public struct TableHandle: Sendable, Hashable {
    public var database: String
    public var name: String
    /// Data columns, in file order.
    public var columns: [Field]
    /// Partition columns (Hive `PARTITIONED BY`), which follow the data columns in the table's schema.
    public var partitionKeys: [Field]
    /// Absolute folder of the table's files.
    public var location: String
    /// Storage format as the catalog records it: `TEXTFILE`, `PARQUET`, ...
    public var format: String
    public var serdeProperties: [String: String]
    public var tableProperties: [String: String]
    /// The partitions registered in the catalog (values in key order, nil for Hive's default partition).
    public var partitions: [PartitionHandle]

    public init(database: String, name: String, columns: [Field], partitionKeys: [Field] = [], location: String,
                format: String, serdeProperties: [String: String] = [:], tableProperties: [String: String] = [:],
                partitions: [PartitionHandle] = []) {
        self.database = database
        self.name = name
        self.columns = columns
        self.partitionKeys = partitionKeys
        self.location = location
        self.format = format
        self.serdeProperties = serdeProperties
        self.tableProperties = tableProperties
        self.partitions = partitions
    }

    /// Data columns then partition columns: the schema a query sees.
    public var schema: [Field] { columns + partitionKeys }
    public var qualifiedName: String { "\(database).\(name)" }
}

public struct PartitionHandle: Sendable, Hashable {
    public var values: [String?]
    public var location: String
    public init(values: [String?], location: String) {
        self.values = values
        self.location = location
    }
}

/// A named, typed column of a plan's output.
public struct Field: Sendable, Hashable {
    public var name: String
    public var type: DataType
    /// The table alias or name that qualifies it (`t` in `t.col`), if any.
    public var qualifier: String?
    public init(name: String, type: DataType, qualifier: String? = nil) {
        self.name = name
        self.type = type
        self.qualifier = qualifier
    }
}

/// What the binder needs from the catalog; the engine adapts the SQLite catalog to it.
public protocol CatalogLookup {
    /// The table `name` (`table` or `db.table`), or a semantic error when it does not exist.
    func table(database: String?, name: String) throws -> TableHandle
    var currentDatabase: String { get }
}
