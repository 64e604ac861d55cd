import PintailCore

extension ParquetBatchReader {
    /// The next batch, read filter-first: the columns at `first` (positions in `columns`) are read for every row
    /// and handed to `select` (nil at the other positions) with the batch's row count; `select` returns the rows
    /// to keep, ascending. The other columns are then read for those rows only (flat columns pass over the rest
    /// without copying it; nested ones, and all columns when most rows are kept, are read whole and sliced), and
    /// the first ones are sliced to them.
    /// Those of the first columns in `dictionaryShaped` keep dictionary-encoded values (of any type) as indices over
    /// the column chunk's dictionary. The batch may have no rows; nil when the row group is exhausted.
    public func next(readingFirst first: Set<Int>, dictionaryShaped: Set<Int> = [],
                     select: ([Vector?], Int) throws -> [Int32]) throws -> Batch? {
        guard rowsLeft > 0 else { return nil }
        let n = min(batchSize, rowsLeft)
        var vectors = [Vector?](repeating: nil, count: columns.count)
        for position in columns.indices where first.contains(position) {
            vectors[position] = try readColumn(position, rows: n, picks: nil, dictionaryShape: dictionaryShaped.contains(position))
        }
        let keep = try select(vectors, n)
        let all = keep.count == n
        // When most rows survive, copying whole pages and slicing costs less than picking row by row.
        let dense = keep.count * 2 > n
        for position in columns.indices {
            if let v = vectors[position] {
                if !all { vectors[position] = Self.sliced(v, keep) }
            } else if dense {
                let v = try readColumn(position, rows: n, picks: nil)
                vectors[position] = all ? v : v.sliced(keep)
            } else {
                vectors[position] = try readColumn(position, rows: n, picks: keep)
            }
        }
        rowsLeft -= n
        return Batch(columns: vectors.compactMap { $0 }, count: keep.count)
    }

    /// `v.sliced(keep)`, composing dictionary indices in one typed loop (a first column read in dictionary shape).
    private static func sliced(_ v: Vector, _ keep: [Int32]) -> Vector {
        guard case .dictionary(let indices) = v.shape, !v.isConstant else { return v.sliced(keep) }
        let composed = [Int32](unsafeUninitializedCapacity: keep.count) { out, n in
            indices.withUnsafeBufferPointer { src in
                keep.withUnsafeBufferPointer { k in
                    for j in 0..<k.count { out[j] = src[Int(k[j])] }
                }
            }
            n = keep.count
        }
        let validity = v.validity.map { bits in keep.withUnsafeBufferPointer { bits.gather($0) } }
        return Vector(type: v.type, count: keep.count, storage: v.storage, validity: validity, shape: .dictionary(indices: composed))
    }

    /// Rows `0..<rows` of the next batch of the column at `position`, or only `picks` of them.
    private func readColumn(_ position: Int, rows: Int, picks: [Int32]?, dictionaryShape: Bool = false) throws -> Vector {
        if var a = flat[position] {
            flat[position] = nil
            defer { flat[position] = a }
            if let picks { return try wrap { try a.read(rows: rows, picks: picks) } }
            return try wrap { try a.read(rows: rows, dictionaryShape: dictionaryShape) }
        }
        if var a = nested[position] {
            nested[position] = nil
            defer { nested[position] = a }
            let v = try wrap { try a.read(rows: rows) }
            return picks.map { v.sliced($0) } ?? v
        }
        throw ParquetError(.invalidArgument, file: path, "column position \(position) is not read")
    }
}
