#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file opened for writing (created or truncated), written sequentially through a 1 MiB buffer.
final class FileOutput {
    let path: String
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    private(set) var position: Int64 = 0

    init(path: String) throws {
        self.path = path
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw ParquetWriteError.io(path: path, message: Self.lastError()) }
        buffer.reserveCapacity(1 << 20)
    }

    deinit {
        if descriptor >= 0 { _ = Glibc.close(descriptor) }
    }

    func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        position += Int64(bytes.count)
        if buffer.count + bytes.count > (1 << 20) { try flush() }
        if bytes.count >= (1 << 20) {
            try writeFully(bytes)
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    func close() throws {
        guard descriptor >= 0 else { return }
        try flush()
        let result = Glibc.close(descriptor)
        descriptor = -1
        if result != 0 { throw ParquetWriteError.io(path: path, message: Self.lastError()) }
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        try buffer.withUnsafeBytes { try writeFully($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeFully(_ bytes: UnsafeRawBufferPointer) throws {
        var offset = 0
        while offset < bytes.count {
            let n = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw ParquetWriteError.io(path: path, message: Self.lastError())
            }
            offset += n
        }
    }

    private static func lastError() -> String { String(cString: strerror(errno)) }
}
