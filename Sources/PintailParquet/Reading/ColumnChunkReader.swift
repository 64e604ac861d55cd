import CZlib
import PintailCodecs
import PintailCore

/// Walks the pages of one column chunk held in memory: checks each header against the chunk, verifies CRCs,
/// decompresses, decodes levels and values, and converts values to the column's SQL storage.
struct ColumnChunkReader {
    let leaf: ParquetLeaf
    let codec: CompressionCodec
    let file: String
    let verifyChecksums: Bool
    /// Keep dictionary-encoded byte values as indices into `dictionary` instead of gathering them.
    let keepDictionary: Bool
    private let chunk: [UInt8]
    private var position = 0
    private let totalValues: Int64
    private var valuesSeen: Int64 = 0
    /// The decoded dictionary in the column's SQL storage.
    private(set) var dictionary: ColumnStorage?
    private var scratch: [UInt8] = []

    init(leaf: ParquetLeaf, codec: CompressionCodec, chunk: [UInt8], totalValues: Int64, file: String,
         verifyChecksums: Bool, keepDictionary: Bool) {
        self.leaf = leaf
        self.codec = codec
        self.chunk = chunk
        self.totalValues = totalValues
        self.file = file
        self.verifyChecksums = verifyChecksums
        self.keepDictionary = keepDictionary
    }

    func error(_ kind: ParquetError.Kind, _ message: String) -> ParquetError {
        ParquetError(kind, file: file, column: leaf.dottedPath, message)
    }

    /// The next data page, or nil after the last one.
    mutating func nextPage() throws -> DecodedPage? {
        while position < chunk.count && valuesSeen < totalValues {
            let (header, body) = try readPage()
            switch header.pageType {
            case .dictionaryPage?:
                try readDictionary(header, body)
            case .dataPage?, .dataPageV2?:
                let page = try decodeDataPage(header, body)
                valuesSeen += Int64(page.entryCount)
                return page
            default:
                continue  // index pages and unknown kinds carry no rows
            }
        }
        return nil
    }

    /// Decodes the next page header and returns it with the range of its (still compressed) body.
    private mutating func readPage() throws -> (PageHeader, Range<Int>) {
        let header: PageHeader
        do {
            header = try chunk.withUnsafeBytes { (raw) throws -> PageHeader in
                var d = ThriftCompactDecoder(raw, position: position)
                let h = try PageHeader.decode(&d)
                position = d.position
                return h
            }
        } catch {
            throw self.error(.corruptPage, "bad page header at chunk offset \(position): \(error)")
        }
        let size = Int(header.compressedPageSize)
        guard size >= 0, header.uncompressedPageSize >= 0 else { throw error(.corruptPage, "negative page size") }
        guard size <= chunk.count - position else {
            throw error(.corruptPage, "page body ends \(size - (chunk.count - position)) bytes past the column chunk")
        }
        let body = position..<position + size
        position += size
        if verifyChecksums, let crc = header.crc {
            let actual = chunk.withUnsafeBufferPointer { buf in
                UInt32(truncatingIfNeeded: crc32(0, buf.baseAddress! + body.lowerBound, uInt(body.count)))
            }
            guard actual == UInt32(bitPattern: crc) else {
                throw error(.checksumMismatch, "page CRC mismatch (stored \(String(UInt32(bitPattern: crc), radix: 16)), computed \(String(actual, radix: 16)))")
            }
        }
        return (header, body)
    }

    /// Decompresses `body` (or returns it) and runs `work` over the bytes.
    mutating func withDecompressedPage<R>(_ body: Range<Int>, size: Int, compressed: Bool,
                                          _ work: (UnsafeRawBufferPointer) throws -> R) throws -> R {
        do {
            if !compressed || codec == .uncompressed {
                return try chunk.withUnsafeBytes { raw in try work(UnsafeRawBufferPointer(rebasing: raw[body])) }
            }
            if size == 0 && body.isEmpty { return try work(UnsafeRawBufferPointer(start: nil, count: 0)) }
            if scratch.count < size { scratch = [UInt8](repeating: 0, count: size) }
            try decompress(body, size: size)
            return try scratch.withUnsafeBytes { raw in try work(UnsafeRawBufferPointer(rebasing: raw[0..<size])) }
        } catch let e as ParquetError {
            throw e
        } catch {
            throw self.error(.corruptPage, "\(error)")
        }
    }

    /// Decompresses `body` (or copies it) into a new page buffer that a lazily read page can keep.
    func pageBuffer(_ body: Range<Int>, size: Int, compressed: Bool) throws -> PageBuffer {
        if !compressed || codec == .uncompressed {
            let buffer = PageBuffer(count: body.count)
            chunk.withUnsafeBytes { raw in
                if let src = raw.baseAddress, !body.isEmpty { buffer.base.copyMemory(from: src + body.lowerBound, byteCount: body.count) }
            }
            return buffer
        }
        guard size >= 0 else { throw error(.corruptPage, "negative page size") }
        let buffer = PageBuffer(count: size)
        if size == 0 && body.isEmpty { return buffer }
        do {
            try chunk.withUnsafeBytes { src in
                try BlockDecompressor.decompress(codec, UnsafeRawBufferPointer(rebasing: src[body]),
                                                 into: UnsafeMutableRawBufferPointer(start: buffer.base, count: size))
            }
        } catch {
            throw self.error(.decompression, "\(error)")
        }
        return buffer
    }

    /// Whether pages in `encoding` leave their values in the page buffer for the batch to copy once: PLAIN
    /// numbers and byte arrays of top-level columns without a conversion (nested leaves need dense values).
    func readsLazily(_ encoding: ParquetEncoding) -> Bool {
        guard encoding == .plain, leaf.path.count == 1, leaf.maxRepetitionLevel == 0, leaf.conversion == .none else { return false }
        return plainKind != nil
    }

    /// Whether dictionary-encoded pages keep their indices in the page buffer, decoded a batch at a time
    /// (`DictionaryIndexStream`): top-level columns only, since nested leaves need dense values.
    func streamsIndices(_ encoding: ParquetEncoding) -> Bool {
        (encoding == .plainDictionary || encoding == .rleDictionary) && leaf.path.count == 1 && leaf.maxRepetitionLevel == 0
            && dictionary != nil
    }

    var plainKind: PlainPageValues.Kind? {
        switch leaf.physicalType {
        case .int32, .float: return .fixed(width: 4)
        case .int64, .double: return .fixed(width: 8)
        case .byteArray: return .byteArray
        default: return nil
        }
    }

    private mutating func decompress(_ body: Range<Int>, size: Int) throws {
        do {
            try chunk.withUnsafeBytes { src in
                try scratch.withUnsafeMutableBytes { dst in
                    try BlockDecompressor.decompress(codec, UnsafeRawBufferPointer(rebasing: src[body]),
                                                     into: UnsafeMutableRawBufferPointer(rebasing: dst[0..<size]))
                }
            }
        } catch {
            throw self.error(.decompression, "\(error)")
        }
    }

    func chunkBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) throws -> R {
        try chunk.withUnsafeBytes { (raw) throws in try body(raw) }
    }

    private mutating func readDictionary(_ header: PageHeader, _ body: Range<Int>) throws {
        guard let dict = header.dictionaryPage else { throw error(.corruptPage, "dictionary page without its header") }
        guard dictionary == nil else { throw error(.corruptPage, "a second dictionary page in one column chunk") }
        let count = Int(dict.numValues)
        guard count >= 0 else { throw error(.corruptPage, "dictionary page with \(count) values") }
        guard dict.encoding == .plain || dict.encoding == .plainDictionary else {
            throw error(.unsupported, "dictionary page encoding \(dict.encoding)")
        }
        let leaf = self.leaf
        dictionary = try withDecompressedPage(body, size: Int(header.uncompressedPageSize), compressed: true) { raw throws in
            let (physical, _) = try PlainDecoder.decode(raw, type: leaf.physicalType, typeLength: leaf.typeLength, count: count)
            return try ValueConversion.apply(leaf.conversion, to: physical)
        }
    }
}
