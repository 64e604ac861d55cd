/// `CREATE DATABASE|SCHEMA [IF NOT EXISTS] name [COMMENT 'c'] [LOCATION 'path'] [WITH DBPROPERTIES (...)]`.
public struct CreateDatabase: Sendable, Hashable {
    /// The database name.
    public var name: QualifiedName
    /// `IF NOT EXISTS`.
    public var ifNotExists: Bool
    /// `COMMENT`.
    public var comment: StringLiteral?
    /// `LOCATION`.
    public var storageLocation: StringLiteral?
    /// `WITH DBPROPERTIES`.
    public var properties: [StringProperty]

    public init(
        name: QualifiedName, ifNotExists: Bool = false, comment: StringLiteral? = nil,
        storageLocation: StringLiteral? = nil, properties: [StringProperty] = []
    ) {
        self.name = name
        self.ifNotExists = ifNotExists
        self.comment = comment
        self.storageLocation = storageLocation
        self.properties = properties
    }
}

/// `DROP DATABASE|SCHEMA [IF EXISTS] name [RESTRICT|CASCADE]`.
public struct DropDatabase: Sendable, Hashable {
    /// The database name.
    public var name: QualifiedName
    /// `IF EXISTS`.
    public var ifExists: Bool
    /// `CASCADE` (drop its tables too); false for RESTRICT or nothing.
    public var cascade: Bool

    public init(name: QualifiedName, ifExists: Bool = false, cascade: Bool = false) {
        self.name = name
        self.ifExists = ifExists
        self.cascade = cascade
    }
}

/// `name type [COMMENT 'c']` in a column or partition list.
public struct ColumnDefinition: Sendable, Hashable {
    /// Column name.
    public var name: Identifier
    /// Its type.
    public var type: TypeSyntax
    /// `COMMENT`.
    public var comment: StringLiteral?
    /// Where the name is.
    public var location: SourceLocation

    public init(name: Identifier, type: TypeSyntax, comment: StringLiteral? = nil, location: SourceLocation? = nil) {
        self.name = name
        self.type = type
        self.comment = comment
        self.location = location ?? name.location
    }
}

/// `ROW FORMAT DELIMITED ...` clauses; all strings are raw, use `hiveValue` for the separator characters.
public struct DelimitedRowFormat: Sendable, Hashable {
    /// `FIELDS TERMINATED BY`.
    public var fieldsTerminatedBy: StringLiteral?
    /// `ESCAPED BY` (after FIELDS TERMINATED BY).
    public var escapedBy: StringLiteral?
    /// `COLLECTION ITEMS TERMINATED BY`.
    public var collectionItemsTerminatedBy: StringLiteral?
    /// `MAP KEYS TERMINATED BY`.
    public var mapKeysTerminatedBy: StringLiteral?
    /// `LINES TERMINATED BY`.
    public var linesTerminatedBy: StringLiteral?
    /// `NULL DEFINED AS`.
    public var nullDefinedAs: StringLiteral?

    public init(
        fieldsTerminatedBy: StringLiteral? = nil, escapedBy: StringLiteral? = nil,
        collectionItemsTerminatedBy: StringLiteral? = nil, mapKeysTerminatedBy: StringLiteral? = nil,
        linesTerminatedBy: StringLiteral? = nil, nullDefinedAs: StringLiteral? = nil
    ) {
        self.fieldsTerminatedBy = fieldsTerminatedBy
        self.escapedBy = escapedBy
        self.collectionItemsTerminatedBy = collectionItemsTerminatedBy
        self.mapKeysTerminatedBy = mapKeysTerminatedBy
        self.linesTerminatedBy = linesTerminatedBy
        self.nullDefinedAs = nullDefinedAs
    }
}

/// `ROW FORMAT DELIMITED ...` or `ROW FORMAT SERDE 'class' [WITH SERDEPROPERTIES (...)]`.
public enum RowFormat: Sendable, Hashable {
    /// Delimited text.
    case delimited(DelimitedRowFormat)
    /// A SerDe class with its properties.
    case serde(className: StringLiteral, properties: [StringProperty])
}

/// `STORED AS name` or `STORED AS INPUTFORMAT 'c' OUTPUTFORMAT 'c'`.
public enum StorageFormat: Sendable, Hashable {
    /// `STORED AS PARQUET`, `TEXTFILE`, `ORC`, ...
    case named(Identifier)
    /// Explicit Hadoop input and output format classes.
    case inputOutput(input: StringLiteral, output: StringLiteral)
}

/// `CREATE [EXTERNAL] TABLE [IF NOT EXISTS] t (columns) ...` with Hive's clauses.
public struct CreateTable: Sendable, Hashable {
    /// The table name.
    public var name: QualifiedName
    /// `EXTERNAL` was written (Athena treats all such tables as external either way).
    public var external: Bool
    /// `IF NOT EXISTS`.
    public var ifNotExists: Bool
    /// The data columns.
    public var columns: [ColumnDefinition]
    /// Table `COMMENT`.
    public var comment: StringLiteral?
    /// `PARTITIONED BY (...)`.
    public var partitionedBy: [ColumnDefinition]
    /// `ROW FORMAT ...`.
    public var rowFormat: RowFormat?
    /// `STORED AS ...`.
    public var storedAs: StorageFormat?
    /// `LOCATION 'path'`.
    public var storageLocation: StringLiteral?
    /// `TBLPROPERTIES (...)`.
    public var tableProperties: [StringProperty]

    public init(
        name: QualifiedName, external: Bool = true, ifNotExists: Bool = false, columns: [ColumnDefinition],
        comment: StringLiteral? = nil, partitionedBy: [ColumnDefinition] = [], rowFormat: RowFormat? = nil,
        storedAs: StorageFormat? = nil, storageLocation: StringLiteral? = nil, tableProperties: [StringProperty] = []
    ) {
        self.name = name
        self.external = external
        self.ifNotExists = ifNotExists
        self.columns = columns
        self.comment = comment
        self.partitionedBy = partitionedBy
        self.rowFormat = rowFormat
        self.storedAs = storedAs
        self.storageLocation = storageLocation
        self.tableProperties = tableProperties
    }
}

/// `CREATE TABLE [IF NOT EXISTS] t [(aliases)] [COMMENT 'c'] [WITH (props)] AS query [WITH [NO] DATA]`.
public struct CreateTableAsSelect: Sendable, Hashable {
    /// The table name.
    public var name: QualifiedName
    /// `IF NOT EXISTS`.
    public var ifNotExists: Bool
    /// Optional output column names.
    public var columnAliases: [Identifier]?
    /// Table `COMMENT`.
    public var comment: StringLiteral?
    /// `WITH (format = 'PARQUET', external_location = '...', partitioned_by = ARRAY['c'])`.
    public var properties: [Property]
    /// The query whose rows fill the table.
    public var query: Query
    /// False for `WITH NO DATA` (create the empty table only).
    public var withData: Bool
    /// `AS USING [EXTERNAL] FUNCTION ... SELECT`: functions declared for the query that fills the table.
    public var functions: [FunctionDeclaration] = []

    public init(
        name: QualifiedName, ifNotExists: Bool = false, columnAliases: [Identifier]? = nil,
        comment: StringLiteral? = nil, properties: [Property] = [], query: Query, withData: Bool = true
    ) {
        self.name = name
        self.ifNotExists = ifNotExists
        self.columnAliases = columnAliases
        self.comment = comment
        self.properties = properties
        self.query = query
        self.withData = withData
    }
}

/// `INSERT INTO t [(columns)] query`.
public struct Insert: Sendable, Hashable {
    /// The target table.
    public var table: QualifiedName
    /// The target columns, if listed.
    public var columns: [Identifier]?
    /// The rows to insert (`VALUES` is a query too).
    public var query: Query

    public init(table: QualifiedName, columns: [Identifier]? = nil, query: Query) {
        self.table = table
        self.columns = columns
        self.query = query
    }
}
