/// A Parquet file that cannot be read: names the file, the column when one is involved, and what is wrong.
public struct ParquetError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        case io, notParquet, truncated, corruptMetadata, encrypted, unsupported, corruptPage, decompression
        case checksumMismatch, invalidArgument
    }

    public var kind: Kind
    public var file: String
    public var column: String?
    public var message: String

    public init(_ kind: Kind, file: String, column: String? = nil, _ message: String) {
        self.kind = kind
        self.file = file
        self.column = column
        self.message = message
    }

    public var description: String {
        if let column { return "Parquet file \(file), column \(column): \(message)" }
        return "Parquet file \(file): \(message)"
    }
}
