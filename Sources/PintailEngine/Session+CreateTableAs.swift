import PintailCatalog
import PintailCodecs
import PintailCore
import PintailExecution
import PintailPlanner
import PintailSQL

/// CREATE TABLE ... WITH (...) AS SELECT, as Athena spells it: Parquet files in Hive layout under
/// `external_location`, written to a staging folder, published with one rename, and registered in the catalog in
/// one transaction. After a failure no partial table is visible and nothing that existed is lost.
extension Session {
    func createTableAs(_ c: CreateTableAsSelect) throws -> StatementResult {
        let (db, name) = try split(c.name)
        guard try catalog.database(named: db) != nil else {
            throw SemanticError("Database '\(db)' does not exist", at: c.name.location)
        }
        if try catalog.table(db: db, name: name) != nil {
            if c.ifNotExists { return StatementResult(message: "CREATE TABLE: table \(db).\(name) already exists") }
            throw SemanticError("Table '\(db).\(name)' already exists", at: c.name.location)
        }
        let options = try CTASOptions(c.properties, defaultLocation: engine.homePath + "/warehouse/\(db)/\(name)")
        // `AS USING FUNCTION ... SELECT`: the declared model functions are in scope for the filling query only.
        var plan = try optimize(try QueryBinder(catalog: lookup, userFunctions: try userFunctions(c.functions)).bind(c.query))
        var names = plan.fields.map(\.name)
        if let aliases = c.columnAliases {
            guard aliases.count == names.count else {
                throw SemanticError("Column alias list has \(aliases.count) entries but the query has \(names.count) columns", at: c.name.location)
            }
            names = aliases.map(\.value)
        }
        var seen = Set<String>()
        for (n, f) in zip(names, plan.fields) {
            guard seen.insert(n).inserted else { throw SemanticError("Column name '\(n)' specified more than once", at: c.query.location) }
            guard !n.hasPrefix("_col") || c.columnAliases != nil else {
                throw SemanticError("Column name not specified for expression \(n); give it an alias", at: c.query.location)
            }
            guard f.type != .unknown else { throw SemanticError("Column '\(n)' has unknown type (a bare NULL); CAST it", at: c.query.location) }
        }
        for p in options.partitionedBy where !names.contains(p) {
            throw SemanticError("Partition column '\(p)' is not in the query's columns", at: c.name.location)
        }
        if !options.partitionedBy.isEmpty {
            // Partition columns go last, in the order given, as Athena requires of the query and Hive of the layout.
            let order = names.indices.filter { !options.partitionedBy.contains(names[$0]) } + options.partitionedBy.map { p in names.firstIndex(of: p)! }
            let fields = order.map { Field(name: names[$0], type: plan.fields[$0].type) }
            plan = .project(plan, expressions: order.map { .column($0, plan.fields[$0].type) }, fields: fields)
            names = order.map { names[$0] }
        }
        let location = options.location
        if FileSystem.exists(location) && !FileSystem.isEmptyDirectory(location) {
            throw SemanticError("Target location '\(location)' is not empty; CTAS writes only to a new or empty folder", at: c.name.location)
        }
        let parent = String(location[..<(location.lastIndex(of: "/") ?? location.startIndex)])
        guard FileSystem.makeDirectories(parent.isEmpty ? "/" : parent) else {
            throw ExecutionError("Cannot create folder '\(parent)'")
        }
        let queryID = QueryID.make()
        let staging = parent + "/.pintail-staging-\(queryID)"
        let stats = ExecutionStatistics()
        var written: [PartitionedParquetSink.WrittenPartition] = []
        var rows = 0
        do {
            guard FileSystem.makeDirectories(staging) else { throw ExecutionError("Cannot create staging folder '\(staging)'") }
            let sink = try PartitionedParquetSink(root: staging, queryID: queryID,
                                                  columns: zip(names, plan.fields).map { ($0, $1.type) },
                                                  partitionedBy: options.partitionedBy, codec: options.codec)
            if c.withData {
                try PhysicalPlanner.stream(plan, statistics: stats, workers: engine.options.threads) { batch in
                    rows += batch.count
                    try sink.write(batch)
                }
            }
            written = try sink.finish()
            if FileSystem.exists(location) { FileSystem.removeDirectory(location) }
            try FileSystem.rename(staging, to: location)
        } catch {
            FileSystem.removeTree(staging)
            throw error
        }
        let dataFields = zip(names, plan.fields).filter { !options.partitionedBy.contains($0.0) }
        let keyFields = options.partitionedBy.map { p in (p, plan.fields[names.firstIndex(of: p)!]) }
        let table = CatalogTable(
            database: db, name: name, kind: .external, location: location, format: .parquet,
            serdeLibrary: "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe",
            properties: ["parquet.compression": options.codec.rawValue],
            columns: dataFields.map { CatalogColumn(name: $0.0, type: HiveTypeText.text($0.1.type)) },
            partitionKeys: keyFields.map { CatalogColumn(name: $0.0, type: HiveTypeText.text($0.1.type)) })
        do {
            try catalog.transaction {
                _ = try catalog.createTable(table)
                if !keyFields.isEmpty {
                    let parts = written.map { CatalogPartition(values: $0.values, location: location + "/" + $0.relativePath,
                                                               stats: PartitionStats(fileCount: 1, byteCount: Int64($0.bytes), rowCount: Int64($0.rows))) }
                    _ = try catalog.addPartitions(parts, to: table.qualifiedName)
                }
            }
        } catch {
            // The catalog refused: take the files back out so nothing half-made stays behind.
            FileSystem.removeTree(location)
            throw error
        }
        var result = StatementResult(message: "CREATE TABLE AS: \(rows) row\(rows == 1 ? "" : "s") in \(written.count) file\(written.count == 1 ? "" : "s")")
        result.statistics.bytesScanned = stats.bytesScanned
        return result
    }
}

/// The WITH (...) properties of a CTAS.
struct CTASOptions {
    var location: String
    var partitionedBy: [String] = []
    var codec: CompressionCodec = .gzip

    init(_ properties: [Property], defaultLocation: String) throws {
        location = defaultLocation
        for p in properties {
            func string() throws -> String {
                guard case .literal(.string(let s)) = p.value.kind else {
                    throw SemanticError("Property '\(p.name.value)' must be a string", at: p.value.location)
                }
                return s.value
            }
            switch p.name.value {
            case "format":
                let f = try string().uppercased()
                guard f == "PARQUET" else {
                    throw SemanticError("format '\(f)' is not supported for CREATE TABLE AS; use 'PARQUET'", at: p.value.location)
                }
            case "external_location":
                location = absolutePath(try string())
            case "partitioned_by":
                guard case .array(let items) = p.value.kind else {
                    throw SemanticError("partitioned_by must be an ARRAY of column names", at: p.value.location)
                }
                partitionedBy = try items.map { item in
                    guard case .literal(.string(let s)) = item.kind else {
                        throw SemanticError("partitioned_by must list column names as strings", at: item.location)
                    }
                    return s.value.lowercased()
                }
            case "write_compression", "parquet_compression":
                switch try string().uppercased() {
                case "SNAPPY": codec = .snappy
                case "GZIP": codec = .gzip
                case "ZSTD": codec = .zstd
                case "NONE", "UNCOMPRESSED": codec = .uncompressed
                case "LZ4": codec = .lz4Raw
                case let other: throw SemanticError("Unsupported compression '\(other)'; use SNAPPY, GZIP, ZSTD, LZ4 or NONE", at: p.value.location)
                }
            case "bucketed_by", "bucket_count":
                throw SemanticError("Bucketing is not supported", at: p.location)
            default:
                throw SemanticError("Unknown table property '\(p.name.value)'", at: p.location)
            }
        }
    }
}

enum QueryID {
    /// A time-ordered id for file names: yyyyMMdd_HHmmss_nnnnn_random, as Athena/Trino query ids look.
    static func make() -> String {
        let micros = Int64(Clock.wall() * 1e6)
        let t = Calendar.formatTimestamp(micros, precision: 0).replacingOccurrences(of: "-", with: "")
            .replacingOccurrences(of: ":", with: "").replacingOccurrences(of: " ", with: "_")
        return t + "_" + String(UInt32.random(in: 0...UInt32.max), radix: 36)
    }
}

extension HiveTypeText {
    /// Hive's spelling of an engine type, as the catalog stores column types.
    static func text(_ t: DataType) -> String {
        switch t {
        case .integer: return "int"
        case .real: return "float"
        case .varchar(nil): return "string"
        case .varbinary: return "binary"
        case .timestamp: return "timestamp"
        case .array(let e): return "array<\(text(e))>"
        case .map(let k, let v): return "map<\(text(k)),\(text(v))>"
        case .row(let fields): return "struct<" + fields.enumerated().map { "\($1.name ?? "field\($0)"):\(text($1.type))" }.joined(separator: ",") + ">"
        default: return t.description
        }
    }
}
