import CBrotli
import CLZ4
import CSnappy
import CZlib
import CZstd

/// Decompresses whole blocks (Parquet pages) whose decompressed size is known up front. Stateless and thread-safe.
public enum BlockDecompressor {
    /// Decompresses `input` into exactly `output.count` bytes; anything else (short, long, corrupt) throws.
    public static func decompress(
        _ codec: CompressionCodec, _ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer
    ) throws(DecompressError) {
        switch codec {
        case .uncompressed:
            guard input.count == output.count else {
                throw DecompressError(codec: codec, message: "size \(input.count), expected \(output.count)")
            }
            if !input.isEmpty { output.copyMemory(from: input) }
        case .snappy: try snappy(input, output)
        case .gzip: try gzip(input, output)
        case .zstd: try zstd(input, output)
        case .lz4Raw: try lz4Block(input, output, codec: .lz4Raw)
        case .lz4: try lz4Legacy(input, output)
        case .brotli: try brotli(input, output)
        case .lzo: throw DecompressError(codec: codec, message: "LZO is not supported")
        }
    }

    /// Convenience form returning a new array of `uncompressedSize` bytes.
    public static func decompress(_ codec: CompressionCodec, _ input: [UInt8], uncompressedSize: Int) throws -> [UInt8] {
        guard uncompressedSize >= 0 else { throw DecompressError(codec: codec, message: "negative size") }
        var out = [UInt8](repeating: 0, count: uncompressedSize)
        try input.withUnsafeBytes { src in
            try out.withUnsafeMutableBytes { dst in try decompress(codec, src, into: dst) }
        }
        return out
    }

    private static func mismatch(_ codec: CompressionCodec, _ got: Int, _ want: Int) -> DecompressError {
        DecompressError(codec: codec, message: "decompressed to \(got) bytes, expected \(want)")
    }

    private static func snappy(_ input: UnsafeRawBufferPointer, _ output: UnsafeMutableRawBufferPointer) throws(DecompressError) {
        guard let src = input.baseAddress?.assumingMemoryBound(to: CChar.self) else {
            throw DecompressError(codec: .snappy, message: "empty input")
        }
        var length = 0
        guard snappy_uncompressed_length(src, input.count, &length) == SNAPPY_OK else {
            throw DecompressError(codec: .snappy, message: "corrupt header")
        }
        guard length == output.count else { throw mismatch(.snappy, length, output.count) }
        if length == 0 { return }
        var produced = output.count
        let status = snappy_uncompress(src, input.count, output.baseAddress!.assumingMemoryBound(to: CChar.self), &produced)
        guard status == SNAPPY_OK else { throw DecompressError(codec: .snappy, message: "corrupt data") }
        guard produced == output.count else { throw mismatch(.snappy, produced, output.count) }
    }

    private static func zstd(_ input: UnsafeRawBufferPointer, _ output: UnsafeMutableRawBufferPointer) throws(DecompressError) {
        guard let src = input.baseAddress, !input.isEmpty else {
            if output.isEmpty { return }
            throw DecompressError(codec: .zstd, message: "empty input")
        }
        var scratch: UInt8 = 0
        let result = withUnsafeMutablePointer(to: &scratch) { fallback in
            let destination = output.baseAddress ?? UnsafeMutableRawPointer(fallback)
            guard let context = ZstdDecompressionContext.current() else {
                return ZSTD_decompress(destination, output.count, src, input.count)
            }
            return ZSTD_decompressDCtx(context, destination, output.count, src, input.count)
        }
        if ZSTD_isError(result) != 0 {
            throw DecompressError(codec: .zstd, message: String(cString: ZSTD_getErrorName(result)))
        }
        guard result == output.count else { throw mismatch(.zstd, result, output.count) }
    }

    private static func brotli(_ input: UnsafeRawBufferPointer, _ output: UnsafeMutableRawBufferPointer) throws(DecompressError) {
        guard let src = input.baseAddress?.assumingMemoryBound(to: UInt8.self), !input.isEmpty else {
            throw DecompressError(codec: .brotli, message: "empty input")
        }
        var scratch: UInt8 = 0
        var produced = output.count
        let result = withUnsafeMutablePointer(to: &scratch) { fallback in
            BrotliDecoderDecompress(input.count, src, &produced,
                                    output.baseAddress?.assumingMemoryBound(to: UInt8.self) ?? fallback)
        }
        guard result == BROTLI_DECODER_RESULT_SUCCESS else {
            throw DecompressError(codec: .brotli, message: "corrupt or truncated data (or larger than expected)")
        }
        guard produced == output.count else { throw mismatch(.brotli, produced, output.count) }
    }

    private static func lz4Block(_ input: UnsafeRawBufferPointer, _ output: UnsafeMutableRawBufferPointer,
                                 codec: CompressionCodec) throws(DecompressError) {
        guard input.count <= Int(Int32.max), output.count <= Int(Int32.max) else {
            throw DecompressError(codec: codec, message: "block larger than 2 GiB")
        }
        if input.isEmpty && output.isEmpty { return }
        guard let src = input.baseAddress, let dst = output.baseAddress else {
            throw DecompressError(codec: codec, message: "empty input")
        }
        let n = LZ4_decompress_safe(src.assumingMemoryBound(to: CChar.self), dst.assumingMemoryBound(to: CChar.self),
                                    Int32(input.count), Int32(output.count))
        guard n >= 0 else { throw DecompressError(codec: codec, message: "corrupt block") }
        guard Int(n) == output.count else { throw mismatch(codec, Int(n), output.count) }
    }

    /// Deprecated Parquet LZ4: Hadoop framing (big-endian sizes before each block) when it fits exactly, else a bare
    /// LZ4 block as old parquet-cpp wrote, else an LZ4 frame.
    private static func lz4Legacy(_ input: UnsafeRawBufferPointer, _ output: UnsafeMutableRawBufferPointer) throws(DecompressError) {
        if hadoopLZ4(input, output) { return }
        if input.count >= 4, input.loadUnaligned(as: UInt32.self).littleEndian == 0x184D_2204 {
            try lz4Frame(input, output)
            return
        }
        do { try lz4Block(input, output, codec: .lz4) } catch {
            throw DecompressError(codec: .lz4, message: "neither Hadoop-framed LZ4 nor a raw LZ4 block")
        }
    }

    private static func bigEndian32(_ p: UnsafeRawBufferPointer, _ at: Int) -> Int {
        Int(UInt32(bigEndian: p.loadUnaligned(fromByteOffset: at, as: UInt32.self)))
    }

    /// Hadoop's block stream: each block is a big-endian decompressed size followed by one or more chunks, each a
    /// big-endian compressed length and an LZ4 block, until the block's size is reached.
    private static func hadoopLZ4(_ input: UnsafeRawBufferPointer, _ output: UnsafeMutableRawBufferPointer) -> Bool {
        guard !input.isEmpty, let src = input.baseAddress else { return false }
        var inPos = 0, outPos = 0
        while inPos < input.count {
            guard input.count - inPos >= 8 else { return false }
            let rawSize = bigEndian32(input, inPos)
            inPos += 4
            guard rawSize <= output.count - outPos else { return false }
            var produced = 0
            repeat {
                guard input.count - inPos >= 4 else { return false }
                let chunk = bigEndian32(input, inPos)
                inPos += 4
                guard chunk <= input.count - inPos, let dst = output.baseAddress else { return false }
                let n = LZ4_decompress_safe(
                    (src + inPos).assumingMemoryBound(to: CChar.self),
                    (dst + outPos + produced).assumingMemoryBound(to: CChar.self),
                    Int32(chunk), Int32(rawSize - produced))
                guard n >= 0 else { return false }
                produced += Int(n)
                inPos += chunk
            } while produced < rawSize
            guard produced == rawSize else { return false }
            outPos += rawSize
        }
        return outPos == output.count
    }

    private static func lz4Frame(_ input: UnsafeRawBufferPointer, _ output: UnsafeMutableRawBufferPointer) throws(DecompressError) {
        var context: OpaquePointer?
        guard LZ4F_isError(LZ4F_createDecompressionContext(&context, UInt32(LZ4F_VERSION))) == 0, let context else {
            throw DecompressError(codec: .lz4, message: "cannot create an LZ4 frame context")
        }
        defer { LZ4F_freeDecompressionContext(context) }
        var inPos = 0, outPos = 0
        while inPos < input.count {
            var dstSize = output.count - outPos
            var srcSize = input.count - inPos
            var scratch: UInt8 = 0
            let hint = withUnsafeMutablePointer(to: &scratch) { fallback in
                LZ4F_decompress(context, output.baseAddress.map { $0 + outPos } ?? UnsafeMutableRawPointer(fallback),
                                &dstSize, input.baseAddress! + inPos, &srcSize, nil)
            }
            if LZ4F_isError(hint) != 0 {
                throw DecompressError(codec: .lz4, message: String(cString: LZ4F_getErrorName(hint)))
            }
            inPos += srcSize
            outPos += dstSize
            if srcSize == 0 && dstSize == 0 { break }
        }
        guard outPos == output.count else { throw mismatch(.lz4, outPos, output.count) }
    }
}
