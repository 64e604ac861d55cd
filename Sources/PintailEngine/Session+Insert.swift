import PintailCatalog
import PintailCodecs
import PintailCore
import PintailExecution
import PintailPlanner
import PintailSQL

/// INSERT INTO t [(columns)] query, as Athena runs it on a Parquet table: the rows are written as new files beside
/// the existing ones (one per partition), new partitions are registered in the catalog. The files are written into
/// a hidden staging folder first and moved in only when the query has finished; a failure takes back the moved
/// files, so no partial insert is ever visible and nothing that existed is touched.
extension Session {
    func insert(_ s: Insert) throws -> StatementResult {
        let table = try catalogTable(s.table)
        let handle = try lookup.handle(table)
        guard handle.format.uppercased() == "PARQUET" else {
            throw SemanticError("INSERT INTO writes Parquet tables only; '\(table.database).\(table.name)' is stored as \(handle.format)",
                                at: s.table.location)
        }
        if handle.tableProperties["projection.enabled"]?.lowercased() == "true" {
            throw SemanticError("INSERT INTO a table with partition projection is not supported; its partitions are not in the catalog",
                                at: s.table.location)
        }
        let target = handle.columns + handle.partitionKeys
        let query = try optimize(try QueryBinder(catalog: lookup).bind(s.query))
        let sources = try insertSources(s, target: target, queryWidth: query.fields.count)
        var expressions: [BoundExpr] = []
        for (field, source) in zip(target, sources) {
            guard let q = source else {
                expressions.append(.literal(.null, field.type))
                continue
            }
            let from = query.fields[q].type
            if from == field.type {
                expressions.append(.column(q, from))
            } else if from == .unknown || TypeResolution.canCoerce(from, to: field.type) {
                expressions.append(.cast(.column(q, from), field.type, isTry: false))
            } else {
                throw SemanticError("Insert query has mismatched column types: column '\(field.name)' is \(field.type), the query gives \(from)",
                                    at: s.query.location)
            }
        }
        let plan = LogicalPlan.project(query, expressions: expressions, fields: target)
        return try writeInsert(plan, into: table, handle: handle)
    }

    /// For every target column, the query column that fills it (nil: NULL).
    private func insertSources(_ s: Insert, target: [Field], queryWidth: Int) throws -> [Int?] {
        guard let listed = s.columns else {
            guard queryWidth == target.count else {
                throw SemanticError("Insert query has \(queryWidth) column\(queryWidth == 1 ? "" : "s") but table '\(s.table.parts.map(\.value).joined(separator: "."))' has \(target.count)",
                                    at: s.query.location)
            }
            return Array(target.indices)
        }
        var positions: [String: Int] = [:]
        for (i, c) in listed.enumerated() {
            let name = c.value.lowercased()
            guard target.contains(where: { $0.name == name }) else {
                throw SemanticError("Insert column name does not exist in target table: \(c.value)", at: c.location)
            }
            guard positions[name] == nil else { throw SemanticError("Insert column name is specified more than once: \(c.value)", at: c.location) }
            positions[name] = i
        }
        guard listed.count == queryWidth else {
            throw SemanticError("Insert query has \(queryWidth) column\(queryWidth == 1 ? "" : "s") but \(listed.count) target column\(listed.count == 1 ? " is" : "s are") listed",
                                at: s.query.location)
        }
        return target.map { positions[$0.name] }
    }

    private func writeInsert(_ plan: LogicalPlan, into table: CatalogTable, handle: TableHandle) throws -> StatementResult {
        let queryID = QueryID.make()
        let staging = handle.location + "/.pintail-insert-\(queryID)"
        let keys = handle.partitionKeys.map(\.name)
        let codec = CompressionCodec(rawValue: handle.tableProperties["parquet.compression"]?.uppercased() ?? "") ?? .gzip
        let registered = Dictionary((try catalog.partitions(of: table.qualifiedName)).map { ($0.values, $0) },
                                    uniquingKeysWith: { first, _ in first })
        let stats = ExecutionStatistics()
        var rows = 0
        var moved: [String] = []
        var newPartitions: [CatalogPartition] = []
        var grownPartitions: [CatalogPartition] = []
        do {
            guard FileSystem.makeDirectories(staging) else { throw ExecutionError("Cannot create staging folder '\(staging)'") }
            let sink = try PartitionedParquetSink(root: staging, queryID: queryID, columns: plan.fields.map { ($0.name, $0.type) },
                                                  partitionedBy: keys, codec: codec)
            try PhysicalPlanner.stream(plan, statistics: stats, workers: engine.options.threads) { batch in
                rows += batch.count
                try sink.write(batch)
            }
            let written = try sink.finish()
            if rows > 0 {
                for part in written {
                    let file = "/" + part.fileName
                    let folder = registered[part.values]?.location
                        ?? (part.relativePath.isEmpty ? handle.location : handle.location + "/" + part.relativePath)
                    let added = PartitionStats(fileCount: 1, byteCount: Int64(part.bytes), rowCount: Int64(part.rows))
                    if var known = registered[part.values] {
                        // Keep the catalog's counts true; unknown counts (never measured) stay unknown.
                        if let s = known.stats {
                            known.stats = PartitionStats(fileCount: s.fileCount + 1, byteCount: s.byteCount + added.byteCount,
                                                         rowCount: s.rowCount.map { $0 + Int64(part.rows) })
                            grownPartitions.append(known)
                        }
                    } else if !keys.isEmpty {
                        newPartitions.append(CatalogPartition(values: part.values, location: folder, stats: added))
                    }
                    guard FileSystem.makeDirectories(folder) else { throw ExecutionError("Cannot create folder '\(folder)'") }
                    let source = (part.relativePath.isEmpty ? staging : staging + "/" + part.relativePath) + file
                    try FileSystem.rename(source, to: folder + file)
                    moved.append(folder + file)
                }
            }
            FileSystem.removeTree(staging)
            if !newPartitions.isEmpty || !grownPartitions.isEmpty {
                try catalog.transaction {
                    if !newPartitions.isEmpty { _ = try catalog.addPartitions(newPartitions, to: table.qualifiedName, ifNotExists: true) }
                    if !grownPartitions.isEmpty { _ = try catalog.updatePartitions(grownPartitions, of: table.qualifiedName) }
                }
            }
        } catch {
            // Take back what was moved in (and the new partition folders it made), so the table is as it was.
            for file in moved { FileSystem.removeFile(file) }
            for p in newPartitions where FileSystem.isEmptyDirectory(p.location) { FileSystem.removeDirectory(p.location) }
            FileSystem.removeTree(staging)
            throw error
        }
        var result = StatementResult(message: "INSERT INTO: \(rows) row\(rows == 1 ? "" : "s")")
        result.statistics.bytesScanned = stats.bytesScanned
        return result
    }
}
