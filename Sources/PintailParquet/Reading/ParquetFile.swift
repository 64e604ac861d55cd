#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PintailCodecs
import PintailCore
import Synchronization

/// Options for opening a Parquet file.
public struct ParquetReadOptions: Sendable {
    /// Verify page CRCs when pages carry one (a mismatch throws `.checksumMismatch`).
    public var verifyChecksums = true
    /// Largest footer accepted, in bytes.
    public var maxFooterSize = 256 << 20
    public init() {}
}

/// An open Parquet file: footer, schema and row groups, and batch readers over row groups. Immutable after open;
/// several threads may read different (or the same) row groups at once.
public final class ParquetFile: Sendable {
    public let path: String
    public let metadata: FileMetaData
    public let schema: ParquetSchema
    public let fileSize: Int
    public let options: ParquetReadOptions
    private let descriptor: Int32
    private let readCounter = Atomic<Int>(0)

    /// Bytes read from the file so far (footer and column chunks), for "Data scanned".
    public var bytesRead: Int { readCounter.load(ordering: .relaxed) }
    public var numRows: Int64 { metadata.numRows }
    public var keyValueMetadata: [KeyValue] { metadata.keyValueMetadata }
    public var createdBy: String? { metadata.createdBy }

    private init(path: String, descriptor: Int32, fileSize: Int, options: ParquetReadOptions) throws {
        self.path = path
        self.descriptor = descriptor
        self.fileSize = fileSize
        self.options = options
        let (meta, footerBytes) = try Self.readFooter(path: path, descriptor: descriptor, fileSize: fileSize, options: options)
        readCounter.add(footerBytes, ordering: .relaxed)
        metadata = meta
        do {
            schema = try ParquetSchema(meta.schema)
        } catch {
            throw ParquetError(.corruptMetadata, file: path, "bad schema: \(error)")
        }
        // Nothing may throw after the last stored property is set: Swift would then run deinit, which closes the
        // descriptor, and `open` would close it a second time (closing whatever another thread opened meanwhile).
    }

    deinit { close(descriptor) }

    /// Opens `path` and reads and validates its footer.
    public static func open(path: String, options: ParquetReadOptions = ParquetReadOptions()) throws -> ParquetFile {
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw ParquetError(.io, file: path, "cannot open: \(String(cString: strerror(errno)))")
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            close(fd)
            throw ParquetError(.io, file: path, "cannot stat: \(String(cString: strerror(errno)))")
        }
        let file: ParquetFile
        do {
            file = try ParquetFile(path: path, descriptor: fd, fileSize: Int(info.st_size), options: options)
        } catch {
            close(fd)  // the object never existed, so its deinit did not run
            throw error
        }
        try file.validateRowGroups()  // on failure `file` is released and its deinit closes the descriptor, once
        return file
    }

    /// Reads `count` bytes at `offset` with pread, checked against the file size.
    func readBytes(offset: Int, count: Int) throws -> [UInt8] {
        let bytes = try Self.readRange(path: path, descriptor: descriptor, fileSize: fileSize, offset: offset, count: count)
        readCounter.add(count, ordering: .relaxed)
        return bytes
    }

    static func readRange(path: String, descriptor: Int32, fileSize: Int, offset: Int, count: Int) throws -> [UInt8] {
        guard offset >= 0, count >= 0, offset <= fileSize, count <= fileSize - offset else {
            throw ParquetError(.truncated, file: path, "\(count) bytes at offset \(offset) run past the end of the \(fileSize)-byte file")
        }
        // pread fills the whole buffer or we throw, so it is not zero-filled first (chunks are megabytes).
        return try [UInt8](unsafeUninitializedCapacity: count) { buf, initialized in
            var done = 0
            while done < count {
                let n = Glibc.pread(descriptor, buf.baseAddress! + done, count - done, off_t(offset + done))
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else {
                    throw ParquetError(.io, file: path, "read failed at offset \(offset + done): \(n < 0 ? String(cString: strerror(errno)) : "end of file")")
                }
                done += n
            }
            initialized = count
        }
    }

    private static func readFooter(path: String, descriptor: Int32, fileSize: Int, options: ParquetReadOptions) throws -> (FileMetaData, Int) {
        guard fileSize >= 12 else {
            throw ParquetError(.notParquet, file: path, "file of \(fileSize) bytes is too small to be Parquet")
        }
        let head = try readRange(path: path, descriptor: descriptor, fileSize: fileSize, offset: 0, count: 4)
        let tail = try readRange(path: path, descriptor: descriptor, fileSize: fileSize, offset: fileSize - 8, count: 8)
        let tailMagic = Array(tail[4..<8])
        if tailMagic == Array("PARE".utf8) || head == Array("PARE".utf8) {
            throw ParquetError(.encrypted, file: path, "the file is encrypted (encrypted footer, magic PARE); reading encrypted Parquet is not supported")
        }
        guard head == Array("PAR1".utf8), tailMagic == Array("PAR1".utf8) else {
            throw ParquetError(.notParquet, file: path, "bad magic: not a Parquet file")
        }
        let length = Int(UInt32(tail[0]) | UInt32(tail[1]) << 8 | UInt32(tail[2]) << 16 | UInt32(tail[3]) << 24)
        guard length <= fileSize - 12 else {
            throw ParquetError(.truncated, file: path, "footer length \(length) exceeds the file (\(fileSize) bytes): truncated file")
        }
        guard length <= options.maxFooterSize else {
            throw ParquetError(.unsupported, file: path, "footer of \(length) bytes exceeds the limit of \(options.maxFooterSize)")
        }
        let footer = try readRange(path: path, descriptor: descriptor, fileSize: fileSize, offset: fileSize - 8 - length, count: length)
        let meta: FileMetaData
        do {
            meta = try footer.withUnsafeBytes { raw in
                var decoder = ThriftCompactDecoder(raw)
                return try FileMetaData.decode(&decoder)
            }
        } catch {
            throw ParquetError(.corruptMetadata, file: path, "corrupt footer: \(error)")
        }
        return (meta, length + 12)
    }

    private func validateRowGroups() throws {
        if metadata.hasEncryptionAlgorithm || metadata.rowGroups.contains(where: { $0.columns.contains { $0.isEncrypted } }) {
            throw ParquetError(.encrypted, file: path, "the file is encrypted (plaintext footer, encrypted columns); reading encrypted Parquet is not supported")
        }
        for (g, group) in metadata.rowGroups.enumerated() {
            guard group.columns.count == schema.leaves.count else {
                throw ParquetError(.corruptMetadata, file: path, "row group \(g) has \(group.columns.count) column chunks, the schema \(schema.leaves.count) leaves")
            }
            guard group.numRows >= 0 else { throw ParquetError(.corruptMetadata, file: path, "row group \(g) has \(group.numRows) rows") }
            for (c, chunk) in group.columns.enumerated() where chunk.metaData == nil {
                throw ParquetError(.corruptMetadata, file: path, column: schema.leaves[c].dottedPath, "row group \(g) lacks column metadata")
            }
        }
    }
}
