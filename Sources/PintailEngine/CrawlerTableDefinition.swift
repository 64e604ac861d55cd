import PintailCatalog

/// The external table a crawler registers for a dataset folder: what CREATE EXTERNAL TABLE would store.
enum CrawlerTableDefinition {
    static func table(database: String, name: String, layout: CrawlerLayout, schema: InferredSchema,
                      log: inout [String]) -> CatalogTable {
        let keys = zip(layout.keys, layout.values).map { CatalogColumn(name: $0, type: CrawlerLayout.keyType($1)) }
        // A partition key also stored in the files is read from the folder names, as Hive does.
        let keyNames = Set(keys.map(\.name))
        let columns = schema.columns.filter { !keyNames.contains($0.name) }
        if columns.count != schema.columns.count {
            log.append("\(database).\(name): file columns also used as partition keys are read from the folder names")
        }
        var properties: Properties = ["classification": schema.classification]
        var serde = Properties()
        var serdeLibrary = "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe"
        if let delimiter = schema.delimiter {
            serdeLibrary = "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe"
            serde["field.delim"] = delimiter
            serde["serialization.format"] = delimiter
            properties["skip.header.line.count"] = "1"
        }
        return CatalogTable(database: database, name: name, kind: .external, location: layout.folder,
                            format: schema.format, serdeLibrary: serdeLibrary, serdeProperties: serde,
                            properties: properties, columns: columns, partitionKeys: keys)
    }

    /// `format(col type, ...) partitioned by (key type)` for the schema-change log line.
    static func describe(_ t: CatalogTable) -> String {
        let cols = t.columns.map { "\($0.name) \($0.type)" }.joined(separator: ", ")
        let keys = t.partitionKeys.map { "\($0.name) \($0.type)" }.joined(separator: ", ")
        return "\(t.format)(\(cols))" + (keys.isEmpty ? "" : " partitioned by (\(keys))")
    }
}
