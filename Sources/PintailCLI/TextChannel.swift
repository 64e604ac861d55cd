#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where printed text goes: a file descriptor (buffered, flushed in 64 KB chunks and on demand) or, for tests, a
/// string kept in memory.
public final class TextChannel {
    private let fileDescriptor: Int32?
    private var buffer: [UInt8] = []
    private static let flushThreshold = 1 << 16

    public init(fileDescriptor: Int32) {
        self.fileDescriptor = fileDescriptor
        buffer.reserveCapacity(Self.flushThreshold)
    }

    /// A channel that keeps everything written; read it back with `text`.
    public static func capture() -> TextChannel { TextChannel(nil) }

    private init(_ none: Int32?) { fileDescriptor = none }

    public func write(_ text: String) {
        var text = text
        text.withUTF8 { buffer.append(contentsOf: $0) }
        if fileDescriptor != nil && buffer.count >= Self.flushThreshold { flush() }
    }

    /// Appends already encoded UTF-8 bytes.
    func write(bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if fileDescriptor != nil && buffer.count >= Self.flushThreshold { flush() }
    }

    public func writeLine(_ text: String) {
        write(text)
        buffer.append(0x0A)
    }

    /// Everything written so far (capture channels only).
    public var text: String { String(decoding: buffer, as: UTF8.self) }

    /// Writes the buffered bytes out; a closed pipe or full disk drops them (there is nowhere left to report to).
    public func flush() {
        guard let fd = fileDescriptor, !buffer.isEmpty else { return }
        buffer.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            var offset = 0
            while offset < raw.count {
                let n = systemWrite(fd, base + offset, raw.count - offset)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                offset += n
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

