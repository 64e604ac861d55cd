import CBrotli
import CLZ4
import CSnappy
import CZlib
import CZstd

/// Compresses whole blocks (Parquet pages) with one codec. Holds a reusable zstd context, so keep one per writer
/// and do not share it between threads.
public final class BlockCompressor {
    public let codec: CompressionCodec
    /// Codec level: zstd 1...22 (default 3), gzip 1...9 (default 6), brotli 0...11 (default 5); ignored otherwise.
    public let level: Int32
    private var zstdContext: OpaquePointer?

    public init(codec: CompressionCodec, level: Int? = nil) throws {
        self.codec = codec
        switch codec {
        case .uncompressed, .snappy, .lz4Raw: self.level = 0
        case .zstd: self.level = Int32(clamping: level ?? 3)
        case .gzip: self.level = Int32(clamping: min(max(level ?? 6, 1), 9))
        case .brotli: self.level = Int32(clamping: min(max(level ?? 5, 0), 11))
        case .lzo, .lz4:
            throw CompressError(codec: codec, message: "writing this codec is not supported (use LZ4_RAW for LZ4)")
        }
    }

    deinit {
        if let zstdContext { ZSTD_freeCCtx(zstdContext) }
    }

    /// The compressed form of `input`.
    public func compress(_ input: UnsafeRawBufferPointer) throws -> [UInt8] {
        switch codec {
        case .uncompressed: return Array(input)
        case .snappy: return try snappy(input)
        case .zstd: return try zstd(input)
        case .gzip: return try gzip(input)
        case .lz4Raw: return try lz4(input)
        case .brotli: return try brotli(input)
        case .lzo, .lz4: throw CompressError(codec: codec, message: "not supported")
        }
    }

    public func compress(_ input: [UInt8]) throws -> [UInt8] {
        try input.withUnsafeBytes { try compress($0) }
    }

    /// Runs `body` over an output buffer of `capacity` bytes; it returns the bytes used, or nil on failure.
    private func produce(capacity: Int, _ body: (UnsafeMutableRawBufferPointer) -> Int?) throws -> [UInt8] {
        var failed = false
        let out = [UInt8](unsafeUninitializedCapacity: max(capacity, 1)) { buffer, used in
            guard let n = body(UnsafeMutableRawBufferPointer(buffer)) else { failed = true; used = 0; return }
            used = n
        }
        if failed { throw CompressError(codec: codec, message: "the library reported an error") }
        return out
    }

    private func snappy(_ input: UnsafeRawBufferPointer) throws -> [UInt8] {
        try produce(capacity: snappy_max_compressed_length(input.count)) { out in
            var length = out.count
            let status = snappy_compress(input.baseAddress?.assumingMemoryBound(to: CChar.self), input.count,
                                         out.baseAddress?.assumingMemoryBound(to: CChar.self), &length)
            return status == SNAPPY_OK ? length : nil
        }
    }

    private func zstd(_ input: UnsafeRawBufferPointer) throws -> [UInt8] {
        if zstdContext == nil { zstdContext = ZSTD_createCCtx() }
        guard let context = zstdContext else { throw CompressError(codec: codec, message: "out of memory") }
        return try produce(capacity: ZSTD_compressBound(input.count)) { out in
            let n = ZSTD_compressCCtx(context, out.baseAddress, out.count, input.baseAddress, input.count, level)
            return ZSTD_isError(n) != 0 ? nil : n
        }
    }

    private func lz4(_ input: UnsafeRawBufferPointer) throws -> [UInt8] {
        guard input.count < Int(LZ4_MAX_INPUT_SIZE) else {
            throw CompressError(codec: codec, message: "block of \(input.count) bytes is too large")
        }
        return try produce(capacity: Int(LZ4_compressBound(Int32(input.count)))) { out in
            let n = LZ4_compress_default(input.baseAddress?.assumingMemoryBound(to: CChar.self),
                                         out.baseAddress?.assumingMemoryBound(to: CChar.self),
                                         Int32(input.count), Int32(clamping: out.count))
            return n > 0 || input.isEmpty ? Int(n) : nil
        }
    }

    private func brotli(_ input: UnsafeRawBufferPointer) throws -> [UInt8] {
        try produce(capacity: BrotliEncoderMaxCompressedSize(input.count) + 16) { out in
            var length = out.count
            let ok = BrotliEncoderCompress(level, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_GENERIC, input.count,
                                           input.baseAddress?.assumingMemoryBound(to: UInt8.self), &length,
                                           out.baseAddress?.assumingMemoryBound(to: UInt8.self))
            return ok == BROTLI_TRUE ? length : nil
        }
    }

    /// One gzip member (RFC 1952), as Parquet's GZIP codec expects.
    private func gzip(_ input: UnsafeRawBufferPointer) throws -> [UInt8] {
        // zlib remembers the stream's address, so it lives at a fixed one.
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer { stream.deallocate() }
        guard GzipDeflate.initialize(stream, level: level) == Z_OK else {
            throw CompressError(codec: codec, message: "deflateInit2 failed")
        }
        defer { deflateEnd(stream) }
        let bound = Int(deflateBound(stream, uLong(input.count))) + 32
        return try produce(capacity: bound) { out in
            stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
            stream.pointee.avail_in = uInt(input.count)
            stream.pointee.next_out = out.baseAddress?.assumingMemoryBound(to: Bytef.self)
            stream.pointee.avail_out = uInt(out.count)
            return deflate(stream, Z_FINISH) == Z_STREAM_END ? Int(stream.pointee.total_out) : nil
        }
    }
}

/// zlib set-up shared by the block and stream gzip writers.
enum GzipDeflate {
    /// deflateInit2 with a gzip header (window bits 15 + 16).
    static func initialize(_ stream: UnsafeMutablePointer<z_stream>, level: Int32) -> Int32 {
        deflateInit2_(stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, zlibVersion(),
                      Int32(MemoryLayout<z_stream>.size))
    }
}
