import PintailCore

/// Why a Parquet file could not be written.
public enum ParquetWriteError: Error, Sendable, CustomStringConvertible {
    case unsupportedType(column: String, type: DataType)
    case schemaMismatch(String)
    case nullInRequiredColumn(column: String)
    case valueTooLarge(column: String, bytes: Int)
    case io(path: String, message: String)
    case closed

    public var description: String {
        switch self {
        case .unsupportedType(let c, let t): return "Parquet writer: column '\(c)' has type \(t), which it cannot store"
        case .schemaMismatch(let m): return "Parquet writer: \(m)"
        case .nullInRequiredColumn(let c): return "Parquet writer: NULL in non-nullable column '\(c)'"
        case .valueTooLarge(let c, let n): return "Parquet writer: a value of \(n) bytes in column '\(c)' is too large"
        case .io(let p, let m): return "Parquet writer: \(p): \(m)"
        case .closed: return "Parquet writer: the file is already closed"
        }
    }
}
