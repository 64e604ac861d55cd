// PintailText: Hive's delimited text format (LazySimpleSerDe), as Athena reads it: TSV/CSV-like files, plain or gzip.
import PintailCore

/// How a delimited text table's files are laid out, from the table's ROW FORMAT and TBLPROPERTIES.
public struct DelimitedTextOptions: Sendable, Equatable {
    /// Field separator (Hive's default is \001).
    public var fieldDelimiter: UInt8 = 0x01
    /// Escape byte (ESCAPED BY), or nil for none.
    public var escape: UInt8? = nil
    /// Line terminator; Hive supports only '\n' (a trailing '\r' is stripped).
    public var lineTerminator: UInt8 = 0x0A
    /// The text that stands for NULL (NULL DEFINED AS; Hive's default is `\N`).
    public var nullMarker: [UInt8] = [0x5C, 0x4E]
    /// Lines skipped at the start of every file (`skip.header.line.count`).
    public var headerLines: Int = 0

    public init() {}
}

/// How a file is compressed, from its name or the table's `compressionType` property.
public enum TextCompression: Sendable, Equatable {
    case none, gzip

    /// `.gz` files are gzip whatever the table says (as Hive and Athena decide by extension).
    public static func forFile(_ path: String, tableCompression: String?) -> TextCompression {
        if path.hasSuffix(".gz") || path.hasSuffix(".gzip") { return .gzip }
        return .none
    }
}
