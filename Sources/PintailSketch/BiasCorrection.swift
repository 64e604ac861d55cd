/// HyperLogLog++-style bias correction (Heule, Nunkesser, Hall 2013): for raw estimates up to about five times the
/// bucket count, the raw estimator overshoots; subtract the mean overshoot measured at that raw estimate,
/// interpolated linearly between measured points. The tables are our own measurement (see `BiasTableGenerator`),
/// stored per precision as fractions of the bucket count.
enum BiasCorrection {
    struct Table: Sendable {
        /// Mean raw estimate at each measured cardinality, increasing, divided by the bucket count.
        var rawEstimates: [Double] = []
        /// Mean raw estimate minus the true cardinality, divided by the bucket count.
        var biases: [Double] = []
    }

    /// Tables for index bit lengths 4...16, parsed once from `BiasTables.text`.
    static let tables: [Table] = parse(BiasTables.text)

    static func corrected(rawEstimate: Double, indexBitLength p: Int) -> Double {
        let index = p - 4
        guard tables.indices.contains(index) else { return rawEstimate }
        let table = tables[index]
        let m = Double(1 << p)
        let x = rawEstimate / m
        guard let first = table.rawEstimates.first, let last = table.rawEstimates.last, x >= first, x <= last else {
            return rawEstimate
        }
        // First point at or above x (binary search), then interpolate from the one before.
        var low = 0
        var high = table.rawEstimates.count - 1
        while low < high {
            let middle = (low + high) >> 1
            if table.rawEstimates[middle] < x { low = middle + 1 } else { high = middle }
        }
        if low == 0 || table.rawEstimates[low] == x { return rawEstimate - table.biases[low] * m }
        let x0 = table.rawEstimates[low - 1]
        let x1 = table.rawEstimates[low]
        let y0 = table.biases[low - 1]
        let y1 = table.biases[low]
        let bias = (x - x0) * (y1 - y0) / (x1 - x0) + y0
        return rawEstimate - bias * m
    }

    /// Lines of `p raw bias`; the text is ours and checked by tests, so malformed lines are simply skipped.
    static func parse(_ text: String) -> [Table] {
        var tables = [Table](repeating: Table(), count: 13)
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count == 3, let p = Int(fields[0]), (4...16).contains(p),
                let raw = Double(fields[1]), let bias = Double(fields[2])
            else { continue }
            tables[p - 4].rawEstimates.append(raw)
            tables[p - 4].biases.append(bias)
        }
        return tables
    }
}
