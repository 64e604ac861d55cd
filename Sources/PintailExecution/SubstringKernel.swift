import PintailCore
import PintailPlanner

/// `substr(s, start[, length])` with constant positive `start` and `length` (TPC-H's `substring(c_phone FROM 1 FOR
/// 2)`): cuts the UTF-8 bytes of each value in place, counting code points as Trino does, instead of building
/// Swift strings row by row. Dictionary inputs cut each dictionary value once.
enum SubstringKernel {
    /// The constant start (positive) and length (non-negative, nil when absent) of a substr call, if they are.
    static func constantBounds(_ args: [BoundExpr]) -> (start: Int, length: Int?)? {
        func constant(_ e: BoundExpr) -> Int64? {
            switch e {
            case .literal(.int(let n), _): return n
            case .cast(let inner, _, _): return constant(inner)
            default: return nil
            }
        }
        guard args.count == 2 || args.count == 3, let start = constant(args[1]), start > 0, start < Int64(Int32.max) else { return nil }
        guard args.count == 3 else { return (Int(start), nil) }
        guard let n = constant(args[2]), n >= 0, n < Int64(Int32.max) else { return nil }
        return (Int(start), Int(n))
    }

    static func apply(_ input: Vector, start: Int, length: Int?) throws -> Vector {
        if case .dictionary(let indices) = input.shape, let dict = input.byteColumn, dict.count <= indices.count {
            let values = cut(dict, start: start, length: length)
            return Vector(type: input.type, count: input.count, storage: .bytes(values), validity: input.validity,
                          shape: .dictionary(indices: indices))
        }
        let v = input.flattened()
        guard let text = v.byteColumn else { throw ExecutionError("internal: substr expects varchar") }
        return Vector(type: v.type, count: v.count, storage: .bytes(cut(text, start: start, length: length)), validity: v.validity)
    }

    /// Each value's code points start...start+length-1 (1-based); empty where the value is shorter.
    private static func cut(_ text: ByteColumn, start: Int, length: Int?) -> ByteColumn {
        var out = ByteColumn()
        out.reserve(values: text.count, bytes: min(text.bytes.count, text.count * (length ?? 16) * 4))
        text.bytes.withUnsafeBytes { raw in
            for i in 0..<text.count {
                let s = Int(text.offsets[i]), e = Int(text.offsets[i + 1])
                var pos = s, point = 1
                // Skip to the start code point: continuation bytes are 10xxxxxx.
                while pos < e && point < start {
                    pos += 1
                    while pos < e && raw[pos] & 0xC0 == 0x80 { pos += 1 }
                    point += 1
                }
                var end = pos
                if let length {
                    var taken = 0
                    while end < e && taken < length {
                        end += 1
                        while end < e && raw[end] & 0xC0 == 0x80 { end += 1 }
                        taken += 1
                    }
                } else {
                    end = e
                }
                out.append(UnsafeRawBufferPointer(rebasing: raw[pos..<end]))
            }
        }
        return out
    }
}
