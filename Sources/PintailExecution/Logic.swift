import PintailCore

/// Three-valued boolean logic over boolean vectors.
enum Logic {
    /// Per-row (value, valid) of a boolean vector, flattened.
    private static func parts(_ v: Vector) -> ([UInt8], Bitmap?) {
        let f = v.flattened()
        return (f.boolValues ?? [UInt8](repeating: 0, count: f.count), f.flatValidity)
    }

    /// AND: false if any operand is false; else NULL if any is NULL; else true.
    static func and(_ inputs: [Vector], count: Int) throws -> Vector {
        var value = [UInt8](repeating: 1, count: count)
        var anyNull = [UInt8](repeating: 0, count: count)
        var sawNull = false
        for input in inputs {
            let (v, valid) = parts(input)
            for i in 0..<count {
                if let valid, !valid[i] { anyNull[i] = 1; sawNull = true } else { value[i] &= v[i] }
            }
        }
        guard sawNull else { return .booleans(value, validity: nil) }
        var validity = Bitmap(count: count, value: true)
        for i in 0..<count where anyNull[i] == 1 && value[i] == 1 { validity[i] = false }
        return .booleans(value, validity: validity)
    }

    /// OR: true if any operand is true; else NULL if any is NULL; else false.
    static func or(_ inputs: [Vector], count: Int) throws -> Vector {
        var value = [UInt8](repeating: 0, count: count)
        var anyNull = [UInt8](repeating: 0, count: count)
        var sawNull = false
        for input in inputs {
            let (v, valid) = parts(input)
            for i in 0..<count {
                if let valid, !valid[i] { anyNull[i] = 1; sawNull = true } else { value[i] |= v[i] }
            }
        }
        guard sawNull else { return .booleans(value, validity: nil) }
        var validity = Bitmap(count: count, value: true)
        for i in 0..<count where anyNull[i] == 1 && value[i] == 0 { validity[i] = false }
        return .booleans(value, validity: validity)
    }

    static func not(_ input: Vector) -> Vector {
        let (v, valid) = parts(input)
        return .booleans(v.map { $0 ^ 1 }, validity: valid)
    }

    static func isNull(_ input: Vector) -> Vector {
        var out = [UInt8](repeating: 0, count: input.count)
        if input.validity != nil { for i in 0..<input.count where !input.isValid(i) { out[i] = 1 } }
        return .booleans(out, validity: nil)
    }

    /// Row numbers where a predicate vector is true (NULL counts as false): the selection a filter keeps.
    static func selection(_ predicate: Vector) -> [Int32] {
        let (v, valid) = parts(predicate)
        var out: [Int32] = []
        out.reserveCapacity(v.count)
        v.withUnsafeBufferPointer { p in
            if let valid {
                for i in 0..<p.count where p[i] != 0 && valid[i] { out.append(Int32(i)) }
            } else {
                for i in 0..<p.count where p[i] != 0 { out.append(Int32(i)) }
            }
        }
        return out
    }
}
