import Foundation
#if canImport(Glibc)
import Glibc
#endif
import PintailCodecs

/// One gzip member of a TSV file: text in, compressed bytes out to the file as the encoder produces them, from
/// PintailCodecs' fast deflate or, when a level is given, from zlib.
final class TSVMemberWriter {
    private let handle: FileHandle
    private let writeChunk: (UnsafeRawBufferPointer) throws -> Void
    private let finishMember: () throws -> Void

    init(url: URL, level: Int?, header: Bool) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw LakeWriter.LakeError(description: "cannot create \(url.path)")
        }
        let handle = try FileHandle(forWritingTo: url)
        self.handle = handle
        let sink = { (chunk: UnsafeRawBufferPointer) throws in try Self.writeAll(chunk, to: handle.fileDescriptor, url) }
        if let level {
            let gzip = try GzipStreamWriter(level: level, sink: sink)
            writeChunk = gzip.write
            finishMember = gzip.finish
        } else {
            let gzip = try FastGzipWriter(sink: sink)
            writeChunk = gzip.write
            finishMember = gzip.finish
        }
        if header { try Array(ReviewBatch.tsvHeader.utf8).withUnsafeBytes { try writeChunk($0) } }
    }

    func write(_ text: UnsafeBufferPointer<UInt8>) throws {
        try writeChunk(UnsafeRawBufferPointer(text))
    }

    /// Writes straight from the encoder's buffer (no copy into a Data), retrying short writes.
    private static func writeAll(_ chunk: UnsafeRawBufferPointer, to descriptor: Int32, _ url: URL) throws {
        guard let base = chunk.baseAddress else { return }
        var offset = 0
        while offset < chunk.count {
            let written = Glibc.write(descriptor, base + offset, chunk.count - offset)
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else {
                throw LakeWriter.LakeError(description: "cannot write \(url.path): \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }

    /// Ends the member, closes the file and returns its size.
    func finish() throws -> Int {
        try finishMember()
        let size = try handle.offset()
        try handle.close()
        return Int(size)
    }
}
