// Changing a vector's shape: slicing by a selection, flattening, concatenating.

extension ColumnStorage {
    /// The values at `indices`, in order, as flat storage.
    public func gather(_ indices: [Int32]) -> ColumnStorage {
        indices.withUnsafeBufferPointer { gather($0) }
    }

    public func gather(_ idx: UnsafeBufferPointer<Int32>) -> ColumnStorage {
        func pick<T>(_ a: [T]) -> [T] {
            a.withUnsafeBufferPointer { src in
                [T](unsafeUninitializedCapacity: idx.count) { dst, n in
                    for i in 0..<idx.count { (dst.baseAddress! + i).initialize(to: src[Int(idx[i])]) }
                    n = idx.count
                }
            }
        }
        switch self {
        case .bool(let a): return .bool(pick(a))
        case .int8(let a): return .int8(pick(a))
        case .int16(let a): return .int16(pick(a))
        case .int32(let a): return .int32(pick(a))
        case .int64(let a): return .int64(pick(a))
        case .int128(let a): return .int128(pick(a))
        case .float32(let a): return .float32(pick(a))
        case .float64(let a): return .float64(pick(a))
        case .bytes(let b): return .bytes(b.gather(idx))
        case .list(let offsets, let elements):
            var newOffsets: [Int32] = [0]
            var elementIndices: [Int32] = []
            for i in idx {
                for e in offsets[Int(i)]..<offsets[Int(i) + 1] { elementIndices.append(e) }
                newOffsets.append(Int32(elementIndices.count))
            }
            return .list(offsets: newOffsets, elements: elements.sliced(elementIndices).flattened())
        case .map(let offsets, let keys, let values):
            var newOffsets: [Int32] = [0]
            var elementIndices: [Int32] = []
            for i in idx {
                for e in offsets[Int(i)]..<offsets[Int(i) + 1] { elementIndices.append(e) }
                newOffsets.append(Int32(elementIndices.count))
            }
            return .map(offsets: newOffsets, keys: keys.sliced(elementIndices).flattened(),
                        values: values.sliced(elementIndices).flattened())
        case .row(let fields):
            let rows = Array(idx)
            return .row(fields.map { $0.sliced(rows).flattened() })
        }
    }
}

extension Bitmap {
    /// Bits at `indices`, in order.
    public func gather(_ indices: UnsafeBufferPointer<Int32>) -> Bitmap {
        let n = indices.count
        let limit = count
        // Branch-free over raw words: a join's output gathers the build side's validity (its NULL row) per row.
        let gathered = [UInt64](unsafeUninitializedCapacity: (n + 63) >> 6) { out, initialized in
            out.initialize(repeating: 0)
            self.words.withUnsafeBufferPointer { source in
                for j in 0..<n {
                    let i = Int(indices[j])
                    precondition(i >= 0 && i < limit, "bitmap index outside the bitmap")
                    out[j >> 6] |= ((source[i >> 6] >> UInt64(i & 63)) & 1) << UInt64(j & 63)
                }
            }
            initialized = (n + 63) >> 6
        }
        return Bitmap(words: gathered, count: n)
    }
}

extension Vector {
    /// The rows at `selection` (row numbers of this vector), without copying values: the result is a dictionary
    /// vector over the same storage. Constant vectors stay constant.
    public func sliced(_ selection: [Int32]) -> Vector {
        switch shape {
        case .constant:
            var v = self
            v.count = selection.count
            return v
        case .flat:
            let validity = self.validity.map { bits in selection.withUnsafeBufferPointer { bits.gather($0) } }
            return Vector(type: type, count: selection.count, storage: storage, validity: validity,
                          shape: .dictionary(indices: selection))
        case .dictionary(let indices):
            // Composed in place (Array.map cost several times more per row).
            let composed = [Int32](unsafeUninitializedCapacity: selection.count) { out, initialized in
                indices.withUnsafeBufferPointer { idx in
                    selection.withUnsafeBufferPointer { sel in
                        for i in 0..<sel.count {
                            let j = Int(sel[i])
                            precondition(j >= 0 && j < idx.count, "row selection outside the vector")
                            out[i] = idx[j]
                        }
                    }
                }
                initialized = selection.count
            }
            let validity = self.validity.map { bits in selection.withUnsafeBufferPointer { bits.gather($0) } }
            return Vector(type: type, count: selection.count, storage: storage, validity: validity,
                          shape: .dictionary(indices: composed))
        }
    }

    /// The same rows as a flat vector (a no-op for flat vectors).
    public func flattened() -> Vector {
        switch shape {
        case .flat:
            return self
        case .constant:
            let zeros = [Int32](repeating: 0, count: count)
            var validity: Bitmap? = nil
            if let v = self.validity, !v[0] { validity = Bitmap(count: count, value: false) }
            return Vector(type: type, count: count, storage: storage.gather(zeros), validity: validity)
        case .dictionary(let indices):
            return Vector(type: type, count: count, storage: storage.gather(indices), validity: validity)
        }
    }

    /// All rows of `parts`, one after another, as one flat vector of `type`.
    public static func concatenate(_ parts: [Vector], type: DataType) -> Vector {
        let flat = parts.map { $0.flattened() }
        let total = flat.reduce(0) { $0 + $1.count }
        var validity: Bitmap? = nil
        if flat.contains(where: { $0.validity != nil }) {
            var bits = Bitmap(count: 0, value: true)
            for part in flat { for i in 0..<part.count { bits.append(part.isValid(i)) } }
            validity = bits
        }
        func join<T>(_ extract: (ColumnStorage) -> [T]?) -> [T] {
            var out = [T]()
            out.reserveCapacity(total)
            for part in flat { if let a = extract(part.storage) { out += a } }
            return out
        }
        let storage: ColumnStorage
        switch ColumnStorage.empty(for: type) {
        case .bool: storage = .bool(join { if case .bool(let a) = $0 { return a }; return nil })
        case .int8: storage = .int8(join { if case .int8(let a) = $0 { return a }; return nil })
        case .int16: storage = .int16(join { if case .int16(let a) = $0 { return a }; return nil })
        case .int32: storage = .int32(join { if case .int32(let a) = $0 { return a }; return nil })
        case .int64: storage = .int64(join { if case .int64(let a) = $0 { return a }; return nil })
        case .int128: storage = .int128(join { if case .int128(let a) = $0 { return a }; return nil })
        case .float32: storage = .float32(join { if case .float32(let a) = $0 { return a }; return nil })
        case .float64: storage = .float64(join { if case .float64(let a) = $0 { return a }; return nil })
        case .bytes:
            var out = ByteColumn()
            out.reserve(values: total, bytes: flat.reduce(0) { acc, p in
                if case .bytes(let b) = p.storage { return acc + b.bytes.count } else { return acc } })
            for part in flat {
                guard case .bytes(let b) = part.storage else { continue }
                b.bytes.withUnsafeBytes { raw in
                    for i in 0..<b.count {
                        out.append(UnsafeRawBufferPointer(rebasing: raw[Int(b.offsets[i])..<Int(b.offsets[i + 1])]))
                    }
                }
            }
            storage = .bytes(out)
        case .list, .map, .row:
            var builder = VectorBuilder(type: type, capacity: total)
            for part in flat { for i in 0..<part.count { builder.append(part.value(at: i)) } }
            return builder.finish()
        }
        return Vector(type: type, count: total, storage: storage, validity: validity)
    }
}
