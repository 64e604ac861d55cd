/// The values of one column for the rows of a batch, in contiguous typed storage.
public indirect enum ColumnStorage: Sendable {
    /// One byte per value, 0 or 1.
    case bool([UInt8])
    case int8([Int8])
    case int16([Int16])
    case int32([Int32])
    case int64([Int64])
    case int128([Int128])
    case float32([Float])
    case float64([Double])
    case bytes(ByteColumn)
    /// Arrays: element range of row `i` is `offsets[i] ..< offsets[i + 1]` in `elements`.
    case list(offsets: [Int32], elements: Vector)
    /// Maps: like lists, with parallel key and value vectors.
    case map(offsets: [Int32], keys: Vector, values: Vector)
    /// Rows: one vector per field, each as long as the parent.
    case row([Vector])

    /// Number of values stored.
    public var count: Int {
        switch self {
        case .bool(let a): return a.count
        case .int8(let a): return a.count
        case .int16(let a): return a.count
        case .int32(let a): return a.count
        case .int64(let a): return a.count
        case .int128(let a): return a.count
        case .float32(let a): return a.count
        case .float64(let a): return a.count
        case .bytes(let b): return b.count
        case .list(let o, _), .map(let o, _, _): return o.count - 1
        case .row(let fields): return fields.first?.count ?? 0
        }
    }

    /// Empty storage of the right physical kind for `type`.
    public static func empty(for type: DataType) -> ColumnStorage {
        switch type {
        case .array(let e): return .list(offsets: [0], elements: Vector(empty: e))
        case .map(let k, let v): return .map(offsets: [0], keys: Vector(empty: k), values: Vector(empty: v))
        case .row(let fields): return .row(fields.map { Vector(empty: $0.type) })
        default: break
        }
        switch type.physical {
        case .bool: return .bool([])
        case .int8: return .int8([])
        case .int16: return .int16([])
        case .int32: return .int32([])
        case .int64: return .int64([])
        case .int128: return .int128([])
        case .float32: return .float32([])
        case .float64: return .float64([])
        case .bytes: return .bytes(ByteColumn())
        case .list, .map, .row: return .bool([])
        }
    }
}

/// How a vector's rows map onto its storage. Scans produce `constant` for partition columns and `dictionary` for
/// Parquet dictionary pages; filters slice vectors into `dictionary` shape instead of copying values.
public enum VectorShape: Sendable {
    /// Row `i` is storage value `i`.
    case flat
    /// Every row is storage value 0.
    case constant
    /// Row `i` is storage value `indices[i]`.
    case dictionary(indices: [Int32])
}

/// A column of `count` rows of one `type`.
///
/// `validity` is per row (nil: no NULLs). For `constant` vectors it has one bit. Dictionary storage values are
/// addressed by index and may themselves be anything; a NULL row has its validity bit cleared.
public struct Vector: Sendable {
    public var type: DataType
    public var count: Int
    public var storage: ColumnStorage
    public var validity: Bitmap?
    public var shape: VectorShape

    public init(type: DataType, count: Int, storage: ColumnStorage, validity: Bitmap? = nil, shape: VectorShape = .flat) {
        self.type = type
        self.count = count
        self.storage = storage
        self.validity = validity
        self.shape = shape
    }

    /// An empty flat vector.
    public init(empty type: DataType) {
        self.init(type: type, count: 0, storage: .empty(for: type))
    }

    /// `count` NULLs.
    public static func nulls(_ type: DataType, count: Int) -> Vector {
        var v = Vector(value: .null, type: type, count: count)
        v.validity = Bitmap(count: 1, value: false)
        return v
    }

    public var isFlat: Bool { if case .flat = shape { return true } else { return false } }
    public var isConstant: Bool { if case .constant = shape { return true } else { return false } }

    /// True when row `i` is not NULL.
    @inlinable
    public func isValid(_ i: Int) -> Bool {
        guard let validity else { return true }
        if case .constant = shape { return validity.isSet(0) }
        return validity.isSet(i)
    }

    /// Whether any row may be NULL.
    public var mayHaveNulls: Bool {
        guard let validity else { return false }
        return !validity.allSet
    }

    /// The storage position that row `i` reads.
    @inlinable
    public func storageIndex(_ i: Int) -> Int {
        switch shape {
        case .flat: return i
        case .constant: return 0
        case .dictionary(let indices): return Int(indices[i])
        }
    }
}
