// PintailCore: the types, vectors and batches every other layer plugs into.

/// A SQL type, named and typed as Presto/Trino does.
public indirect enum DataType: Hashable, Sendable, CustomStringConvertible {
    case boolean
    case tinyint
    case smallint
    case integer
    case bigint
    case real
    case double
    /// Exact numeric; precision <= 18 is stored as Int64, above as Int128 (both unscaled).
    case decimal(precision: Int, scale: Int)
    /// `nil` length means unbounded `varchar`.
    case varchar(length: Int?)
    case char(length: Int)
    case varbinary
    /// Days since 1970-01-01.
    case date
    /// Microseconds since 1970-01-01 00:00:00, no time zone; `precision` is the number of fractional digits shown.
    case timestamp(precision: Int)
    /// Microseconds since midnight.
    case time
    case array(DataType)
    case map(key: DataType, value: DataType)
    case row([RowField])
    case json
    /// A serialized HyperLogLog sketch (Trino's approx_set format).
    case hyperLogLog
    /// The type of a bare NULL literal; coerces to anything.
    case unknown

    public static let string = DataType.varchar(length: nil)

    public var description: String {
        switch self {
        case .boolean: return "boolean"
        case .tinyint: return "tinyint"
        case .smallint: return "smallint"
        case .integer: return "integer"
        case .bigint: return "bigint"
        case .real: return "real"
        case .double: return "double"
        case .decimal(let p, let s): return "decimal(\(p),\(s))"
        case .varchar(let n): return n.map { "varchar(\($0))" } ?? "varchar"
        case .char(let n): return "char(\(n))"
        case .varbinary: return "varbinary"
        case .date: return "date"
        case .timestamp(let p): return "timestamp(\(p))"
        case .time: return "time"
        case .array(let e): return "array(\(e))"
        case .map(let k, let v): return "map(\(k), \(v))"
        case .row(let fields): return "row(" + fields.map { "\($0.name ?? "") \($0.type)".trimmingLeadingSpace() }.joined(separator: ", ") + ")"
        case .json: return "json"
        case .hyperLogLog: return "HyperLogLog"
        case .unknown: return "unknown"
        }
    }

    /// How values of this type are laid out in a vector.
    public var physical: PhysicalType {
        switch self {
        case .boolean: return .bool
        case .tinyint: return .int8
        case .smallint: return .int16
        case .integer, .date: return .int32
        case .bigint, .timestamp, .time: return .int64
        case .decimal(let p, _): return p <= 18 ? .int64 : .int128
        case .real: return .float32
        case .double: return .float64
        case .varchar, .char, .varbinary, .json, .hyperLogLog: return .bytes
        case .array: return .list
        case .map: return .map
        case .row: return .row
        case .unknown: return .bool
        }
    }

    public var isNumeric: Bool {
        switch self {
        case .tinyint, .smallint, .integer, .bigint, .real, .double, .decimal: return true
        default: return false
        }
    }

    public var isInteger: Bool {
        switch self {
        case .tinyint, .smallint, .integer, .bigint: return true
        default: return false
        }
    }

    public var isString: Bool {
        switch self {
        case .varchar, .char: return true
        default: return false
        }
    }
}

/// A named field of a `row` type.
public struct RowField: Hashable, Sendable {
    public var name: String?
    public var type: DataType
    public init(name: String?, type: DataType) {
        self.name = name
        self.type = type
    }
}

/// The storage class of a vector, chosen once per type (kernels are picked by it at plan time).
public enum PhysicalType: Sendable, Hashable {
    case bool, int8, int16, int32, int64, int128, float32, float64, bytes, list, map, row
}

extension String {
    fileprivate func trimmingLeadingSpace() -> String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        return String(s)
    }
}
