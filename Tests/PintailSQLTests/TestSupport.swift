import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
@testable import PintailSQL

/// Paths of the shared references and of the repository, found from this file's location.
enum Paths {
    /// The repository root (three levels above this file).
    static let repository: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()
    /// `<repo>/../shared`.
    static let shared = repository + "/../shared"
    static let grammar = repository + "/Grammar"
}

/// Reads a whole text file with the C library (tests avoid Foundation to keep the target light).
func readText(_ path: String) -> String? {
    guard let file = fopen(path, "rb") else { return nil }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
        let n = fread(&buffer, 1, buffer.count, file)
        if n <= 0 { break }
        bytes += buffer[0..<n]
    }
    return String(decoding: bytes, as: UTF8.self)
}

/// Names in a directory (non-recursive), sorted.
func listDirectory(_ path: String) -> [String] {
    guard let dir = opendir(path) else { return [] }
    defer { closedir(dir) }
    var names: [String] = []
    while let entry = readdir(dir) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
            String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
        }
        if name != "." && name != ".." { names.append(name) }
    }
    return names.sorted()
}

/// Parses, recording the rendered error as a test issue on failure.
func mustParse(_ sql: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [Statement] {
    do {
        return try parse(sql)
    } catch {
        Issue.record("\(error.rendered(in: sql))", sourceLocation: sourceLocation)
        return []
    }
}
