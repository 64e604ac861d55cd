import PintailCatalog
import PintailPlanner
import PintailSQL
#if canImport(Glibc)
import Glibc
#endif

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
            for name in subfolders(folder).sorted() {
                guard let eq = name.firstIndex(of: "="), name[..<eq].lowercased() == key else { continue }
                let raw = unescape(String(name[name.index(after: eq)...]))
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
            ?? t.location + "/" + zip(t.partitionKeys, values).map { "\($0.name)=\(escape($1 ?? CatalogPartition.hiveDefaultPartitionName))" }.joined(separator: "/")
        return CatalogPartition(values: values, location: path)
    }

    static func subfolders(_ folder: String) -> [String] {
        guard let dir = opendir(folder) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let e = readdir(dir) {
            let name = withUnsafeBytes(of: e.pointee.d_name) { String(cString: $0.baseAddress!.assumingMemoryBound(to: CChar.self)) }
            if name.hasPrefix(".") || name.hasPrefix("_") { continue }
            var st = stat()
            if stat(folder + "/" + name, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR { names.append(name) }
        }
        return names
    }

    /// Hive escapes path characters as %XX.
    static func unescape(_ s: String) -> String {
        guard s.contains("%") else { return s }
        var out: [UInt8] = []
        let b = Array(s.utf8)
        var i = 0
        while i < b.count {
            if b[i] == UInt8(ascii: "%"), i + 2 < b.count, let v = UInt8(String(decoding: b[i + 1...i + 2], as: UTF8.self), radix: 16) {
                out.append(v)
                i += 3
            } else {
                out.append(b[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func escape(_ s: String) -> String {
        var out = ""
        for u in s.utf8 {
            let c = Character(Unicode.Scalar(u))
            if u < 0x20 || "\"#%'*/:=?\\{[]^".contains(c) || u >= 0x7F { out += "%" + String(u, radix: 16, uppercase: true).leftPadded() }
            else { out.append(c) }
        }
        return out
    }
}

extension String {
    fileprivate func leftPadded() -> String { count == 1 ? "0" + self : self }
}
