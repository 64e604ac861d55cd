/// The one error type of PintailML: what went wrong, and the file it concerns when there is one.
public struct ModelError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The model folder or one of its files is missing.
        case missingFile
        /// A file exists but its content is malformed (bad header, out-of-range offsets, wrong dtype or shape).
        case malformed
        /// The checkpoint lacks a tensor the architecture needs.
        case missingTensor
        /// The input cannot be encoded (for example more tokens than the model has positions).
        case invalidInput
        /// The caller asked to stop through the progress callback.
        case cancelled
    }

    public let kind: Kind
    public let message: String
    public let file: String?

    public init(_ kind: Kind, _ message: String, file: String? = nil) {
        self.kind = kind
        self.message = message
        self.file = file
    }

    public var description: String {
        if let file { return "model error: \(message) (\(file))" }
        return "model error: \(message)"
    }
}
