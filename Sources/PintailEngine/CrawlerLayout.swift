import Foundation
import PintailCatalog
import PintailExecution

/// One dataset folder as the crawler sees it: its data files and its Hive partition levels (`key=value` folders).
struct CrawlerLayout {
    var folder: String
    /// Partition key names (lower case), outermost first; empty when the files sit directly in the folder.
    var keys: [String] = []
    /// Every value seen at each key level, for typing the keys.
    var values: [[String]] = []
    /// Data files (hidden `.`/`_` names skipped), in walk order.
    var files: [String] = []
    /// Entries that do not fit the layout, for the run log.
    var ignored: [String] = []

    /// Partition keys come from the first chain of `key=value` folders; the whole tree is then walked, taking files
    /// only at the partition depth.
    init(folder: String) {
        self.folder = folder
        var probe = folder
        while let first = FileListing.subfolders(in: probe).first(where: { Self.keyValue($0) != nil }),
              let (key, _) = Self.keyValue(first), !keys.contains(key) {
            keys.append(key)
            probe += "/" + first
        }
        values = Array(repeating: [], count: keys.count)
        walk(folder, level: 0)
    }

    private mutating func walk(_ path: String, level: Int) {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
        for name in names where !(name.hasPrefix(".") || name.hasPrefix("_")) {
            let child = path + "/" + name
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: child, isDirectory: &isFolder) else { continue }
            if level == keys.count {
                if isFolder.boolValue { ignored.append(child + " (folder below the partition levels)") }
                else { files.append(child) }
                continue
            }
            guard isFolder.boolValue, let (key, value) = Self.keyValue(name), key == keys[level] else {
                ignored.append(child + " (expected a \(keys[level])=value folder)")
                continue
            }
            values[level].append(value)
            walk(child, level: level + 1)
        }
    }

    /// `key=value` split, key lower-cased and value unescaped as Hive writes it.
    static func keyValue(_ name: String) -> (String, String)? {
        guard let eq = name.firstIndex(of: "="), eq != name.startIndex else { return nil }
        return (name[..<eq].lowercased(), HivePath.unescape(String(name[name.index(after: eq)...])))
    }

    /// `int` when every value fits 32 bits, `bigint` for 64, else `string`; Hive's default partition (NULL) is
    /// ignored.
    static func keyType(_ values: [String]) -> String {
        let present = values.filter { $0 != CatalogPartition.hiveDefaultPartitionName }
        guard !present.isEmpty else { return "string" }
        if present.allSatisfy({ Int32($0) != nil }) { return "int" }
        if present.allSatisfy({ Int64($0) != nil }) { return "bigint" }
        return "string"
    }
}
