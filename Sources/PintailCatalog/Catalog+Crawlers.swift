/// Crawler definitions and their run log, for the crawler process and its scheduler.
extension Catalog {
    /// Registers a crawler and returns it as stored; with `ifNotExists` an existing one is returned.
    @discardableResult
    public func createCrawler(_ crawler: CatalogCrawler, ifNotExists: Bool = false) throws(CatalogError)
        -> CatalogCrawler
    {
        var stored = try CrawlerRows.normalized(crawler)
        return try write { connection in
            if let existing = try CrawlerRows.find(stored.name, in: connection) {
                if ifNotExists { return existing.crawler }
                throw CatalogError.crawlerExists(stored.name)
            }
            let now = CatalogValues.nowMillis()
            stored.createdAt = CatalogValues.date(now)
            let insert = try connection.cached("""
                INSERT INTO crawlers (name, database_name, targets, schedule, recrawl_policy, schema_change_policy,
                    table_prefix, properties, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            try insert.bind(stored.name, at: 1)
            try CrawlerRows.bindContents(stored, to: insert, from: 2)
            try insert.bind(now, at: 9)
            try insert.run()
            return stored
        }
    }

    /// Changes an existing crawler's definition; its run log is kept.
    @discardableResult
    public func replaceCrawler(_ crawler: CatalogCrawler) throws(CatalogError) -> CatalogCrawler {
        var stored = try CrawlerRows.normalized(crawler)
        return try write { connection in
            guard let existing = try CrawlerRows.find(stored.name, in: connection) else {
                throw CatalogError.crawlerNotFound(stored.name)
            }
            let update = try connection.cached("""
                UPDATE crawlers SET database_name = ?, targets = ?, schedule = ?, recrawl_policy = ?,
                    schema_change_policy = ?, table_prefix = ?, properties = ?
                WHERE id = ?
                """)
            try CrawlerRows.bindContents(stored, to: update, from: 1)
            try update.bind(existing.id, at: 8)
            try update.run()
            stored.createdAt = existing.crawler.createdAt
            return stored
        }
    }

    /// Removes a crawler and its run log; returns it (nil when missing and `ifExists`). Tables the
    /// crawler created stay.
    @discardableResult
    public func dropCrawler(_ name: String, ifExists: Bool = false) throws(CatalogError) -> CatalogCrawler? {
        let name = try CatalogValues.normalizedName(name, what: "Crawler")
        return try write { connection in
            guard let existing = try CrawlerRows.find(name, in: connection) else {
                if ifExists { return nil }
                throw CatalogError.crawlerNotFound(name)
            }
            let delete = try connection.cached("DELETE FROM crawlers WHERE id = ?")
            try delete.bind(existing.id, at: 1)
            try delete.run()
            return existing.crawler
        }
    }

    /// The crawler called `name` (any case), or nil.
    public func crawler(named name: String) throws(CatalogError) -> CatalogCrawler? {
        let name = try CatalogValues.normalizedName(name, what: "Crawler")
        return try read { connection in try CrawlerRows.find(name, in: connection)?.crawler }
    }

    /// All crawlers, by name.
    public func crawlers() throws(CatalogError) -> [CatalogCrawler] {
        try read { connection in
            let select = try connection.cached("SELECT \(CrawlerRows.columns) FROM crawlers ORDER BY name")
            var result: [CatalogCrawler] = []
            while try select.step() { result.append(try CrawlerRows.decode(select).crawler) }
            return result
        }
    }

    /// Appends a finished run to a crawler's log, keeping only the newest `keepLast` runs.
    public func recordCrawlerRun(_ run: CrawlerRun, for crawler: String, keepLast: Int = 100) throws(CatalogError) {
        let name = try CatalogValues.normalizedName(crawler, what: "Crawler")
        try write { connection in
            guard let crawlerID = try CrawlerRows.find(name, in: connection)?.id else {
                throw CatalogError.crawlerNotFound(name)
            }
            let insert = try connection.cached("""
                INSERT INTO crawler_runs (crawler_id, started_at, elapsed_seconds, status, tables_created,
                    tables_updated, partitions_added, log)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
            try insert.bind(crawlerID, at: 1)
            try insert.bind(CatalogValues.millis(run.startedAt), at: 2)
            try insert.bind(run.elapsedSeconds.isFinite ? run.elapsedSeconds : 0, at: 3)
            try insert.bind(run.status.rawValue, at: 4)
            try insert.bind(run.tablesCreated, at: 5)
            try insert.bind(run.tablesUpdated, at: 6)
            try insert.bind(run.partitionsAdded, at: 7)
            try insert.bind(run.log, at: 8)
            try insert.run()
            let prune = try connection.cached("""
                DELETE FROM crawler_runs WHERE crawler_id = ?1 AND id <= (SELECT id FROM crawler_runs
                    WHERE crawler_id = ?1 ORDER BY id DESC LIMIT 1 OFFSET ?2)
                """)
            try prune.bind(crawlerID, at: 1)
            try prune.bind(Int64(max(0, keepLast)), at: 2)
            try prune.run()
        }
    }

    /// A crawler's runs, newest first.
    public func crawlerRuns(of crawler: String, limit: Int = 20) throws(CatalogError) -> [CrawlerRun] {
        let name = try CatalogValues.normalizedName(crawler, what: "Crawler")
        return try read { connection in
            guard let crawlerID = try CrawlerRows.find(name, in: connection)?.id else {
                throw CatalogError.crawlerNotFound(name)
            }
            let select = try connection.cached("""
                SELECT started_at, elapsed_seconds, status, tables_created, tables_updated, partitions_added, log
                FROM crawler_runs WHERE crawler_id = ? ORDER BY id DESC LIMIT ?
                """)
            try select.bind(crawlerID, at: 1)
            try select.bind(Int64(max(0, limit)), at: 2)
            var runs: [CrawlerRun] = []
            while try select.step() {
                guard let status = QueryStatus(rawValue: select.text(2)) else { throw StringListCoding.DecodingError() }
                runs.append(CrawlerRun(
                    startedAt: CatalogValues.date(select.int64(0)), elapsedSeconds: select.double(1), status: status,
                    tablesCreated: select.int64(3), tablesUpdated: select.int64(4), partitionsAdded: select.int64(5),
                    log: select.text(6)))
            }
            return runs
        }
    }
}
