/// One SQL statement with where it sits in the script.
public struct Statement: Sendable, Hashable {
    /// The statement itself.
    public var kind: StatementKind
    /// Where its first token starts.
    public var location: SourceLocation
    /// The text span from the first token to the end of the last one (without the `;`).
    public var range: SourceRange

    public init(_ kind: StatementKind, location: SourceLocation = .start, range: SourceRange? = nil) {
        self.kind = kind
        self.location = location
        self.range = range ?? SourceRange(start: location, end: location)
    }
}

/// Every statement the dialect accepts.
public indirect enum StatementKind: Sendable, Hashable {
    /// A query.
    case query(Query)
    /// `USING [EXTERNAL] FUNCTION ... query` (Athena UDFs backed by SageMaker or Lambda).
    case queryWithFunctions(functions: [FunctionDeclaration], query: Query)
    /// `EXPLAIN [ANALYZE] [VERBOSE] statement`.
    case explain(Explain)
    /// `CREATE DATABASE|SCHEMA ...`.
    case createDatabase(CreateDatabase)
    /// `DROP DATABASE|SCHEMA ...`.
    case dropDatabase(DropDatabase)
    /// `SHOW DATABASES|SCHEMAS [LIKE 'pattern']`.
    case showDatabases(pattern: StringLiteral?)
    /// `SHOW TABLES [IN|FROM db] [[LIKE] 'pattern']`.
    case showTables(database: QualifiedName?, pattern: StringLiteral?)
    /// `DESCRIBE [FORMATTED|EXTENDED] t` or `DESC t`.
    case describe(table: QualifiedName, detail: DescribeDetail)
    /// `SHOW CREATE TABLE t`.
    case showCreateTable(QualifiedName)
    /// `SHOW COLUMNS IN|FROM t [IN|FROM db]`.
    case showColumns(table: QualifiedName, database: QualifiedName?)
    /// `SHOW PARTITIONS t`.
    case showPartitions(QualifiedName)
    /// `DROP TABLE [IF EXISTS] t`.
    case dropTable(table: QualifiedName, ifExists: Bool)
    /// `USE db`.
    case use(QualifiedName)
    /// `CREATE [EXTERNAL] TABLE t (columns) ...` (Athena treats every such table as external).
    case createTable(CreateTable)
    /// `CREATE TABLE t [WITH (...)] AS query [WITH [NO] DATA]`.
    case createTableAsSelect(CreateTableAsSelect)
    /// `INSERT INTO t [(columns)] query`.
    case insert(Insert)
    /// `MSCK REPAIR TABLE t`.
    case repairTable(QualifiedName)
    /// `ALTER TABLE t ADD [IF NOT EXISTS] PARTITION (...) [LOCATION '...'] ...`.
    case addPartitions(AddPartitions)
    /// `ALTER TABLE t DROP [IF EXISTS] PARTITION (...), ...`.
    case dropPartitions(DropPartitions)
    /// `CREATE [OR REPLACE] ENDPOINT [IF NOT EXISTS] name WITH (...)`.
    case createEndpoint(CreateEndpoint)
    /// `DROP ENDPOINT [IF EXISTS] name`.
    case dropEndpoint(name: Identifier, ifExists: Bool)
    /// `SHOW ENDPOINTS`.
    case showEndpoints
}

/// The optional word after DESCRIBE.
public enum DescribeDetail: String, Sendable, Hashable {
    case plain = ""
    case formatted = "FORMATTED"
    case extended = "EXTENDED"
}

/// `EXPLAIN [ANALYZE] [VERBOSE] statement`.
public struct Explain: Sendable, Hashable {
    /// Run the statement and report actual costs.
    public var analyze: Bool
    /// More detail.
    public var verbose: Bool
    /// The explained statement.
    public var statement: Statement

    public init(analyze: Bool = false, verbose: Bool = false, statement: Statement) {
        self.analyze = analyze
        self.verbose = verbose
        self.statement = statement
    }
}

/// `name = value` in `WITH (...)` property lists (CTAS, endpoints, UDFs).
public struct Property: Sendable, Hashable {
    /// The property name.
    public var name: Identifier
    /// Its value, any constant expression (`'PARQUET'`, `ARRAY['a']`, `3`).
    public var value: Expression
    /// Where the name is.
    public var location: SourceLocation

    public init(name: Identifier, value: Expression, location: SourceLocation? = nil) {
        self.name = name
        self.value = value
        self.location = location ?? name.location
    }
}

/// `'key' = 'value'` in Hive property lists (DBPROPERTIES, TBLPROPERTIES, SERDEPROPERTIES).
public struct StringProperty: Sendable, Hashable {
    /// The key.
    public var key: StringLiteral
    /// The value.
    public var value: StringLiteral

    public init(key: StringLiteral, value: StringLiteral) {
        self.key = key
        self.value = value
    }

    /// Where the key is.
    public var location: SourceLocation { key.location }
}
