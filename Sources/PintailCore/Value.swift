/// One SQL value, used for constants, plan-time folding and result rows (never in hot loops).
/// Its meaning depends on the `DataType` it travels with: `.int` serves every integer type, date (days) and
/// timestamp/time (microseconds); `.decimal` holds the unscaled value.
public enum Value: Hashable, Sendable {
    case null
    case boolean(Bool)
    case int(Int64)
    case decimal(Int128)
    case double(Double)
    case string(String)
    case bytes([UInt8])
    case array([Value])
    case map(keys: [Value], values: [Value])
    case row([Value])

    public var isNull: Bool { if case .null = self { return true } else { return false } }
}

extension Vector {
    /// A constant vector repeating `value`.
    public init(value: Value, type: DataType, count: Int) {
        var builder = VectorBuilder(type: type, capacity: 1)
        builder.append(value)
        var v = builder.finish()
        v.count = count
        v.shape = .constant
        self = v
    }

    /// The value of row `i` (slow path: for printing, tests and constant folding).
    public func value(at i: Int) -> Value {
        guard isValid(i) else { return .null }
        let s = storageIndex(i)
        switch storage {
        case .bool(let a): return .boolean(a[s] != 0)
        case .int8(let a): return .int(Int64(a[s]))
        case .int16(let a): return .int(Int64(a[s]))
        case .int32(let a): return .int(Int64(a[s]))
        case .int64(let a):
            if case .decimal = type { return .decimal(Int128(a[s])) }
            return .int(a[s])
        case .int128(let a): return .decimal(a[s])
        case .float32(let a): return .double(Double(a[s]))
        case .float64(let a): return .double(a[s])
        case .bytes(let b):
            switch type {
            case .varbinary, .hyperLogLog: return .bytes(b.value(at: s))
            default: return .string(b.string(at: s))
            }
        case .list(let offsets, let elements):
            return .array((Int(offsets[s])..<Int(offsets[s + 1])).map { elements.value(at: $0) })
        case .map(let offsets, let keys, let values):
            let r = Int(offsets[s])..<Int(offsets[s + 1])
            return .map(keys: r.map { keys.value(at: $0) }, values: r.map { values.value(at: $0) })
        case .row(let fields):
            return .row(fields.map { $0.value(at: s) })
        }
    }
}
