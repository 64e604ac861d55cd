#if canImport(Glibc)
import Glibc
#endif

/// Lists a table's or partition's data files: regular files directly in the folder, sorted by name, skipping
/// hidden and marker files (names starting with `.` or `_`, as Hive and Athena do).
public enum FileListing {
    struct Entry {
        var path: String
        var size: Int
    }

    /// Every entry name in `folder` except `.` and `..`, or nil when it cannot be read.
    static func names(in folder: String) -> [String]? {
        guard let dir = opendir(folder) else { return nil }
        defer { closedir(dir) }
        var names: [String] = []
        while let e = readdir(dir) {
            let name = withUnsafeBytes(of: e.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    static func dataFiles(in folder: String) throws -> [Entry] {
        guard let names = names(in: folder) else {
            throw ExecutionError("Table location '\(folder)' cannot be read: \(String(cString: strerror(errno)))")
        }
        var entries: [Entry] = []
        for name in names where !isHidden(name) {
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            var st = stat()
            guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { continue }
            entries.append(Entry(path: path, size: Int(st.st_size)))
        }
        return entries.sorted { $0.path < $1.path }
    }

    /// Visible subfolders of `folder` (for discovering `key=value` partitions), sorted.
    public static func subfolders(in folder: String) -> [String] {
        (names(in: folder) ?? []).filter { !isHidden($0) && isDirectory(folder + "/" + $0) }.sorted()
    }

    /// Hive and Athena skip names starting with `.` or `_` (`_SUCCESS`, `.crc`, staging folders).
    static func isHidden(_ name: String) -> Bool { name.hasPrefix(".") || name.hasPrefix("_") }

    static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }
}
