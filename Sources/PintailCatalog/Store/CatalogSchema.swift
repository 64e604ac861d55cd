/// The catalog's SQLite schema as an ordered list of migrations. `PRAGMA user_version` holds the number
/// of the last one applied. Never edit a released migration: append a new one.
enum CatalogSchema {
    struct Migration: Sendable {
        let version: Int64
        let summary: String
        let sql: String
    }

    /// Marks the file as a Pintail catalog (`PRAGMA application_id`), "PTCL" in ASCII.
    static let applicationID: Int64 = 0x5054_434C

    /// The current time in epoch milliseconds, in SQL (works on SQLite versions without `unixepoch`).
    private static let nowMillis = "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)"

    static let migrations: [Migration] = [
        Migration(
            version: 1, summary: "databases, tables, columns, partitions; the default database",
            sql: """
                CREATE TABLE databases (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE,
                    comment TEXT,
                    location TEXT,
                    properties TEXT NOT NULL DEFAULT '[]',
                    created_at INTEGER NOT NULL
                );
                CREATE TABLE tables (
                    id INTEGER PRIMARY KEY,
                    database_id INTEGER NOT NULL REFERENCES databases(id) ON DELETE CASCADE,
                    name TEXT NOT NULL,
                    kind TEXT NOT NULL CHECK (kind IN ('EXTERNAL', 'MANAGED')),
                    location TEXT NOT NULL,
                    format TEXT NOT NULL,
                    input_format TEXT,
                    output_format TEXT,
                    serde_library TEXT,
                    serde_properties TEXT NOT NULL DEFAULT '[]',
                    properties TEXT NOT NULL DEFAULT '[]',
                    comment TEXT,
                    created_at INTEGER NOT NULL,
                    updated_at INTEGER NOT NULL,
                    version INTEGER NOT NULL DEFAULT 1,
                    UNIQUE (database_id, name)
                );
                CREATE TABLE columns (
                    table_id INTEGER NOT NULL REFERENCES tables(id) ON DELETE CASCADE,
                    is_partition_key INTEGER NOT NULL CHECK (is_partition_key IN (0, 1)),
                    position INTEGER NOT NULL,
                    name TEXT NOT NULL,
                    type TEXT NOT NULL,
                    comment TEXT,
                    PRIMARY KEY (table_id, is_partition_key, position)
                ) WITHOUT ROWID;
                CREATE TABLE partitions (
                    id INTEGER PRIMARY KEY,
                    table_id INTEGER NOT NULL REFERENCES tables(id) ON DELETE CASCADE,
                    partition_values TEXT NOT NULL,
                    location TEXT NOT NULL,
                    created_at INTEGER NOT NULL,
                    UNIQUE (table_id, partition_values)
                );
                INSERT INTO databases (name, comment, created_at)
                    VALUES ('default', 'Default database', \(nowMillis));
                """),
        Migration(
            version: 2, summary: "partition statistics, model endpoints, query history",
            sql: """
                ALTER TABLE partitions ADD COLUMN file_count INTEGER;
                ALTER TABLE partitions ADD COLUMN byte_count INTEGER;
                ALTER TABLE partitions ADD COLUMN row_count INTEGER;
                CREATE TABLE endpoints (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE,
                    model_kind TEXT NOT NULL CHECK (model_kind IN ('BUILTIN', 'FOLDER')),
                    model TEXT NOT NULL,
                    properties TEXT NOT NULL DEFAULT '[]',
                    created_at INTEGER NOT NULL
                );
                CREATE TABLE query_history (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    query_id TEXT NOT NULL,
                    sql TEXT NOT NULL,
                    database_name TEXT,
                    started_at INTEGER NOT NULL,
                    elapsed_seconds REAL NOT NULL,
                    row_count INTEGER NOT NULL,
                    bytes_scanned INTEGER NOT NULL,
                    status TEXT NOT NULL,
                    error_text TEXT
                );
                """),
        Migration(
            version: 3, summary: "crawlers and their runs",
            sql: """
                CREATE TABLE crawlers (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE,
                    database_name TEXT NOT NULL,
                    targets TEXT NOT NULL DEFAULT '[]',
                    schedule TEXT,
                    recrawl_policy TEXT NOT NULL,
                    schema_change_policy TEXT NOT NULL,
                    table_prefix TEXT NOT NULL DEFAULT '',
                    properties TEXT NOT NULL DEFAULT '[]',
                    created_at INTEGER NOT NULL
                );
                CREATE TABLE crawler_runs (
                    id INTEGER PRIMARY KEY,
                    crawler_id INTEGER NOT NULL REFERENCES crawlers(id) ON DELETE CASCADE,
                    started_at INTEGER NOT NULL,
                    elapsed_seconds REAL NOT NULL,
                    status TEXT NOT NULL,
                    tables_created INTEGER NOT NULL,
                    tables_updated INTEGER NOT NULL,
                    partitions_added INTEGER NOT NULL,
                    log TEXT NOT NULL
                );
                CREATE INDEX crawler_runs_by_crawler ON crawler_runs (crawler_id, id);
                """),
    ]

    static var latestVersion: Int64 { migrations.last?.version ?? 0 }
}
