#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads SQL scripts from files and standard input, without Foundation. Invalid UTF-8 is replaced with U+FFFD.
public enum ScriptReader {
    /// The whole file at `path` (`-` is standard input).
    public static func read(path: String) throws(UsageError) -> String {
        if path == "-" { return readAll(fileDescriptor: 0) }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw UsageError("cannot read '\(path)': \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
            throw UsageError("cannot read '\(path)': it is a directory")
        }
        return readAll(fileDescriptor: fd)
    }

    /// Everything left on `fileDescriptor`, up to its end.
    public static func readAll(fileDescriptor fd: Int32) -> String {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
