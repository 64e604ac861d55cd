#if canImport(Glibc)
import Glibc
#endif

/// Lists a table's or partition's data files: regular files directly in the folder, sorted by name, skipping
/// hidden and marker files (names starting with `.` or `_`, as Hive and Athena do).
enum FileListing {
    struct Entry {
        var path: String
        var size: Int
    }

    static func dataFiles(in folder: String) throws -> [Entry] {
        guard let dir = opendir(folder) else {
            throw ExecutionError("Table location '\(folder)' cannot be read: \(String(cString: strerror(errno)))")
        }
        defer { closedir(dir) }
        var entries: [Entry] = []
        while let e = readdir(dir) {
            let name = withUnsafeBytes(of: e.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            if name.hasPrefix(".") || name.hasPrefix("_") { continue }
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            var st = stat()
            guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { continue }
            entries.append(Entry(path: path, size: Int(st.st_size)))
        }
        return entries.sorted { $0.path < $1.path }
    }

    static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }
}
