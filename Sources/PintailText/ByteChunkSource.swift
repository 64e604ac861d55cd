#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a text reader gets its bytes: a plain file or a decompressing stream over one.
public protocol ByteChunkSource {
    /// Fills up to `buffer.count` bytes; returns 0 at the end of the data.
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
    /// Bytes taken from the file so far (compressed bytes for a compressed file): Athena's "data scanned".
    var fileBytesRead: Int { get }
}

/// Errors reading a text file: each names the file and what is wrong.
public struct TextFileError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var message: String
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }
    public var description: String { "\(path): \(message)" }
}

/// Reads a file with POSIX calls, in the caller's chunk sizes.
public struct FileChunkSource: ByteChunkSource {
    private let fd: Int32
    public let path: String
    public private(set) var fileBytesRead = 0

    public init(path: String) throws {
        self.path = path
        fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw TextFileError(path: path, message: "cannot open file: \(String(cString: strerror(errno)))")
        }
    }

    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            let n = Glibc.read(fd, base, buffer.count)
            if n >= 0 {
                fileBytesRead += n
                return n
            }
            if errno == EINTR { continue }
            throw TextFileError(path: path, message: "read failed: \(String(cString: strerror(errno)))")
        }
    }

    /// Closes the file; the source is unusable afterwards.
    public func close() { _ = Glibc.close(fd) }
}
