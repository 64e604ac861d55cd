import PintailCatalog
import PintailExecution
import PintailPlanner
import PintailSQL

/// Finds Hive partitions on disk (`key=value/` folders, one level per partition key) for MSCK REPAIR TABLE, and
/// builds partitions from ALTER TABLE ... PARTITION clauses.
enum PartitionDiscovery {
    static func discover(_ t: CatalogTable) throws -> [CatalogPartition] {
        guard !t.partitionKeys.isEmpty else {
            throw SemanticError("Table \(t.qualifiedName) is not partitioned")
        }
        var found: [CatalogPartition] = []
        func walk(_ folder: String, depth: Int, values: [String?]) {
            if depth == t.partitionKeys.count {
                found.append(CatalogPartition(values: values, location: folder))
                return
            }
            let key = t.partitionKeys[depth].name
            for name in FileListing.subfolders(in: folder) {
                guard let eq = name.firstIndex(of: "="), name[..<eq].lowercased() == key else { continue }
                let raw = HivePath.unescape(String(name[name.index(after: eq)...]))
                walk(folder + "/" + name, depth: depth + 1, values: values + [raw == CatalogPartition.hiveDefaultPartitionName ? nil : raw])
            }
        }
        walk(t.location, depth: 0, values: [])
        return found
    }

    static func partition(for spec: PartitionSpec, of t: CatalogTable) throws -> CatalogPartition {
        var values: [String?] = []
        for key in t.partitionKeys {
            guard let v = spec.values.first(where: { $0.key.value == key.name }) else {
                throw SemanticError("Partition spec is missing key '\(key.name)'", at: spec.location)
            }
            switch v.value.kind {
            case .literal(.string(let s)): values.append(s.value)
            case .literal(.integer(let s)), .literal(.decimal(let s)): values.append(s)
            case .literal(.null): values.append(nil)
            default: throw SemanticError("Partition values must be literals", at: v.value.location)
            }
        }
        if spec.values.count != t.partitionKeys.count {
            throw SemanticError("Partition spec has \(spec.values.count) keys but the table has \(t.partitionKeys.count)", at: spec.location)
        }
        let path = spec.storageLocation.map { absolutePath($0.value) }
            ?? t.location + "/" + zip(t.partitionKeys, values).map { "\($0.name)=\(HivePath.escape($1 ?? CatalogPartition.hiveDefaultPartitionName))" }.joined(separator: "/")
        return CatalogPartition(values: values, location: path)
    }
}
