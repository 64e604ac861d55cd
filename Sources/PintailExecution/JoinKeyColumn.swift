import PintailCore

#if canImport(Glibc)
import Glibc
#endif

/// One join key column in the form both sides hash and compare: integer kinds widened to Int64, doubles as the bits
/// of their normalised value (-0.0 joins 0.0, NaN joins NaN, as GROUP BY groups them), wide decimals as Int128,
/// strings as their bytes read in place (through the vector's dictionary indices when it has them).
enum JoinKeyColumn {
    case ints([Int64])
    case wide([Int128])
    case bytes(ByteColumn, indices: [Int32]?)

    /// The key kinds a table can be built for (others take the encoded-key path).
    enum Kind: Equatable { case ints, doubles, wide, bytes }

    static func kind(_ storage: ColumnStorage) -> Kind? {
        switch storage {
        case .bool, .int8, .int16, .int32, .int64: return .ints
        case .float32, .float64: return .doubles
        case .int128: return .wide
        case .bytes: return .bytes
        case .list, .map, .row: return nil
        }
    }

    /// `v`'s rows in join form; nil for nested types.
    init?(_ v: Vector) {
        switch JoinKeyColumn.kind(v.storage) {
        case .ints?: self = .ints(v.flattened().int64Values() ?? [])
        case .doubles?:
            let d = v.flattened().doubleValues() ?? []
            self = .ints(d.map { x in Int64(bitPattern: (x == 0 ? 0 : (x.isNaN ? Double.nan : x)).bitPattern) })
        case .wide?:
            guard case .int128(let a) = v.flattened().storage else { return nil }
            self = .wide(a)
        case .bytes?:
            guard case .bytes(let b) = v.storage else { return nil }
            switch v.shape {
            case .flat: self = .bytes(b, indices: nil)
            case .dictionary(let indices): self = .bytes(b, indices: indices)
            case .constant: self = .bytes(b, indices: [Int32](repeating: 0, count: v.count))
            }
        case nil: return nil
        }
    }

    /// Mixes each row's value into `hashes` (one typed loop per column).
    func mix(into hashes: inout [UInt64]) {
        hashes.withUnsafeMutableBufferPointer { h in mix(into: h, rows: 0..<h.count) }
    }

    /// Mixes the values of `rows` into `h[rows]` (workers hash disjoint row ranges of one build side).
    func mix(into h: UnsafeMutableBufferPointer<UInt64>, rows: Range<Int>) {
        switch self {
        case .ints(let a):
            a.withUnsafeBufferPointer { a in
                for r in rows { h[r] = JoinHash.mix(h[r], UInt64(bitPattern: a[r])) }
            }
        case .wide(let a):
            a.withUnsafeBufferPointer { a in
                for r in rows {
                    h[r] = JoinHash.mix(JoinHash.mix(h[r], UInt64(truncatingIfNeeded: a[r])), UInt64(truncatingIfNeeded: a[r] >> 64))
                }
            }
        case .bytes(let b, let indices):
            b.offsets.withUnsafeBufferPointer { off in
                b.bytes.withUnsafeBytes { raw in
                    if let indices, b.count <= rows.count {
                        // A dictionary no larger than the rows: each entry is hashed once.
                        var entry = [UInt64](repeating: 0, count: b.count)
                        for e in 0..<b.count {
                            let start = Int(off[e])
                            entry[e] = JoinHash.bytes(raw.baseAddress, start, Int(off[e + 1]) - start)
                        }
                        entry.withUnsafeBufferPointer { entry in
                            indices.withUnsafeBufferPointer { idx in
                                for r in rows { h[r] = JoinHash.mix(h[r], entry[Int(idx[r])]) }
                            }
                        }
                    } else if let indices {
                        indices.withUnsafeBufferPointer { idx in
                            for r in rows {
                                let s = Int(idx[r]), start = Int(off[s])
                                h[r] = JoinHash.mix(h[r], JoinHash.bytes(raw.baseAddress, start, Int(off[s + 1]) - start))
                            }
                        }
                    } else {
                        for r in rows {
                            let start = Int(off[r])
                            h[r] = JoinHash.mix(h[r], JoinHash.bytes(raw.baseAddress, start, Int(off[r + 1]) - start))
                        }
                    }
                }
            }
        }
    }

    /// For each `rows[i]` with `other[i] >= 0`: clears `equal[i]` unless this column's row `rows[i]` equals row
    /// `other[i]` of `that` (same kind).
    func check(_ rows: [Int32], against that: JoinKeyColumn, at other: [Int32], equal: inout [Bool]) {
        switch (self, that) {
        case (.ints(let a), .ints(let b)):
            a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in
                    for i in rows.indices where other[i] >= 0 && a[Int(rows[i])] != b[Int(other[i])] { equal[i] = false }
                }
            }
        case (.wide(let a), .wide(let b)):
            for i in rows.indices where other[i] >= 0 && a[Int(rows[i])] != b[Int(other[i])] { equal[i] = false }
        case (.bytes(let a, let ai), .bytes(let b, let bi)):
            // Rows are read through the dictionary indices when a side has them.
            let xi = ai ?? [], yi = bi ?? [], viaX = ai != nil, viaY = bi != nil
            a.offsets.withUnsafeBufferPointer { ao in
                b.offsets.withUnsafeBufferPointer { bo in
                    a.bytes.withUnsafeBytes { ab in
                        b.bytes.withUnsafeBytes { bb in
                            xi.withUnsafeBufferPointer { xi in
                                yi.withUnsafeBufferPointer { yi in
                                    for i in rows.indices where other[i] >= 0 {
                                        let x = viaX ? Int(xi[Int(rows[i])]) : Int(rows[i])
                                        let y = viaY ? Int(yi[Int(other[i])]) : Int(other[i])
                                        let xs = Int(ao[x]), xn = Int(ao[x + 1]) - xs
                                        let ys = Int(bo[y]), yn = Int(bo[y + 1]) - ys
                                        if xn != yn || (xn > 0 && memcmp(ab.baseAddress! + xs, bb.baseAddress! + ys, xn) != 0) {
                                            equal[i] = false
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        default:
            for i in rows.indices where other[i] >= 0 { equal[i] = false }
        }
    }
}

/// Key columns as the build and probe sides hand them to the key table.
extension JoinKeyColumn {
    /// Whether keys of these storages can be built (nested types cannot: they take the encoded-key path).
    static func supports(_ keys: [Vector]) -> Bool { keys.allSatisfy { JoinKeyColumn.kind($0.storage) != nil } }

    /// The probe rows' keys in the build side's key forms (`kinds`), and which rows have no NULL key part.
    static func probeColumns(_ keys: [Vector], kinds: [JoinKeyColumn.Kind], count n: Int) throws
        -> (columns: [JoinKeyColumn], valid: [Bool]) {
        var probe: [JoinKeyColumn] = []
        var valid = JoinKeyColumn.validRows(keys, count: n)
        for (k, v) in keys.enumerated() {
            guard let c = JoinKeyColumn(v), let kind = JoinKeyColumn.kind(v.storage) else {
                throw ExecutionError("join key \(k + 1) of type \(v.type) cannot be hashed")
            }
            if kind == kinds[k] { probe.append(c); continue }
            // Equal types stored as different integer widths: widen or narrow to the build side's form.
            switch (c, kinds[k]) {
            case (.ints(let a), .wide): probe.append(.wide(a.map { Int128($0) }))
            case (.wide(let a), .ints):
                for r in 0..<n where Int64(exactly: a[r]) == nil { valid[r] = false }
                probe.append(.ints(a.map { Int64(truncatingIfNeeded: $0) }))
            default: throw ExecutionError("join key \(k + 1): \(v.type) values stored as \(kind), build side as \(kinds[k])")
            }
        }
        return (probe, valid)
    }

    static func hashes(_ columns: [JoinKeyColumn], count: Int) -> [UInt64] {
        var h = [UInt64](repeating: JoinHash.seed, count: count)
        for c in columns { c.mix(into: &h) }
        return h
    }

    /// Rows whose key columns are all non-NULL.
    static func validRows(_ keys: [Vector], count: Int) -> [Bool] {
        var valid = [Bool](repeating: true, count: count)
        for v in keys where v.mayHaveNulls {
            for r in 0..<count where !v.isValid(r) { valid[r] = false }
        }
        return valid
    }
}

/// The hash both join sides use (multiply-xorshift mixing, 8 bytes at a time for strings).
enum JoinHash {
    static let seed: UInt64 = 0x9E37_79B9_7F4A_7C15

    @inline(__always)
    static func mix(_ h: UInt64, _ x: UInt64) -> UInt64 {
        var z = (h ^ x) &* 0xBF58_476D_1CE4_E5B9
        z ^= z >> 31
        z = z &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 29)
    }

    @inline(__always)
    static func bytes(_ base: UnsafeRawPointer?, _ start: Int, _ count: Int) -> UInt64 {
        guard let base, count > 0 else { return 0x2545_F491_4F6C_DD1D }
        let p = base + start
        var h: UInt64 = seed ^ UInt64(count)
        var i = 0
        while i + 8 <= count {
            h = (h ^ p.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < count { tail |= UInt64(p.load(fromByteOffset: i, as: UInt8.self)) << shift; shift += 8; i += 1 }
        h = (h ^ tail) &* 0x94D0_49BB_1331_11EB
        return h ^ (h >> 32)
    }
}
