// PintailCodecs: block and stream compression over the C libraries (zlib, zstd, snappy, lz4, brotli).

/// The compression codecs Pintail reads and writes, named as Parquet names them.
public enum CompressionCodec: String, Sendable, CaseIterable {
    case uncompressed = "UNCOMPRESSED"
    case snappy = "SNAPPY"
    case gzip = "GZIP"
    /// LZO is listed by Parquet but no C library for it is packaged here; readers report it as unsupported.
    case lzo = "LZO"
    case brotli = "BROTLI"
    /// Deprecated Parquet LZ4: Hadoop's framing, or a bare LZ4 block as some writers produced.
    case lz4 = "LZ4"
    case zstd = "ZSTD"
    case lz4Raw = "LZ4_RAW"
}
