import PintailCatalog
import PintailPlanner
import PintailSQL

/// Turns Athena's CREATE [EXTERNAL] TABLE into a catalog table: columns checked for known types, the location made
/// absolute, the row format's delimiters stored as Hive's serde properties.
enum TableDefinition {
    static func catalogTable(_ c: CreateTable, defaultDatabase: String) throws -> CatalogTable {
        guard let last = c.name.parts.last, c.name.parts.count <= 2 else {
            throw SemanticError("Invalid table name '\(c.name.dotted)'", at: c.name.location)
        }
        let db = c.name.parts.count == 2 ? c.name.parts[0].value : defaultDatabase
        guard let location = c.storageLocation else {
            throw SemanticError("CREATE EXTERNAL TABLE needs a LOCATION", at: c.name.location)
        }
        func columns(_ defs: [ColumnDefinition]) throws -> [CatalogColumn] {
            var seen = Set<String>()
            return try defs.map { d in
                _ = try TypeResolution.resolve(d.type)
                guard seen.insert(d.name.value).inserted else {
                    throw SemanticError("Column name '\(d.name.original)' specified more than once", at: d.location)
                }
                return CatalogColumn(name: d.name.value, type: typeText(d.type), comment: d.comment?.value)
            }
        }
        let data = try columns(c.columns)
        let keys = try columns(c.partitionedBy)
        if let clash = keys.first(where: { k in data.contains { $0.name == k.name } }) {
            throw SemanticError("Partition column '\(clash.name)' is also a data column", at: c.name.location)
        }
        var format = StorageFormat.textFile
        var serdeLibrary: String? = "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe"
        var serde = Properties()
        switch c.storedAs {
        case .named(let id)?:
            switch id.value {
            case "textfile": format = .textFile
            case "parquet":
                format = .parquet
                serdeLibrary = "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe"
            default:
                throw SemanticError("STORED AS \(id.original) is not supported; use TEXTFILE or PARQUET", at: id.location)
            }
        case .inputOutput(let input, _)?:
            if input.value.lowercased().contains("parquet") { format = .parquet }
            else if !input.value.contains("TextInputFormat") {
                throw SemanticError("Input format '\(input.value)' is not supported", at: input.location)
            }
        case nil: break
        }
        switch c.rowFormat {
        case .delimited(let d)?:
            if let f = d.fieldsTerminatedBy { serde["field.delim"] = f.hiveValue; serde["serialization.format"] = f.hiveValue }
            if let e = d.escapedBy { serde["escape.delim"] = e.hiveValue }
            if let l = d.linesTerminatedBy {
                guard l.hiveValue == "\n" else {
                    throw SemanticError("LINES TERMINATED BY supports only '\\n', as Hive does", at: l.location)
                }
                serde["line.delim"] = l.hiveValue
            }
            if let n = d.nullDefinedAs { serde["serialization.null.format"] = n.hiveValue }
            if let i = d.collectionItemsTerminatedBy { serde["collection.delim"] = i.hiveValue }
            if let m = d.mapKeysTerminatedBy { serde["mapkey.delim"] = m.hiveValue }
        case .serde(let className, let props)?:
            serdeLibrary = className.value
            for p in props { serde[p.key.value] = p.value.value }
            if className.value.contains("OpenCSVSerde") || className.value.contains("JsonSerDe") {
                throw SemanticError("SerDe '\(className.value)' is not supported yet; use ROW FORMAT DELIMITED", at: className.location)
            }
        case nil: break
        }
        var props = Properties()
        for p in c.tableProperties { props[p.key.value] = p.value.value }
        return CatalogTable(database: db, name: last.value, kind: .external, location: absolutePath(location.value),
                            format: format, serdeLibrary: serdeLibrary, serdeProperties: serde, properties: props,
                            columns: data, partitionKeys: keys, comment: c.comment?.value)
    }

    /// Hive's spelling of a type, as Athena stores it.
    static func typeText(_ t: TypeSyntax) -> String {
        let name = t.name.lowercased()
        switch name {
        case "array": return "array<" + (t.children.first.map { typeText($0.type) } ?? "string") + ">"
        case "map": return "map<" + t.children.map { typeText($0.type) }.joined(separator: ",") + ">"
        case "row", "struct": return "struct<" + t.children.map { ($0.name?.value ?? "") + ":" + typeText($0.type) }.joined(separator: ",") + ">"
        default:
            return t.parameters.isEmpty ? name : name + "(" + t.parameters.map(String.init).joined(separator: ",") + ")"
        }
    }
}

/// Athena's SHOW CREATE TABLE text for a catalog table.
enum ShowCreateTable {
    static func text(_ t: CatalogTable) -> String {
        func cols(_ c: [CatalogColumn]) -> String {
            c.map { "  `\($0.name)` \($0.type)" + ($0.comment.map { " COMMENT '\($0)'" } ?? "") }.joined(separator: ",\n")
        }
        func quote(_ s: String) -> String {
            "'" + s.replacingOccurrences(of: "\t", with: "\\t").replacingOccurrences(of: "\n", with: "\\n") + "'"
        }
        var s = "CREATE EXTERNAL TABLE `\(t.database).\(t.name)`(\n\(cols(t.columns)))\n"
        if let c = t.comment { s += "COMMENT '\(c)'\n" }
        if !t.partitionKeys.isEmpty { s += "PARTITIONED BY (\n\(cols(t.partitionKeys)))\n" }
        if t.format == .parquet {
            s += "STORED AS PARQUET\n"
        } else {
            s += "ROW FORMAT DELIMITED\n"
            if let f = t.serdeProperties["field.delim"] { s += "  FIELDS TERMINATED BY \(quote(f))\n" }
            if let e = t.serdeProperties["escape.delim"] { s += "  ESCAPED BY \(quote(e))\n" }
            if let l = t.serdeProperties["line.delim"] { s += "  LINES TERMINATED BY \(quote(l))\n" }
            if let n = t.serdeProperties["serialization.null.format"] { s += "  NULL DEFINED AS \(quote(n))\n" }
            s += "STORED AS TEXTFILE\n"
        }
        s += "LOCATION\n  '\(t.location)'"
        if !t.properties.isEmpty {
            s += "\nTBLPROPERTIES (\n" + t.properties.map { "  '\($0.key)'='\($0.value)'" }.joined(separator: ",\n") + ")"
        }
        return s
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard let t = target.first, target.count == 1 else { return self }
        var out = ""
        for ch in self { if ch == t { out += replacement } else { out.append(ch) } }
        return out
    }
}
