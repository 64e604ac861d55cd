import Foundation
import PintailCodecs

/// One gzip member of a TSV file: text in, compressed bytes out to the file as zlib produces them.
final class TSVMemberWriter {
    private let handle: FileHandle
    private let gzip: GzipStreamWriter

    init(url: URL, level: Int, header: Bool) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw LakeWriter.LakeError(description: "cannot create \(url.path)")
        }
        let handle = try FileHandle(forWritingTo: url)
        self.handle = handle
        gzip = try GzipStreamWriter(level: level) { chunk in try handle.write(contentsOf: Data(chunk)) }
        if header { try gzip.write(Array(ReviewBatch.tsvHeader.utf8)) }
    }

    func write(_ text: UnsafeBufferPointer<UInt8>) throws {
        try gzip.write(UnsafeRawBufferPointer(text))
    }

    /// Ends the member, closes the file and returns its size.
    func finish() throws -> Int {
        try gzip.finish()
        let size = try handle.offset()
        try handle.close()
        return Int(size)
    }
}
