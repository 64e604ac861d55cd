import PintailCore
import PintailPlanner

/// AND and OR that evaluate each operand only on the rows still undecided: after `a` in `a AND b`, the rows where
/// `a` is FALSE are FALSE whatever `b` is, so `b` runs on the others alone (a selection of the batch). The result is
/// the exact three-valued AND / OR, so the same code serves filters, join conditions and projections.
enum ShortCircuitLogic {
    static func compile(_ args: [BoundExpr], isAnd: Bool) throws -> CompiledExpression {
        let parts = try args.map(ExpressionCompiler.compileFolded)
        let reads: [[Int]] = args.map { arg in
            var used = Set<Int>()
            arg.collectColumns(into: &used)
            return used.sorted()
        }
        return { batch in try evaluate(batch, parts, reads, isAnd: isAnd) }
    }

    /// `decided` is the value that settles a row (FALSE for AND, TRUE for OR).
    private static func evaluate(_ batch: Batch, _ parts: [CompiledExpression], _ reads: [[Int]], isAnd: Bool) throws -> Vector {
        let n = batch.count
        let decided: UInt8 = isAnd ? 0 : 1
        var value = [UInt8](repeating: isAnd ? 1 : 0, count: n)
        var sawNull = [UInt8](repeating: 0, count: n)
        var anyNull = false
        // Rows not decided yet; nil while that is all of them.
        var active: [Int32]? = nil
        for (k, part) in parts.enumerated() {
            let activeCount = active?.count ?? n
            if activeCount == 0 { break }
            // A selection pays for its gathers only when it leaves out a good share of the rows.
            var sliced = active.map { $0.count * 2 <= n } ?? false
            let result: Vector
            if sliced, let rows = active {
                result = try part(selectedColumns(batch, rows, reads[k]))
            } else {
                do {
                    result = try part(batch)
                } catch {
                    // An error on a row already decided does not count (`x <> 0 AND 10 / x > 1`): only the
                    // undecided rows decide whether it is raised.
                    guard let rows = active else { throw error }
                    sliced = true
                    result = try part(selectedColumns(batch, rows, reads[k]))
                }
            }
            let flat = result.flattened()
            guard case .bool(let bits) = flat.storage else { throw ExecutionError("internal: boolean operand expected") }
            let validity = flat.flatValidity
            let next = bits.withUnsafeBufferPointer { bits in
                value.withUnsafeMutableBufferPointer { value in
                    sawNull.withUnsafeMutableBufferPointer { sawNull in
                        merge(bits, validity, active, sliced: sliced, count: n, decided: decided, value, sawNull, &anyNull)
                    }
                }
            }
            active = next
        }
        guard anyNull else { return .booleans(value, validity: nil) }
        // Undecided rows that met a NULL are NULL.
        var validity = Bitmap(count: n, value: true)
        for i in 0..<n where sawNull[i] == 1 && value[i] != decided { validity[i] = false }
        return .booleans(value, validity: validity)
    }

    /// Folds one operand's result into the running value and returns the rows still undecided. Undecided rows
    /// hold the undecided value (TRUE for AND, FALSE for OR), so a valid result bit is the row's new value
    /// whichever it is. `bits` has one entry per batch row, or per active row when `sliced`.
    private static func merge(_ bits: UnsafeBufferPointer<UInt8>, _ validity: Bitmap?, _ active: [Int32]?, sliced: Bool,
                              count n: Int, decided: UInt8, _ value: UnsafeMutableBufferPointer<UInt8>,
                              _ sawNull: UnsafeMutableBufferPointer<UInt8>, _ anyNull: inout Bool) -> [Int32] {
        let m = active?.count ?? n
        let undecided = decided ^ 1
        var nulls = false
        let next = [Int32](unsafeUninitializedCapacity: m) { out, kept in
            var c = 0
            func visit(_ j: Int, _ row: Int) {
                if let validity, !validity[j] {
                    sawNull[row] = 1
                    nulls = true
                    out[c] = Int32(row)
                    c += 1
                    return
                }
                let b = bits[j]
                value[row] = b
                out[c] = Int32(row)
                c += b == undecided ? 1 : 0
            }
            if let rows = active {
                rows.withUnsafeBufferPointer { rows in
                    if validity == nil {
                        // The common case, without the NULL test.
                        for j in 0..<m {
                            let row = Int(rows[j]), b = bits[sliced ? j : row]
                            value[row] = b
                            out[c] = Int32(row)
                            c += b == undecided ? 1 : 0
                        }
                    } else {
                        for j in 0..<m { visit(sliced ? j : Int(rows[j]), Int(rows[j])) }
                    }
                }
            } else if validity == nil {
                for row in 0..<n {
                    let b = bits[row]
                    value[row] = b
                    out[c] = Int32(row)
                    c += b == undecided ? 1 : 0
                }
            } else {
                for row in 0..<n { visit(row, row) }
            }
            kept = c
        }
        if nulls { anyNull = true }
        return next
    }

    /// The batch's rows at `rows`, with only the columns the operand reads sliced (the others are placeholders
    /// the operand never looks at).
    private static func selectedColumns(_ batch: Batch, _ rows: [Int32], _ reads: [Int]) -> Batch {
        let placeholder = Vector.nulls(.boolean, count: rows.count)
        var columns = [Vector](repeating: placeholder, count: batch.columns.count)
        for i in reads where i < columns.count { columns[i] = batch.columns[i].sliced(rows) }
        return Batch(columns: columns, count: rows.count)
    }
}
