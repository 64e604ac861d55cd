#if canImport(Glibc)
import Glibc
#endif

/// The few file system operations writes need: folders, atomic renames, and removing a staging tree.
public enum FileSystem {
    /// Creates `path` and its parents; true when it is a folder afterwards.
    public static func makeDirectories(_ path: String) -> Bool {
        var st = stat()
        if stat(path, &st) == 0 { return (st.st_mode & S_IFMT) == S_IFDIR }
        var prefix = ""
        for part in path.split(separator: "/") {
            prefix += "/" + part
            if stat(prefix, &st) != 0 { _ = mkdir(prefix, 0o755) }
        }
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    public static func exists(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0
    }

    /// True for a folder with no entries (hidden ones included).
    public static func isEmptyDirectory(_ path: String) -> Bool {
        FileListing.names(in: path)?.isEmpty ?? false
    }

    /// rename(2): atomic within one file system.
    public static func rename(_ from: String, to: String) throws {
        guard Glibc.rename(from, to) == 0 else {
            throw ExecutionError("Cannot move '\(from)' to '\(to)': \(String(cString: strerror(errno)))")
        }
    }

    public static func removeDirectory(_ path: String) { _ = rmdir(path) }

    public static func removeFile(_ path: String) { _ = unlink(path) }

    /// Deletes a folder tree (used only on Pintail's own staging folders).
    public static func removeTree(_ path: String) {
        guard let names = FileListing.names(in: path) else { _ = unlink(path); return }
        for name in names {
            let child = path + "/" + name
            var st = stat()
            if lstat(child, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR { removeTree(child) } else { _ = unlink(child) }
        }
        _ = rmdir(path)
    }
}
