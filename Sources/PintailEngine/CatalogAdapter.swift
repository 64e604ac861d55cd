import PintailCatalog
import PintailCore
import PintailPlanner
import PintailSQL

/// Presents the SQLite catalog to the binder: a catalog table becomes a typed `TableHandle`.
struct CatalogAdapter: CatalogLookup {
    let catalog: Catalog
    let currentDatabase: String

    func table(database: String?, name: String) throws -> TableHandle {
        let db = database ?? currentDatabase
        let found: CatalogTable?
        do { found = try catalog.table(db: db, name: name) } catch { throw SemanticError(error.description) }
        guard let t = found else {
            if (try? catalog.database(named: db)) == nil {
                throw SemanticError("Database '\(db)' does not exist")
            }
            throw SemanticError("Table '\(db).\(name)' does not exist")
        }
        return try handle(t)
    }

    func handle(_ t: CatalogTable) throws -> TableHandle {
        func fields(_ columns: [CatalogColumn]) throws -> [Field] {
            try columns.map { Field(name: $0.name, type: try HiveTypeText.parse($0.type)) }
        }
        var props: [String: String] = [:]
        for e in t.properties { props[e.key] = e.value }
        var partitions: [PartitionHandle] = []
        // Projected tables compute their partitions from the properties (below), never from the catalog.
        if !t.partitionKeys.isEmpty, !PartitionProjection.isEnabled(props) {
            do {
                partitions = try catalog.partitions(of: t.qualifiedName).map { PartitionHandle(values: $0.values, location: $0.location) }
            } catch { throw SemanticError(error.description) }
        }
        var serde: [String: String] = [:]
        for e in t.serdeProperties { serde[e.key] = e.value }
        let table = TableHandle(database: t.database, name: t.name, columns: try fields(t.columns),
                                partitionKeys: try fields(t.partitionKeys), location: t.location, format: t.format.rawValue,
                                serdeProperties: serde, tableProperties: props, partitions: partitions)
        return try PartitionProjection.apply(to: table)
    }
}

/// Column types are stored as written in the DDL (`int`, `decimal(10,2)`, `array<string>`); the SQL type parser reads
/// them back.
enum HiveTypeText {
    static func parse(_ text: String) throws -> DataType {
        do {
            let e = try PintailSQL.parseExpression("CAST(NULL AS \(text))")
            guard case .cast(_, let syntax, _) = e.kind else { throw SemanticError("Unknown type '\(text)'") }
            return try TypeResolution.resolve(syntax)
        } catch let e as SemanticError {
            throw e
        } catch {
            throw SemanticError("Unknown type '\(text)' in the catalog")
        }
    }
}
