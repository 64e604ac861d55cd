/// Reading and writing rows of the `crawlers` table.
enum CrawlerRows {
    static let columns = """
        id, name, database_name, targets, schedule, recrawl_policy, schema_change_policy, table_prefix, properties, \
        created_at
        """

    static func normalized(_ crawler: CatalogCrawler) throws(CatalogError) -> CatalogCrawler {
        var crawler = crawler
        crawler.name = try CatalogValues.normalizedName(crawler.name, what: "Crawler")
        crawler.database = try CatalogValues.normalizedName(crawler.database, what: "Database")
        guard !crawler.targets.isEmpty else {
            throw CatalogError(.invalidDefinition, "Crawler '\(crawler.name)' has no target folders")
        }
        if let relative = crawler.targets.first(where: { !$0.hasPrefix("/") && !$0.contains("://") }) {
            throw CatalogError(
                .invalidDefinition, "Crawler '\(crawler.name)' needs absolute target folders, not '\(relative)'")
        }
        if let schedule = crawler.schedule, schedule.split(separator: " ").count != 5 {
            throw CatalogError(
                .invalidDefinition,
                "Crawler '\(crawler.name)' has schedule '\(schedule)'; expected five cron fields such as '0 3 * * *'")
        }
        return crawler
    }

    static func decode(_ row: SQLiteStatement) throws -> (id: Int64, crawler: CatalogCrawler) {
        guard let recrawl = RecrawlPolicy(rawValue: row.text(5)),
            let schemaChange = SchemaChangePolicy(rawValue: row.text(6))
        else { throw StringListCoding.DecodingError() }
        let crawler = CatalogCrawler(
            name: row.text(1), database: row.text(2),
            targets: try StringListCoding.decodeValues(row.text(3)).compactMap { $0 },
            schedule: row.optionalText(4), recrawlPolicy: recrawl, schemaChangePolicy: schemaChange,
            tablePrefix: row.text(7), properties: try StringListCoding.decodeProperties(row.text(8)),
            createdAt: CatalogValues.date(row.int64(9)))
        return (row.int64(0), crawler)
    }

    static func find(_ name: String, in connection: SQLiteConnection) throws -> (id: Int64, crawler: CatalogCrawler)? {
        let select = try connection.cached("SELECT \(columns) FROM crawlers WHERE name = ?")
        try select.bind(name, at: 1)
        guard try select.step() else { return nil }
        let found = try decode(select)
        select.reset()
        return found
    }

    /// Binds database through properties (7 values) starting at parameter `first`.
    static func bindContents(_ crawler: CatalogCrawler, to statement: SQLiteStatement, from first: Int32) throws {
        try statement.bind(crawler.database, at: first)
        try statement.bind(StringListCoding.encode(crawler.targets), at: first + 1)
        try statement.bind(crawler.schedule, at: first + 2)
        try statement.bind(crawler.recrawlPolicy.rawValue, at: first + 3)
        try statement.bind(crawler.schemaChangePolicy.rawValue, at: first + 4)
        try statement.bind(crawler.tablePrefix, at: first + 5)
        try statement.bind(StringListCoding.encode(crawler.properties), at: first + 6)
    }
}
