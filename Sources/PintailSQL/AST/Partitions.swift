/// `key = value` inside `PARTITION (...)`.
public struct PartitionValue: Sendable, Hashable {
    /// The partition column.
    public var key: Identifier
    /// The value: a literal (string or number).
    public var value: Expression

    public init(key: Identifier, value: Expression) {
        self.key = key
        self.value = value
    }
}

/// `PARTITION (k = 'v', ...) [LOCATION 'path']`.
public struct PartitionSpec: Sendable, Hashable {
    /// The key/value pairs in order.
    public var values: [PartitionValue]
    /// `LOCATION` for ADD PARTITION.
    public var storageLocation: StringLiteral?
    /// Where PARTITION is.
    public var location: SourceLocation

    public init(values: [PartitionValue], storageLocation: StringLiteral? = nil, location: SourceLocation = .start) {
        self.values = values
        self.storageLocation = storageLocation
        self.location = location
    }
}

/// `ALTER TABLE t ADD [IF NOT EXISTS] PARTITION (...) [LOCATION '...'] [PARTITION ...]`.
public struct AddPartitions: Sendable, Hashable {
    /// The table.
    public var table: QualifiedName
    /// `IF NOT EXISTS`.
    public var ifNotExists: Bool
    /// The partitions to add.
    public var partitions: [PartitionSpec]

    public init(table: QualifiedName, ifNotExists: Bool = false, partitions: [PartitionSpec]) {
        self.table = table
        self.ifNotExists = ifNotExists
        self.partitions = partitions
    }
}

/// `ALTER TABLE t DROP [IF EXISTS] PARTITION (...) [, PARTITION (...)]`.
public struct DropPartitions: Sendable, Hashable {
    /// The table.
    public var table: QualifiedName
    /// `IF EXISTS`.
    public var ifExists: Bool
    /// The partitions to drop.
    public var partitions: [PartitionSpec]

    public init(table: QualifiedName, ifExists: Bool = false, partitions: [PartitionSpec]) {
        self.table = table
        self.ifExists = ifExists
        self.partitions = partitions
    }
}
