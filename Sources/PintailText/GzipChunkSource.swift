import PintailCodecs

/// Decompresses a gzip file as it is read (concatenated members included) with Pintail's own inflater, which
/// reads the file in 1 MiB pieces and decodes straight into the text reader's buffer: no intermediate copies.
public struct GzipChunkSource: ByteChunkSource {
    /// The file, shared with the decoder's input closure; closed once, at the end or when dropped.
    private final class FileBox {
        var file: FileChunkSource
        private var open = true
        init(_ file: FileChunkSource) { self.file = file }
        func close() {
            if open { file.close() }
            open = false
        }
        deinit { close() }
    }

    private let box: FileBox
    private let decoder: FastGzipDecoder
    private var finished = false

    public init(path: String) throws {
        let box = FileBox(try FileChunkSource(path: path))
        self.box = box
        decoder = try FastGzipDecoder(inputCapacity: 1 << 20) { try box.file.read(into: $0) }
    }

    public var fileBytesRead: Int { box.file.fileBytesRead }

    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        if finished { return 0 }
        let n: Int
        do {
            n = try decoder.read(into: buffer)
        } catch let error as TextFileError {
            throw error
        } catch {
            finished = true
            box.close()
            throw TextFileError(path: box.file.path, message: "corrupt gzip data: \(error)")
        }
        // An empty file (or zero padding alone) is an empty table, not a broken one.
        if n == 0, buffer.count > 0 {
            finished = true
            box.close()
        }
        return n
    }
}
