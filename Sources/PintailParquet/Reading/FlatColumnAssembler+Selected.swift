import PintailCore

extension FlatColumnAssembler {
    /// The next `rows` rows of the column, keeping only `picks` (ascending row numbers in `0..<rows`). Pages are
    /// walked as `read(rows:)` walks them, so columns with pages of different sizes stay in lockstep; stretches
    /// without a pick are passed over without touching their values. With a page-index row selection the rows are
    /// read whole and then sliced.
    mutating func read(rows: Int, picks: [Int32]) throws -> Vector {
        if selection != nil { return try read(rows: rows).sliced(picks) }
        var out = OutputBuilder(type: type, capacity: picks.count)
        let maxDef = Int32(reader.leaf.maxDefinitionLevel)
        var done = 0, k = 0
        try picks.withUnsafeBufferPointer { all in
            while done < rows {
                let current = try pageWithRowsLeft()
                let n = min(rows - done, current.entryCount - rowCursor)
                var end = k
                while end < all.count && Int(all[end]) < done + n { end += 1 }
                if end > k {
                    do {
                        // Batch rows become page rows by adding `rowCursor - done`.
                        valueCursor += try out.appendSelected(current, rows: rowCursor..<rowCursor + n,
                                                              picks: UnsafeBufferPointer(rebasing: all[k..<end]), shift: rowCursor - done,
                                                              valueStart: valueCursor, dictionary: reader.dictionary, maxDef: maxDef)
                    } catch let e as ParquetDecodeError {
                        throw reader.error(.corruptPage, "\(e)")
                    }
                } else {
                    valueCursor += Self.presentValues(current, rowCursor..<rowCursor + n, maxDef)
                }
                rowCursor += n
                done += n
                k = end
            }
        }
        return out.finish(dictionary: reader.dictionary)
    }
}
