/// Compressed input that could not be decoded: corrupt, truncated, or of a codec that cannot be read here.
public struct DecompressError: Error, Sendable, CustomStringConvertible {
    public var codec: CompressionCodec
    public var message: String

    public init(codec: CompressionCodec, message: String) {
        self.codec = codec
        self.message = message
    }

    public var description: String { "\(codec.rawValue) decompression failed: \(message)" }
}
