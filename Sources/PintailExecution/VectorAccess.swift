import PintailCore

/// Typed views of flat vectors for kernels. Each returns nil when the storage is of another kind.
extension Vector {
    /// Values widened to Int64 (bool, int8..int64); copies narrow kinds.
    func int64Values() -> [Int64]? {
        switch storage {
        case .int64(let a): return a
        case .int32(let a): return a.map { Int64($0) }
        case .int16(let a): return a.map { Int64($0) }
        case .int8(let a): return a.map { Int64($0) }
        case .bool(let a): return a.map { Int64($0) }
        default: return nil
        }
    }

    func doubleValues() -> [Double]? {
        switch storage {
        case .float64(let a): return a
        case .float32(let a): return a.map { Double($0) }
        default: return nil
        }
    }

    var byteColumn: ByteColumn? { if case .bytes(let b) = storage { return b } else { return nil } }
    var boolValues: [UInt8]? { if case .bool(let a) = storage { return a } else { return nil } }

    /// A flat vector of the same type from widened Int64 values (narrowing back to the storage kind).
    static func fromInt64(_ values: [Int64], type: DataType, validity: Bitmap?) -> Vector {
        let storage: ColumnStorage
        switch type.physical {
        case .bool: storage = .bool(values.map { UInt8(truncatingIfNeeded: $0) })
        case .int8: storage = .int8(values.map { Int8(truncatingIfNeeded: $0) })
        case .int16: storage = .int16(values.map { Int16(truncatingIfNeeded: $0) })
        case .int32: storage = .int32(values.map { Int32(truncatingIfNeeded: $0) })
        default: storage = .int64(values)
        }
        return Vector(type: type, count: values.count, storage: storage, validity: validity)
    }

    static func fromDouble(_ values: [Double], type: DataType, validity: Bitmap?) -> Vector {
        let storage: ColumnStorage = type == .real ? .float32(values.map { Float($0) }) : .float64(values)
        return Vector(type: type, count: values.count, storage: storage, validity: validity)
    }

    static func booleans(_ values: [UInt8], validity: Bitmap?) -> Vector {
        Vector(type: .boolean, count: values.count, storage: .bool(values), validity: validity)
    }

    /// Validity as a flat bitmap for `count` rows (nil when every row is valid).
    var flatValidity: Bitmap? {
        guard let validity else { return nil }
        if case .constant = shape { return validity[0] ? nil : Bitmap(count: count, value: false) }
        return validity
    }
}
