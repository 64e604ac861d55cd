import Foundation
import PintailCatalog
import PintailExecution

/// What a crawl covers: a lake folder whose immediate subfolders are datasets, and the database they go to.
public struct CrawlerSettings: Sendable {
    public var root: String
    public var database: String
    /// Prepended to every table name.
    public var tablePrefix: String
    /// The crawler's name in the catalog (its run log); nil derives `crawl_<database>_<root folder>`.
    public var name: String?
    public var schemaChangePolicy: SchemaChangePolicy

    public init(root: String, database: String = "default", tablePrefix: String = "", name: String? = nil,
                schemaChangePolicy: SchemaChangePolicy = .updateInDatabase) {
        self.root = root
        self.database = database
        self.tablePrefix = tablePrefix
        self.name = name
        self.schemaChangePolicy = schemaChangePolicy
    }
}

/// The outcome of one run; the same counts and lines go to the catalog's crawler run log.
public struct CrawlerReport: Sendable {
    public var crawlerName: String
    public var tablesCreated = 0
    public var tablesUpdated = 0
    public var partitionsAdded = 0
    /// Files that could not be read and tables that could not be registered, each naming the file or table.
    public var problems: [String] = []
    /// Everything the run did and noticed, one event per line.
    public var log: [String] = []
    public var elapsedSeconds = 0.0

    /// One line for a terminal.
    public var summary: String {
        "\(tablesCreated) table\(tablesCreated == 1 ? "" : "s") created, \(tablesUpdated) updated, "
            + "\(partitionsAdded) partition\(partitionsAdded == 1 ? "" : "s") added, \(problems.count) problem"
            + "\(problems.count == 1 ? "" : "s") in \(String(format: "%.2f", elapsedSeconds)) s"
    }
}

/// Glue's crawler on one machine: each dataset folder under the root becomes an external table (schema from its
/// files, partition keys from its `key=value` folders); later runs add new partitions and apply the schema-change
/// policy. Every run is recorded in the catalog.
public struct Crawler {
    public let engine: Engine
    public let settings: CrawlerSettings

    public init(engine: Engine, settings: CrawlerSettings) {
        self.engine = engine
        self.settings = settings
    }

    /// Crawls once. Throws only when the crawl cannot start (missing root, bad names); problems with single files
    /// or tables are in the report.
    public func run() throws -> CrawlerReport {
        let started = Date()
        let clock = ContinuousClock.now
        let root = absolutePath(settings.root)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isFolder), isFolder.boolValue else { throw PintailError(.io, "Crawler root '\(root)' is not a readable folder") }
        let database = settings.database.lowercased()
        var report = CrawlerReport(crawlerName: crawlerName(root: root))
        do {
            try register(root: root, database: database, name: report.crawlerName)
            for folder in FileListing.subfolders(in: root) {
                crawlDataset(root + "/" + folder, database: database, into: &report)
            }
            report.elapsedSeconds = Self.seconds(since: clock)
            try engine.catalog.recordCrawlerRun(CrawlerRun(
                startedAt: started, elapsedSeconds: report.elapsedSeconds, status: .succeeded,
                tablesCreated: Int64(report.tablesCreated), tablesUpdated: Int64(report.tablesUpdated),
                partitionsAdded: Int64(report.partitionsAdded), log: report.log.joined(separator: "\n")),
                for: report.crawlerName)
        } catch {
            throw PintailError(.catalog, error.description)
        }
        return report
    }

    private func crawlerName(root: String) -> String {
        settings.name ?? "crawl_\(settings.database)_\(SchemaInference.columnName((root as NSString).lastPathComponent))"
    }

    /// Creates the database and the crawler definition when missing, and keeps the definition in step with the
    /// settings.
    private func register(root: String, database: String, name: String) throws(CatalogError) {
        try engine.catalog.createDatabase(CatalogDatabase(name: database), ifNotExists: true)
        let wanted = CatalogCrawler(name: name, database: database, targets: [root],
                                    schemaChangePolicy: settings.schemaChangePolicy, tablePrefix: settings.tablePrefix)
        let stored = try engine.catalog.createCrawler(wanted, ifNotExists: true)
        if stored.database != wanted.database || stored.targets != wanted.targets
            || stored.tablePrefix != wanted.tablePrefix || stored.schemaChangePolicy != wanted.schemaChangePolicy {
            try engine.catalog.replaceCrawler(wanted)
        }
    }

    private func crawlDataset(_ folder: String, database: String, into report: inout CrawlerReport) {
        let layout = CrawlerLayout(folder: folder)
        let name = SchemaInference.columnName(settings.tablePrefix + (folder as NSString).lastPathComponent)
        for entry in layout.ignored { report.log.append("ignored \(entry)") }
        guard let schema = inferSchema(layout, into: &report) else { return }
        do {
            var table = CrawlerTableDefinition.table(
                database: database, name: name, layout: layout, schema: schema, log: &report.log)
            if let existing = try engine.catalog.table(db: database, name: name) {
                guard existing.location == table.location else {
                    report.problems.append("table \(database).\(name) exists at \(existing.location); not changed")
                    report.log.append(report.problems[report.problems.count - 1])
                    return
                }
                table = try update(existing, to: table, into: &report)
            } else {
                table = try engine.catalog.createTable(table)
                report.tablesCreated += 1
                report.log.append("created table \(table.qualifiedName) (\(table.columns.count) columns, "
                    + "\(table.partitionKeys.count) partition keys) from \(folder)")
            }
            if !table.partitionKeys.isEmpty {
                let added = try engine.catalog.addPartitions(
                    try PartitionDiscovery.discover(table), to: table.qualifiedName, ifNotExists: true)
                report.partitionsAdded += added
                if added > 0 { report.log.append("added \(added) partitions to \(table.qualifiedName)") }
            }
        } catch {
            report.problems.append("table \(database).\(name): \(error)")
            report.log.append(report.problems[report.problems.count - 1])
        }
    }

    /// The schema of the first readable file; unreadable files and files that disagree are reported by name.
    private func inferSchema(_ layout: CrawlerLayout, into report: inout CrawlerReport) -> InferredSchema? {
        var chosen: (file: String, schema: InferredSchema)?
        for file in layout.files {
            do {
                let schema = try SchemaInference.infer(file: file)
                if let chosen {
                    if schema.format != chosen.schema.format || schema.columns != chosen.schema.columns {
                        report.problems.append("\(file): its columns or format differ from \(chosen.file)")
                        report.log.append(report.problems[report.problems.count - 1])
                    }
                } else {
                    chosen = (file, schema)
                    if !schema.skippedColumns.isEmpty {
                        report.log.append("\(file): columns of unsupported types left out: "
                            + schema.skippedColumns.joined(separator: ", "))
                    }
                }
            } catch {
                report.problems.append("unreadable file \(error.description)")
                report.log.append(report.problems[report.problems.count - 1])
            }
        }
        if chosen == nil && !layout.files.isEmpty {
            report.log.append("no readable data file in \(layout.folder); no table")
        }
        return chosen?.schema
    }

    /// Applies the schema-change policy to a table the crawler finds already registered.
    private func update(_ existing: CatalogTable, to found: CatalogTable, into report: inout CrawlerReport) throws
        -> CatalogTable
    {
        guard existing.columns != found.columns || existing.partitionKeys != found.partitionKeys
            || existing.format != found.format else { return existing }
        let change = "schema of \(existing.qualifiedName) changed on disk: "
            + CrawlerTableDefinition.describe(existing) + " -> " + CrawlerTableDefinition.describe(found)
        if settings.schemaChangePolicy == .log {
            report.log.append(change + " (logged only, as the crawler's policy says)")
            return existing
        }
        var replaced = existing
        replaced.columns = found.columns
        replaced.partitionKeys = found.partitionKeys
        replaced.format = found.format
        replaced.serdeLibrary = found.serdeLibrary
        replaced.serdeProperties = found.serdeProperties
        for entry in found.properties { replaced.properties[entry.key] = entry.value }
        let stored = try engine.catalog.replaceTable(replaced, expectedVersion: existing.version)
        report.tablesUpdated += 1
        report.log.append(change + " (updated)")
        return stored
    }

    private static func seconds(since start: ContinuousClock.Instant) -> Double {
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }
}
