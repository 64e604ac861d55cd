/// A compression library refused its input or its parameters.
public struct CompressError: Error, Sendable, CustomStringConvertible {
    public var codec: CompressionCodec
    public var message: String

    public init(codec: CompressionCodec, message: String) {
        self.codec = codec
        self.message = message
    }

    public var description: String { "\(codec.rawValue) compression failed: \(message)" }
}
