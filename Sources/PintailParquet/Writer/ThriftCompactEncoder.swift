/// Writes Thrift's compact protocol (the encoding of Parquet's page headers and footer) into a byte buffer.
/// Callers write fields in increasing id order inside `beginStruct()` / `endStruct()`.
struct ThriftCompactEncoder {
    enum FieldType: UInt8 {
        case boolTrue = 1, boolFalse = 2, byte = 3, i16 = 4, i32 = 5, i64 = 6, double = 7, binary = 8
        case list = 9, set = 10, map = 11, structure = 12
    }

    private(set) var bytes: [UInt8] = []
    private var lastFieldId: Int16 = 0
    private var enclosingFieldIds: [Int16] = []

    init() { bytes.reserveCapacity(256) }

    mutating func beginStruct() {
        enclosingFieldIds.append(lastFieldId)
        lastFieldId = 0
    }

    mutating func endStruct() {
        bytes.append(0)  // field stop
        lastFieldId = enclosingFieldIds.popLast() ?? 0
    }

    mutating func fieldHeader(_ id: Int16, _ type: FieldType) {
        let delta = Int(id) - Int(lastFieldId)
        if delta > 0 && delta <= 15 {
            bytes.append(UInt8(delta) << 4 | type.rawValue)
        } else {
            bytes.append(type.rawValue)
            varint(zigzag(Int64(id)))
        }
        lastFieldId = id
    }

    mutating func i32(_ id: Int16, _ value: Int32) {
        fieldHeader(id, .i32)
        varint(zigzag(Int64(value)))
    }

    mutating func i64(_ id: Int16, _ value: Int64) {
        fieldHeader(id, .i64)
        varint(zigzag(value))
    }

    mutating func byte(_ id: Int16, _ value: Int8) {
        fieldHeader(id, .byte)
        bytes.append(UInt8(bitPattern: value))
    }

    mutating func bool(_ id: Int16, _ value: Bool) {
        fieldHeader(id, value ? .boolTrue : .boolFalse)
    }

    mutating func binary(_ id: Int16, _ value: [UInt8]) {
        fieldHeader(id, .binary)
        varint(UInt64(value.count))
        bytes.append(contentsOf: value)
    }

    mutating func string(_ id: Int16, _ value: String) {
        binary(id, Array(value.utf8))
    }

    /// A struct-typed field: the caller writes its fields and then calls `endStruct()`.
    mutating func beginStructField(_ id: Int16) {
        fieldHeader(id, .structure)
        beginStruct()
    }

    /// An empty struct field (the members of Parquet's logical-type unions carry no data).
    mutating func emptyStruct(_ id: Int16) {
        beginStructField(id)
        endStruct()
    }

    mutating func listHeader(_ id: Int16, element: FieldType, count: Int) {
        fieldHeader(id, .list)
        if count < 15 {
            bytes.append(UInt8(count) << 4 | element.rawValue)
        } else {
            bytes.append(0xF0 | element.rawValue)
            varint(UInt64(count))
        }
    }

    /// A list element (no field header), for lists of i32.
    mutating func i32Element(_ value: Int32) { varint(zigzag(Int64(value))) }

    /// A list element (no field header), for lists of strings.
    mutating func stringElement(_ value: String) {
        let utf8 = Array(value.utf8)
        varint(UInt64(utf8.count))
        bytes.append(contentsOf: utf8)
    }

    mutating func varint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    private func zigzag(_ v: Int64) -> UInt64 { UInt64(bitPattern: (v << 1) ^ (v >> 63)) }
}
