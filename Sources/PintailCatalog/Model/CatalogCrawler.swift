import Foundation

/// What a crawler does on later runs (Glue's RecrawlPolicy).
public enum RecrawlPolicy: String, Hashable, Sendable, CaseIterable {
    /// Walk every folder again.
    case everything = "CRAWL_EVERYTHING"
    /// Only look at folders added since the last run.
    case newFoldersOnly = "CRAWL_NEW_FOLDERS_ONLY"
}

/// What a crawler does when it finds a table's schema changed (Glue's SchemaChangePolicy.UpdateBehavior).
public enum SchemaChangePolicy: String, Hashable, Sendable, CaseIterable {
    /// Replace the table definition (bumping its version).
    case updateInDatabase = "UPDATE_IN_DATABASE"
    /// Leave the table alone and note the change in the run log.
    case log = "LOG"
}

/// A crawler definition: which folders to walk, which database gets the tables, and when to run.
public struct CatalogCrawler: Hashable, Sendable {
    /// Lower case once stored.
    public var name: String
    /// The database the crawler creates and updates tables in (lower case once stored).
    public var database: String
    /// Absolute folders to walk.
    public var targets: [String]
    /// A five-field cron expression (`0 3 * * *`), or nil for on-demand only.
    public var schedule: String?
    public var recrawlPolicy: RecrawlPolicy
    public var schemaChangePolicy: SchemaChangePolicy
    /// Prepended to the names of tables the crawler creates.
    public var tablePrefix: String
    public var properties: Properties
    /// Set by the catalog.
    public var createdAt: Date

    public init(
        name: String, database: String, targets: [String], schedule: String? = nil,
        recrawlPolicy: RecrawlPolicy = .everything, schemaChangePolicy: SchemaChangePolicy = .updateInDatabase,
        tablePrefix: String = "", properties: Properties = [:], createdAt: Date = Date(timeIntervalSince1970: 0)
    ) {
        self.name = name
        self.database = database
        self.targets = targets
        self.schedule = schedule
        self.recrawlPolicy = recrawlPolicy
        self.schemaChangePolicy = schemaChangePolicy
        self.tablePrefix = tablePrefix
        self.properties = properties
        self.createdAt = createdAt
    }
}

/// One finished crawler run, for `SHOW CRAWLER RUNS` and for the new-folders-only policy.
public struct CrawlerRun: Hashable, Sendable {
    /// Stored to the millisecond.
    public var startedAt: Date
    public var elapsedSeconds: Double
    public var status: QueryStatus
    public var tablesCreated: Int64
    public var tablesUpdated: Int64
    public var partitionsAdded: Int64
    /// What the crawler did and noticed, one line per event.
    public var log: String

    public init(
        startedAt: Date, elapsedSeconds: Double, status: QueryStatus, tablesCreated: Int64 = 0,
        tablesUpdated: Int64 = 0, partitionsAdded: Int64 = 0, log: String = ""
    ) {
        self.startedAt = startedAt
        self.elapsedSeconds = elapsedSeconds
        self.status = status
        self.tablesCreated = tablesCreated
        self.tablesUpdated = tablesUpdated
        self.partitionsAdded = partitionsAdded
        self.log = log
    }
}
