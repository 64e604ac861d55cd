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
            var next: [Int32] = []
            next.reserveCapacity(activeCount)
            bits.withUnsafeBufferPointer { bits in
                value.withUnsafeMutableBufferPointer { value in
                    sawNull.withUnsafeMutableBufferPointer { sawNull in
                        // `j` indexes the result, `row` the batch.
                        func merge(_ j: Int, _ row: Int) {
                            if let validity, !validity[j] {
                                sawNull[row] = 1
                                anyNull = true
                                next.append(Int32(row))
                            } else if bits[j] == decided {
                                value[row] = decided
                            } else {
                                next.append(Int32(row))
                            }
                        }
                        if let rows = active {
                            for (j, row) in rows.enumerated() { merge(sliced ? j : Int(row), Int(row)) }
                        } else {
                            for row in 0..<n { merge(row, row) }
                        }
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

    /// The batch's rows at `rows`, with only the columns the operand reads sliced (the others are placeholders
    /// the operand never looks at).
    private static func selectedColumns(_ batch: Batch, _ rows: [Int32], _ reads: [Int]) -> Batch {
        let placeholder = Vector.nulls(.boolean, count: rows.count)
        var columns = [Vector](repeating: placeholder, count: batch.columns.count)
        for i in reads where i < columns.count { columns[i] = batch.columns[i].sliced(rows) }
        return Batch(columns: columns, count: rows.count)
    }
}
