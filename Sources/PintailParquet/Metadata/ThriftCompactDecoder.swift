/// Thrift compact protocol types as they appear in field and collection headers.
package enum ThriftType: UInt8, Sendable {
    case stop = 0, boolTrue = 1, boolFalse = 2, byte = 3, i16 = 4, i32 = 5, i64 = 6, double = 7, binary = 8
    case list = 9, set = 10, map = 11, structure = 12
}

/// Malformed Thrift data: the caller wraps it into a `ParquetError` naming the file.
package struct ThriftError: Error, Sendable, CustomStringConvertible {
    package var message: String
    package init(_ message: String) { self.message = message }
    package var description: String { message }
}

/// Reads the Thrift compact protocol from a byte buffer that outlives the decoder. Every length is checked against
/// the bytes left and nesting is limited, so hostile input throws instead of over-reading or recursing deeply.
package struct ThriftCompactDecoder {
    package let bytes: UnsafeRawBufferPointer
    package private(set) var position: Int
    private var lastFieldIds: [Int16] = []
    private var lastFieldId: Int16 = 0
    package static let maxDepth = 64

    package init(_ bytes: UnsafeRawBufferPointer, position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    package var remaining: Int { bytes.count - position }

    package mutating func readByte() throws(ThriftError) -> UInt8 {
        guard position < bytes.count else { throw ThriftError("unexpected end of Thrift data at byte \(position)") }
        let b = bytes[position]
        position += 1
        return b
    }

    package mutating func readVarint() throws(ThriftError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try readByte()
            result |= UInt64(b & 0x7F) << shift
            if b & 0x80 == 0 { return result }
            shift += 7
            if shift > 63 { throw ThriftError("varint longer than 10 bytes at byte \(position)") }
        }
    }

    package mutating func readI64() throws(ThriftError) -> Int64 {
        let n = try readVarint()
        return Int64(bitPattern: (n >> 1) ^ (0 &- (n & 1)))
    }

    package mutating func readI32() throws(ThriftError) -> Int32 {
        let v = try readI64()
        guard let r = Int32(exactly: v) else { throw ThriftError("i32 value \(v) out of range") }
        return r
    }

    package mutating func readI16() throws(ThriftError) -> Int16 {
        let v = try readI64()
        guard let r = Int16(exactly: v) else { throw ThriftError("i16 value \(v) out of range") }
        return r
    }

    package mutating func readDouble() throws(ThriftError) -> Double {
        guard remaining >= 8 else { throw ThriftError("unexpected end of Thrift data in a double") }
        let bits = bytes.loadUnaligned(fromByteOffset: position, as: UInt64.self)
        position += 8
        return Double(bitPattern: UInt64(littleEndian: bits))
    }

    package mutating func readBinary() throws(ThriftError) -> [UInt8] {
        let length = try readLength()
        defer { position += length }
        return Array(UnsafeRawBufferPointer(rebasing: bytes[position..<position + length]))
    }

    package mutating func readString() throws(ThriftError) -> String {
        let length = try readLength()
        defer { position += length }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[position..<position + length]), as: UTF8.self)
    }

    private mutating func readLength() throws(ThriftError) -> Int {
        let n = try readVarint()
        guard n <= UInt64(remaining) else {
            throw ThriftError("length \(n) at byte \(position) runs past the end of the Thrift data")
        }
        return Int(n)
    }

    /// Reads a boolean field's value (carried in the field type) or a boolean list element (one byte).
    package mutating func readBool(_ type: ThriftType) throws(ThriftError) -> Bool {
        switch type {
        case .boolTrue: return true
        case .boolFalse: return false
        default: return try readByte() == 1
        }
    }

    // MARK: structs

    package mutating func beginStruct() throws(ThriftError) {
        guard lastFieldIds.count < Self.maxDepth else { throw ThriftError("Thrift structs nested too deeply") }
        lastFieldIds.append(lastFieldId)
        lastFieldId = 0
    }

    package mutating func endStruct() {
        lastFieldId = lastFieldIds.popLast() ?? 0
    }

    /// The next field's id and type, or nil at the struct's end (the STOP field is consumed).
    package mutating func nextField() throws(ThriftError) -> (id: Int16, type: ThriftType)? {
        let header = try readByte()
        if header == 0 { return nil }
        guard let type = ThriftType(rawValue: header & 0x0F), type != .stop else {
            throw ThriftError("unknown compact type \(header & 0x0F) at byte \(position - 1)")
        }
        let delta = Int16(header >> 4)
        lastFieldId = delta != 0 ? lastFieldId &+ delta : try readI16()
        return (lastFieldId, type)
    }

    /// A list or set header: element count (checked against the bytes left) and element type.
    package mutating func readListHeader() throws(ThriftError) -> (count: Int, type: ThriftType) {
        let header = try readByte()
        var count = Int(header >> 4)
        if count == 15 {
            let n = try readVarint()
            guard n <= UInt64(Int32.max) else { throw ThriftError("list of \(n) elements") }
            count = Int(n)
        }
        guard let type = ThriftType(rawValue: header & 0x0F) else {
            throw ThriftError("unknown list element type \(header & 0x0F)")
        }
        // Every element takes at least one byte, so this bounds allocations by the input size.
        guard count <= remaining else { throw ThriftError("list of \(count) elements runs past the end of the data") }
        return (count, type)
    }

    /// Reads a list of `count` elements with `element`.
    package mutating func readList<T>(_ element: (inout ThriftCompactDecoder, ThriftType) throws(ThriftError) -> T) throws(ThriftError) -> [T] {
        let (count, type) = try readListHeader()
        var out: [T] = []
        out.reserveCapacity(count)
        for _ in 0..<count { out.append(try element(&self, type)) }
        return out
    }

    /// Skips a value of `type`, including nested containers.
    package mutating func skip(_ type: ThriftType, depth: Int = 0) throws(ThriftError) {
        guard depth < Self.maxDepth else { throw ThriftError("Thrift values nested too deeply") }
        switch type {
        case .boolTrue, .boolFalse, .stop: return
        case .byte: _ = try readByte()
        case .i16, .i32, .i64: _ = try readVarint()
        case .double:
            guard remaining >= 8 else { throw ThriftError("unexpected end of Thrift data") }
            position += 8
        case .binary: position += try readLength()
        case .list, .set:
            let (count, element) = try readListHeader()
            for _ in 0..<count {
                if element == .boolTrue || element == .boolFalse { _ = try readByte() } else { try skip(element, depth: depth + 1) }
            }
        case .map:
            let n = try readVarint()
            guard n <= UInt64(remaining) else { throw ThriftError("map of \(n) entries runs past the end of the data") }
            if n == 0 { return }
            let kv = try readByte()
            guard let k = ThriftType(rawValue: kv >> 4), let v = ThriftType(rawValue: kv & 0x0F) else {
                throw ThriftError("unknown map element type")
            }
            for _ in 0..<n {
                try skip(k, depth: depth + 1)
                try skip(v, depth: depth + 1)
            }
        case .structure:
            try beginStruct()
            while let field = try nextField() { try skip(field.type, depth: depth + 1) }
            endStruct()
        }
    }
}
