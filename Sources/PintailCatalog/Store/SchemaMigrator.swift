/// Brings a catalog file up to date on open: checks that it is ours and not too new, then applies the
/// missing migrations in one transaction (so a crash mid-upgrade leaves the old version intact).
struct SchemaMigrator {
    let connection: SQLiteConnection
    let path: String

    /// Applies migrations up to `targetVersion` (tests stop early to build old catalogs).
    /// Expects to run inside a `BEGIN IMMEDIATE` transaction. Returns the version now in the file.
    func migrate(to targetVersion: Int64 = CatalogSchema.latestVersion) throws -> Int64 {
        let applicationID = try connection.scalarInt("PRAGMA application_id") ?? 0
        let current = try connection.scalarInt("PRAGMA user_version") ?? 0
        if applicationID != CatalogSchema.applicationID {
            let objectCount = try connection.scalarInt("SELECT count(*) FROM sqlite_master") ?? 0
            guard applicationID == 0, current == 0, objectCount == 0 else {
                throw CatalogError(
                    .invalidCatalogFile, "'\(path)' is a SQLite database, but not a Pintail catalog")
            }
        }
        if current > CatalogSchema.latestVersion {
            throw CatalogError(
                .catalogTooNew,
                "Catalog '\(path)' has schema version \(current), but this build of Pintail understands only "
                    + "up to version \(CatalogSchema.latestVersion); upgrade Pintail to open it")
        }
        var version = current
        for migration in CatalogSchema.migrations where migration.version > current && migration.version <= targetVersion {
            try connection.execute(migration.sql)
            version = migration.version
        }
        if version != current {
            try connection.execute("PRAGMA user_version = \(version)")
        }
        if applicationID != CatalogSchema.applicationID {
            try connection.execute("PRAGMA application_id = \(CatalogSchema.applicationID)")
        }
        return version
    }
}
