import PintailCore

/// Rows picked from several batches of one schema, copied into one flat batch in pick order. Sort operators carry
/// (batch, row) ids while they compare keys, and copy the other columns only for the rows that come out.
enum RowGather {
    /// The rows `rows[i]` of `sources[batches[i]]`, for every i, as one flat batch of `types`.
    static func gather(_ sources: [Batch], batches: [Int32], rows: [Int32], types: [DataType]) -> Batch {
        let n = rows.count
        if sources.count == 1 {
            return Batch(columns: sources[0].columns.map { $0.sliced(rows).flattened() }, count: n)
        }
        // Rows of each source in pick order, then where each pick lands in the concatenation of those.
        var perSource = [[Int32]](repeating: [], count: sources.count)
        var within = [Int32](repeating: 0, count: n)
        for i in 0..<n {
            let s = Int(batches[i])
            within[i] = Int32(perSource[s].count)
            perSource[s].append(rows[i])
        }
        var base = [Int32](repeating: 0, count: sources.count)
        var total: Int32 = 0
        for s in sources.indices { base[s] = total; total += Int32(perSource[s].count) }
        var position = [Int32](repeating: 0, count: n)
        var ordered = true
        for i in 0..<n {
            position[i] = base[Int(batches[i])] + within[i]
            if position[i] != Int32(i) { ordered = false }
        }
        let used = sources.indices.filter { !perSource[$0].isEmpty }
        let columns = types.indices.map { c -> Vector in
            let parts = used.map { sources[$0].columns[c].sliced(perSource[$0]) }
            let joined = Vector.concatenate(parts, type: types[c])
            return ordered ? joined : joined.sliced(position).flattened()
        }
        return Batch(columns: columns, count: n)
    }
}
