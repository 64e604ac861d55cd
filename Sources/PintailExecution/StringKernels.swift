import PintailCore
import PintailPlanner
#if canImport(Glibc)
import Glibc
#endif

/// `length`, `lower`, `upper`, `trim`, `ltrim`, `rtrim`, `replace` with constant strings and `concat` (`||`) over the UTF-8 bytes
/// of a varchar column, instead of one Swift string per row (`RowFunctions`): `length(c_comment)` over TPC-H's
/// 150,000 customers took 40 ms that way. ASCII values, checked eight bytes at a time, are handled byte by byte; a
/// value with any other byte goes through the row-at-a-time code, so the answers are the same (invalid UTF-8
/// decodes with replacement characters there). Dictionary inputs are mapped once per dictionary value.
enum StringKernels {
    enum Function: Equatable {
        case length, lower, upper
        case trim(leading: Bool, trailing: Bool)
        /// `replace(s, search, replacement)` with a constant, non-empty `search`.
        case replace(search: [UInt8], replacement: [UInt8])

        /// The kernel for a call, nil when the row-at-a-time code must run it.
        init?(name: String, _ args: [BoundExpr]) {
            guard let first = args.first, first.type.isString else { return nil }
            switch (name, args.count) {
            case ("length", 1): self = .length
            case ("lower", 1): self = .lower
            case ("upper", 1): self = .upper
            case ("trim", 1): self = .trim(leading: true, trailing: true)
            case ("ltrim", 1): self = .trim(leading: true, trailing: false)
            case ("rtrim", 1): self = .trim(leading: false, trailing: true)
            case ("replace", 2), ("replace", 3):
                guard case .literal(.string(let search), _) = args[1], !search.isEmpty else { return nil }
                var replacement = ""
                if args.count == 3 {
                    guard case .literal(.string(let r), _) = args[2] else { return nil }
                    replacement = r
                }
                self = .replace(search: Array(search.utf8), replacement: Array(replacement.utf8))
            default: return nil
            }
        }
    }

    static func apply(_ function: Function, _ input: Vector, resultType: DataType) throws -> Vector {
        if case .dictionary(let indices) = input.shape, let dictionary = input.byteColumn, dictionary.count <= indices.count {
            let mapped = map(function, dictionary, resultType: resultType)
            return Vector(type: resultType, count: input.count, storage: mapped, validity: input.validity,
                          shape: .dictionary(indices: indices))
        }
        let flat = input.flattened()
        guard let text = flat.byteColumn else { throw ExecutionError("internal: a string function expects varchar") }
        return Vector(type: resultType, count: flat.count, storage: map(function, text, resultType: resultType),
                      validity: flat.validity)
    }

    /// `concat(a, b, ...)` of varchar values (the `||` operator): NULL when any argument is NULL. Rows whose values
    /// are all ASCII are joined byte by byte; the others as the row-at-a-time code joins them (as Swift strings).
    static func concat(_ inputs: [Vector], count: Int, resultType: DataType) throws -> Vector {
        // Per argument: its values and, for a constant, the one row every row reads.
        var columns: [(text: ByteColumn, constant: Bool)] = []
        var validity: Bitmap? = nil
        for input in inputs {
            let v = input.isConstant ? input : input.flattened()
            guard let text = v.byteColumn else { throw ExecutionError("internal: concat expects varchar") }
            columns.append((text, input.isConstant))
            if input.isConstant {
                if !input.isValid(0) { return .nulls(resultType, count: count) }
            } else if let bits = v.validity {
                validity = validity.map { $0.and(bits) } ?? bits
            }
        }
        var out = ByteColumn()
        out.reserve(values: count, bytes: columns.reduce(0) { $0 + ($1.constant ? $1.text.length(at: 0) * count : $1.text.bytes.count) })
        for row in 0..<count {
            if let validity, !validity.isSet(row) {
                out.appendEmpty()
                continue
            }
            var ascii = true
            for c in columns {
                let i = c.constant ? 0 : row
                let s = Int(c.text.offsets[i]), e = Int(c.text.offsets[i + 1])
                if !c.text.bytes.withUnsafeBytes({ isASCII($0, s, e) }) { ascii = false; break }
            }
            if ascii {
                for c in columns {
                    let i = c.constant ? 0 : row
                    let s = Int(c.text.offsets[i]), e = Int(c.text.offsets[i + 1])
                    c.text.bytes.withUnsafeBytes { out.bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: $0[s..<e])) }
                }
                out.appendEmpty()  // closes the value: the offset after the bytes just added
            } else {
                out.append(columns.map { $0.text.string(at: $0.constant ? 0 : row) }.joined())
            }
        }
        return Vector(type: resultType, count: count, storage: .bytes(out), validity: validity)
    }

    private static func map(_ function: Function, _ text: ByteColumn, resultType: DataType) -> ColumnStorage {
        switch function {
        case .length: return .int64(lengths(text))
        case .lower: return .bytes(caseMapped(text, upper: false))
        case .upper: return .bytes(caseMapped(text, upper: true))
        case .trim(let leading, let trailing): return .bytes(trimmed(text, leading: leading, trailing: trailing))
        case .replace(let search, let replacement): return .bytes(replaced(text, search, replacement))
        }
    }

    /// Values without leading and/or trailing white space (for ASCII: tab, line feed, vertical tab, form feed,
    /// carriage return and space, the ASCII characters of Unicode's White_Space).
    private static func trimmed(_ text: ByteColumn, leading: Bool, trailing: Bool) -> ByteColumn {
        var out = ByteColumn()
        out.reserve(values: text.count, bytes: text.bytes.count)
        @inline(__always) func space(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }
        text.bytes.withUnsafeBytes { raw in
            text.offsets.withUnsafeBufferPointer { offsets in
                for i in 0..<text.count {
                    var s = Int(offsets[i]), e = Int(offsets[i + 1])
                    if isASCII(raw, s, e) {
                        if leading { while s < e && space(raw[s]) { s += 1 } }
                        if trailing { while e > s && space(raw[e - 1]) { e -= 1 } }
                        out.append(UnsafeRawBufferPointer(rebasing: raw[s..<e]))
                    } else {
                        let value = String(decoding: UnsafeRawBufferPointer(rebasing: raw[s..<e]), as: UTF8.self)
                        out.append(RowFunctions.trim(value, leading: leading, trailing: trailing))
                    }
                }
            }
        }
        return out
    }

    /// Every non-overlapping occurrence of `search`, left to right, replaced.
    private static func replaced(_ text: ByteColumn, _ search: [UInt8], _ replacement: [UInt8]) -> ByteColumn {
        var out = ByteColumn()
        out.reserve(values: text.count, bytes: text.bytes.count)
        let searchString = String(decoding: search, as: UTF8.self)
        let replacementString = String(decoding: replacement, as: UTF8.self)
        let first = search[0], n = search.count
        text.bytes.withUnsafeBytes { raw in
            text.offsets.withUnsafeBufferPointer { offsets in
                search.withUnsafeBytes { pattern in
                    for i in 0..<text.count {
                        let s = Int(offsets[i]), e = Int(offsets[i + 1])
                        guard isASCII(raw, s, e) else {
                            let value = String(decoding: UnsafeRawBufferPointer(rebasing: raw[s..<e]), as: UTF8.self)
                            out.append(RowFunctions.replace(value, searchString, replacementString))
                            continue
                        }
                        var copied = s, p = s
                        while p + n <= e {
                            if raw[p] == first && memcmp(raw.baseAddress! + p, pattern.baseAddress!, n) == 0 {
                                out.bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[copied..<p]))
                                out.bytes.append(contentsOf: replacement)
                                p += n
                                copied = p
                            } else {
                                p += 1
                            }
                        }
                        out.append(UnsafeRawBufferPointer(rebasing: raw[copied..<e]))
                    }
                }
            }
        }
        return out
    }

    /// Whether bytes[start..<end] are all ASCII.
    @inline(__always)
    private static func isASCII(_ raw: UnsafeRawBufferPointer, _ start: Int, _ end: Int) -> Bool {
        var i = start, high: UInt64 = 0
        while i + 8 <= end {
            high |= raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            i += 8
        }
        while i < end {
            high |= UInt64(raw[i])
            i += 1
        }
        return high & 0x8080_8080_8080_8080 == 0
    }

    /// Code points per value, as `String.unicodeScalars.count`.
    private static func lengths(_ text: ByteColumn) -> [Int64] {
        var out = [Int64](repeating: 0, count: text.count)
        text.bytes.withUnsafeBytes { raw in
            text.offsets.withUnsafeBufferPointer { offsets in
                for i in 0..<text.count {
                    let s = Int(offsets[i]), e = Int(offsets[i + 1])
                    if isASCII(raw, s, e) {
                        out[i] = Int64(e - s)
                    } else {
                        out[i] = Int64(String(decoding: UnsafeRawBufferPointer(rebasing: raw[s..<e]), as: UTF8.self)
                            .unicodeScalars.count)
                    }
                }
            }
        }
        return out
    }

    /// Each value lower- or upper-cased, as `String.lowercased()` / `uppercased()`.
    private static func caseMapped(_ text: ByteColumn, upper: Bool) -> ByteColumn {
        // ASCII letters differ from their other case by 0x20; `from`...`from + 25` are the ones to change.
        let from: UInt8 = upper ? 0x61 : 0x41
        @inline(__always) func mapASCII(_ bytes: UnsafeMutableBufferPointer<UInt8>) {
            for k in bytes.indices {
                let byte = bytes[k]
                bytes[k] = byte &- from < 26 ? byte ^ 0x20 : byte
            }
        }
        let allASCII = text.bytes.withUnsafeBytes { isASCII($0, 0, $0.count) }
        if allASCII {
            var bytes = text.bytes
            bytes.withUnsafeMutableBufferPointer { mapASCII($0) }
            return ByteColumn(offsets: text.offsets, bytes: bytes)
        }
        var out = ByteColumn()
        out.reserve(values: text.count, bytes: text.bytes.count)
        text.bytes.withUnsafeBytes { raw in
            text.offsets.withUnsafeBufferPointer { offsets in
                for i in 0..<text.count {
                    let s = Int(offsets[i]), e = Int(offsets[i + 1])
                    let value = UnsafeRawBufferPointer(rebasing: raw[s..<e])
                    if isASCII(raw, s, e) {
                        let start = out.bytes.count
                        out.append(value)
                        out.bytes.withUnsafeMutableBufferPointer { mapASCII(UnsafeMutableBufferPointer(rebasing: $0[start...])) }
                    } else {
                        let string = String(decoding: value, as: UTF8.self)
                        out.append(upper ? string.uppercased() : string.lowercased())
                    }
                }
            }
        }
        return out
    }
}
