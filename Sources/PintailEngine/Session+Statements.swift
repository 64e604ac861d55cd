import PintailCatalog
import PintailCore
import PintailExecution
import PintailPlanner
import PintailSQL

extension Session {
    var catalog: Catalog { engine.catalog }
    var lookup: CatalogAdapter { CatalogAdapter(catalog: catalog, currentDatabase: currentDatabase) }

    /// Runs one statement, turning every layer's error into a PintailError positioned in `script`.
    func run(_ statement: Statement, script: String) throws -> StatementResult {
        let text = String(script.utf8.dropFirst(statement.range.start.offset).prefix(statement.range.offsets.count)) ?? ""
        do {
            var result = try dispatch(statement)
            result.sql = text
            return result
        } catch let e as PintailError {
            throw e
        } catch let e as SemanticError {
            let at = e.location ?? statement.location
            throw PintailError(.semantic, e.message, line: at.line, column: at.column, sql: script)
        } catch let e as ExecutionError {
            throw PintailError(.execution, e.message)
        } catch let e as CatalogError {
            throw PintailError(.catalog, e.message, line: statement.location.line, column: statement.location.column, sql: script)
        } catch {
            throw PintailError(.internal, "\(error)")
        }
    }

    private func dispatch(_ statement: Statement) throws -> StatementResult {
        switch statement.kind {
        case .query(let q):
            return try runQuery(q)
        case .queryWithFunctions(let functions, let q):
            return try runQuery(q, functions: try userFunctions(functions))
        case .explain(let e):
            guard case .query(let q) = e.statement.kind else {
                throw SemanticError("EXPLAIN supports queries only", at: e.statement.location)
            }
            let plan = try optimize(try QueryBinder(catalog: lookup).bind(q))
            if e.analyze { return try explainAnalyze(plan) }
            // One row per plan line, so every output format shows the tree as it is.
            let lines = PlanPrinter.text(plan).split(separator: "\n").map { [Value.string(String($0))] }
            return StatementResult(columns: [ResultColumn(name: "Query Plan", type: .string)],
                                   batches: [rowsBatch(lines, types: [.string])])
        case .createDatabase(let c):
            let name = try singleName(c.name)
            var props = Properties()
            for p in c.properties { props[p.key.value] = p.value.value }
            try catalog.createDatabase(CatalogDatabase(name: name, comment: c.comment?.value,
                                                       location: c.storageLocation.map { absolutePath($0.value) }, properties: props),
                                       ifNotExists: c.ifNotExists)
            return StatementResult(message: "CREATE DATABASE")
        case .dropDatabase(let d):
            let name = try singleName(d.name)
            try catalog.dropDatabase(name, ifExists: d.ifExists, cascade: d.cascade)
            if name == currentDatabase { use("default") }
            return StatementResult(message: "DROP DATABASE")
        case .showDatabases(let pattern):
            var names = try catalog.databases().map(\.name)
            if let pattern { let p = TableNamePattern(pattern.value); names = names.filter { p.matches($0) } }
            return listing("database_name", names)
        case .showTables(let db, let pattern):
            let database = try db.map(singleName) ?? currentDatabase
            guard try catalog.database(named: database) != nil else {
                throw SemanticError("Database '\(database)' does not exist", at: db?.location)
            }
            return listing("tab_name", try catalog.tableNames(in: database, like: pattern?.value))
        case .describe(let name, _), .showColumns(let name, _):
            let t = try catalogTable(name)
            let handle = try lookup.handle(t)
            var rows: [[Value]] = []
            for (c, f) in zip(t.columns + t.partitionKeys, handle.schema) {
                let extra = t.partitionKeys.contains(c) ? "partition key" : ""
                rows.append([.string(c.name), .string(f.type.description), .string(extra), .string(c.comment ?? "")])
            }
            if case .showColumns = statement.kind {
                return StatementResult(columns: [ResultColumn(name: "field", type: .string)],
                                       batches: [rowsBatch(rows.map { [$0[0]] }, types: [.string])])
            }
            return StatementResult(columns: ["column", "type", "extra", "comment"].map { ResultColumn(name: $0, type: .string) },
                                   batches: [rowsBatch(rows, types: [.string, .string, .string, .string])])
        case .showCreateTable(let name):
            let t = try catalogTable(name)
            return StatementResult(columns: [ResultColumn(name: "createtab_stmt", type: .string)],
                                   batches: [rowsBatch([[.string(ShowCreateTable.text(t))]], types: [.string])])
        case .showPartitions(let name):
            let t = try catalogTable(name)
            guard !t.partitionKeys.isEmpty else {
                throw SemanticError("Table \(t.qualifiedName) is not partitioned", at: name.location)
            }
            let parts = try catalog.partitions(of: t.qualifiedName).map { p in
                zip(t.partitionKeys, p.values).map { "\($0.name)=\($1 ?? CatalogPartition.hiveDefaultPartitionName)" }.joined(separator: "/")
            }
            return listing("partition", parts.sorted())
        case .dropTable(let name, let ifExists):
            let (db, table) = try split(name)
            _ = try catalog.dropTable(db: db, name: table, ifExists: ifExists)
            return StatementResult(message: "DROP TABLE")
        case .use(let name):
            let db = try singleName(name)
            guard try catalog.database(named: db) != nil else { throw SemanticError("Database '\(db)' does not exist", at: name.location) }
            use(db)
            return StatementResult(message: "USE")
        case .createTable(let c):
            try catalog.createTable(try TableDefinition.catalogTable(c, defaultDatabase: currentDatabase), ifNotExists: c.ifNotExists)
            return StatementResult(message: "CREATE TABLE")
        case .repairTable(let name):
            let t = try catalogTable(name)
            let found = try PartitionDiscovery.discover(t)
            let added = try catalog.addPartitions(found, to: t.qualifiedName, ifNotExists: true)
            return StatementResult(message: "MSCK REPAIR TABLE: \(added) partition\(added == 1 ? "" : "s") added")
        case .addPartitions(let a):
            let t = try catalogTable(a.table)
            let parts = try a.partitions.map { try PartitionDiscovery.partition(for: $0, of: t) }
            let added = try catalog.addPartitions(parts, to: t.qualifiedName, ifNotExists: a.ifNotExists)
            return StatementResult(message: "ALTER TABLE ADD PARTITION: \(added) added")
        case .dropPartitions(let d):
            let t = try catalogTable(d.table)
            let values = try d.partitions.map { try PartitionDiscovery.partition(for: $0, of: t).values }
            _ = try catalog.dropPartitions(values, from: t.qualifiedName, ifExists: d.ifExists)
            return StatementResult(message: "ALTER TABLE DROP PARTITION")
        case .createTableAsSelect(let c):
            return try createTableAs(c)
        case .insert(let s):
            return try insert(s)
        case .createEndpoint(let c):
            return try createEndpoint(c)
        case .dropEndpoint(let name, let ifExists):
            _ = try catalog.dropEndpoint(name.value, ifExists: ifExists)
            return StatementResult(message: "DROP ENDPOINT")
        case .showEndpoints:
            return try showEndpoints()
        }
    }

    private func runQuery(_ q: Query, functions: [UserFunction] = []) throws -> StatementResult {
        let plan = try optimize(try QueryBinder(catalog: lookup, userFunctions: functions).bind(q))
        let stats = ExecutionStatistics()
        let batches = try PhysicalPlanner.run(plan, statistics: stats, workers: engine.options.threads)
        var result = StatementResult(columns: plan.fields.map { ResultColumn(name: $0.name, type: $0.type) }, batches: batches)
        result.statistics.bytesScanned = stats.bytesScanned
        if stats.badFields > 0 {
            result.warnings.append("\(stats.badFields) field\(stats.badFields == 1 ? "" : "s") could not be parsed as their column type and were read as NULL")
        }
        return result
    }

    func optimize(_ plan: LogicalPlan) throws -> LogicalPlan {
        // WITH queries read once are inlined; those read more than once are optimized on their own, once.
        try optimizeRules(try SharedSubplans.resolve(plan, optimize: optimizeRules))
    }

    private func optimizeRules(_ plan: LogicalPlan) throws -> LogicalPlan {
        // The rules, in order: predicates to scans, injected projected partitions from them, partition pruning on
        // them, then the narrowest scans.
        try PruneColumns.apply(PartitionPruning.apply(PartitionProjection.resolveInjected(PushDownFilters.apply(plan))))
    }

    private func singleName(_ name: QualifiedName) throws -> String {
        guard name.parts.count == 1, let n = name.parts.first else {
            throw SemanticError("Invalid database name '\(name.dotted)'", at: name.location)
        }
        return n.value
    }

    func split(_ name: QualifiedName) throws -> (String, String) {
        guard let last = name.parts.last, name.parts.count <= 2 else {
            throw SemanticError("Invalid table name '\(name.dotted)'", at: name.location)
        }
        return (name.parts.count == 2 ? name.parts[0].value : currentDatabase, last.value)
    }

    func catalogTable(_ name: QualifiedName) throws -> CatalogTable {
        let (db, table) = try split(name)
        guard let t = try catalog.table(db: db, name: table) else {
            throw SemanticError("Table '\(db).\(table)' does not exist", at: name.location)
        }
        return t
    }

    private func listing(_ column: String, _ values: [String]) -> StatementResult {
        StatementResult(columns: [ResultColumn(name: column, type: .string)],
                        batches: [rowsBatch(values.map { [.string($0)] }, types: [.string])])
    }
}

/// A batch from literal rows (for SHOW and DESCRIBE results).
func rowsBatch(_ rows: [[Value]], types: [DataType]) -> Batch {
    var builders = types.map { VectorBuilder(type: $0) }
    for row in rows { for (i, v) in row.enumerated() { builders[i].append(v) } }
    return Batch(columns: builders.map { $0.finish() }, count: rows.count)
}
