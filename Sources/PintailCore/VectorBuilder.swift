/// Builds a flat vector value by value. For bulk work readers fill typed arrays directly; this is the general path
/// for constants, nested values and small results.
public struct VectorBuilder: Sendable {
    public let type: DataType
    // One of these holds the values, by physical kind; narrow kinds are converted in `finish`.
    private var integers: [Int64] = []
    private var doubles: [Double] = []
    private var wide: [Int128] = []
    private var bytes = ByteColumn()
    private var validity: Bitmap
    private var hasNull = false
    // Nested builders for array, map and row types.
    private var offsets: [Int32] = [0]
    private var children: [VectorBuilder] = []

    public init(type: DataType, capacity: Int = 0) {
        self.type = type
        validity = Bitmap(count: 0, value: true)
        switch type {
        case .array(let e): children = [VectorBuilder(type: e)]
        case .map(let k, let v): children = [VectorBuilder(type: k), VectorBuilder(type: v)]
        case .row(let fields): children = fields.map { VectorBuilder(type: $0.type) }
        default: break
        }
    }

    public var count: Int { validity.count }

    public mutating func appendNull() {
        validity.append(false)
        hasNull = true
        appendDefault()
    }

    /// Appends `value`, converting between the numeric spellings where the type asks for it.
    public mutating func append(_ value: Value) {
        if case .null = value { appendNull(); return }
        validity.append(true)
        switch (type.physical, value) {
        case (.bool, .boolean(let b)): integers.append(b ? 1 : 0)
        case (.int8, .int(let x)), (.int16, .int(let x)), (.int32, .int(let x)), (.int64, .int(let x)):
            integers.append(x)
        case (.int64, .decimal(let x)): integers.append(Int64(truncatingIfNeeded: x))
        case (.int128, .decimal(let x)): wide.append(x)
        case (.int128, .int(let x)): wide.append(Int128(x))
        case (.float32, .double(let x)), (.float64, .double(let x)): doubles.append(x)
        case (.float32, .int(let x)), (.float64, .int(let x)): doubles.append(Double(x))
        case (.bytes, .string(let s)): bytes.append(s)
        case (.bytes, .bytes(let x)): bytes.append(bytes: x)
        case (.list, .array(let items)):
            for item in items { children[0].append(item) }
            offsets.append(Int32(children[0].count))
        case (.map, .map(let keys, let values)):
            for (k, v) in zip(keys, values) {
                children[0].append(k)
                children[1].append(v)
            }
            offsets.append(Int32(children[0].count))
        case (.row, .row(let fields)):
            for i in children.indices { children[i].append(i < fields.count ? fields[i] : .null) }
        default:
            // A value of the wrong kind is a programming error upstream; store NULL rather than trap.
            validity[validity.count - 1] = false
            hasNull = true
            appendDefault()
        }
    }

    private mutating func appendDefault() {
        switch type.physical {
        case .bool, .int8, .int16, .int32, .int64: integers.append(0)
        case .int128: wide.append(0)
        case .float32, .float64: doubles.append(0)
        case .bytes: bytes.appendEmpty()
        case .list, .map: offsets.append(Int32(children[0].count))
        case .row: for i in children.indices { children[i].appendNull() }
        }
    }

    public func finish() -> Vector {
        let storage: ColumnStorage
        switch type {
        case .array: storage = .list(offsets: offsets, elements: children[0].finish())
        case .map: storage = .map(offsets: offsets, keys: children[0].finish(), values: children[1].finish())
        case .row: storage = .row(children.map { $0.finish() })
        default:
            switch type.physical {
            case .bool: storage = .bool(integers.map { UInt8(truncatingIfNeeded: $0) })
            case .int8: storage = .int8(integers.map { Int8(truncatingIfNeeded: $0) })
            case .int16: storage = .int16(integers.map { Int16(truncatingIfNeeded: $0) })
            case .int32: storage = .int32(integers.map { Int32(truncatingIfNeeded: $0) })
            case .int64: storage = .int64(integers)
            case .int128: storage = .int128(wide)
            case .float32: storage = .float32(doubles.map { Float($0) })
            case .float64: storage = .float64(doubles)
            case .bytes: storage = .bytes(bytes)
            case .list, .map, .row: storage = .bool(integers.map { UInt8(truncatingIfNeeded: $0) })
            }
        }
        return Vector(type: type, count: validity.count, storage: storage, validity: hasNull ? validity : nil)
    }
}
