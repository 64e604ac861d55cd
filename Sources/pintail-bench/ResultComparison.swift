/// Decides whether two engines returned the same answer: same columns and row count, then the same rows, numbers to a
/// relative tolerance (summation order changes the last bits of an average), in order only where the query has an
/// ORDER BY.
enum ResultComparison {
    enum Outcome: Equatable, Sendable {
        /// Every row matched.
        case agree
        /// Too many rows to keep: the row counts matched, the values were not compared.
        case sameCount
        case differ(String)

        var agrees: Bool { if case .differ = self { return false } else { return true } }

        /// `yes`, `count only` or `NO: reason`, as the report prints it.
        var label: String {
            switch self {
            case .agree: return "yes"
            case .sameCount: return "count only"
            case .differ(let why): return "NO: " + why
            }
        }
    }

    /// Relative tolerance for doubles when nothing else is said.
    static let defaultTolerance = 1e-9

    static func compare(_ expected: ResultSet, _ actual: ResultSet, ordered: Bool,
                        tolerance: Double = defaultTolerance) -> Outcome {
        if expected.columns.count != actual.columns.count {
            return .differ("\(expected.columns.count) columns vs \(actual.columns.count)")
        }
        if expected.rowCount != actual.rowCount {
            return .differ("\(expected.rowCount) rows vs \(actual.rowCount)")
        }
        guard var left = expected.rows, var right = actual.rows else { return .sameCount }
        if left.count != right.count { return .differ("\(left.count) rows kept vs \(right.count)") }
        if !ordered {
            left.sort(by: rowPrecedes)
            right.sort(by: rowPrecedes)
        }
        for (r, (a, b)) in zip(left, right).enumerated() {
            if a.count != b.count { return .differ("row \(r + 1) has \(a.count) values vs \(b.count)") }
            for (c, (x, y)) in zip(a, b).enumerated() where !same(x, y, tolerance: tolerance) {
                let name = c < expected.columns.count ? expected.columns[c] : "column \(c + 1)"
                return .differ("row \(r + 1) \(name): \(x) vs \(y)")
            }
        }
        return .agree
    }

    static func same(_ x: ResultCell, _ y: ResultCell, tolerance: Double) -> Bool {
        switch (x, y) {
        case (.null, .null): return true
        case (.text(let a), .text(let b)): return a == b
        default:
            guard let a = x.number, let b = y.number else { return false }
            return close(a, b, tolerance: tolerance)
        }
    }

    static func close(_ a: Double, _ b: Double, tolerance: Double) -> Bool {
        if a == b || (a.isNaN && b.isNaN) { return true }
        return abs(a - b) <= tolerance * max(abs(a), abs(b))
    }

    /// Lexicographic order of rows by `ResultCell.precedes`.
    static func rowPrecedes(_ a: [ResultCell], _ b: [ResultCell]) -> Bool {
        for (x, y) in zip(a, b) {
            if ResultCell.precedes(x, y) { return true }
            if ResultCell.precedes(y, x) { return false }
        }
        return a.count < b.count
    }
}
