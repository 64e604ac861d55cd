import PintailCore

/// CASE and COALESCE: each row takes the value of the first branch that applies. Like Trino, a branch is evaluated
/// only for the rows that take it (`CASE WHEN d <> 0 THEN n / d END` never divides by zero, `COALESCE(x, f(y))`
/// calls f only where x is NULL): each branch runs over the batch sliced to its rows.
enum Conditional {
    static func caseWhen(_ batch: Batch, _ conditions: [CompiledExpression], _ results: [CompiledExpression],
                         _ fallback: CompiledExpression?, type: DataType) throws -> Vector {
        let n = batch.count
        // The branch of each row: a result's index, or results.count (ELSE) while no condition has taken it.
        var choice = [Int](repeating: results.count, count: n)
        var open: [Int32]? = nil  // rows no condition took yet (nil: all)
        for (k, condition) in conditions.enumerated() {
            // Later conditions only see the rows no earlier one took.
            let c = try condition(open.map { batch.sliced($0) } ?? batch)
            var stillOpen: [Int32] = []
            for j in 0..<c.count {
                let i = open.map { Int($0[j]) } ?? j
                if c.isValid(j) && c.boolValue(at: j) { choice[i] = k } else { stillOpen.append(Int32(i)) }
            }
            if stillOpen.isEmpty { break }
            open = stillOpen
        }
        return try pick(choice, branches: results.map { Optional($0) } + [fallback], batch: batch, type: type)
    }

    static func coalesce(_ batch: Batch, _ parts: [CompiledExpression], type: DataType) throws -> Vector {
        let n = batch.count
        var values: [Vector] = []
        // Row i's part, and its position in that part's slice; -1 while every part so far was NULL.
        var choice = [Int](repeating: -1, count: n)
        var position = [Int](repeating: 0, count: n)
        var open: [Int32]? = nil  // rows still NULL (nil: all rows)
        for part in parts {
            let v = try part(open.map { batch.sliced($0) } ?? batch)
            let k = values.count
            var stillOpen: [Int32] = []
            for j in 0..<v.count {
                let i = open.map { Int($0[j]) } ?? j
                if v.isValid(j) { choice[i] = k; position[i] = j } else { stillOpen.append(Int32(i)) }
            }
            values.append(v)
            if stillOpen.isEmpty { break }
            open = stillOpen
        }
        // The first part was set on every row: it is the answer as it is.
        if let only = values.first, values.count == 1, !choice.contains(-1) { return only }
        var b = VectorBuilder(type: type, capacity: n)
        for i in 0..<n {
            if choice[i] >= 0 { b.append(values[choice[i]].value(at: position[i])) } else { b.appendNull() }
        }
        return b.finish()
    }

    /// Evaluates each branch over the rows that chose it and assembles the rows in order; a nil branch (a CASE
    /// without ELSE) gives NULL.
    private static func pick(_ choice: [Int], branches: [CompiledExpression?], batch: Batch,
                             type: DataType) throws -> Vector {
        let n = batch.count
        // Every row takes the same branch: evaluate it over the whole batch and return it as it is.
        if let first = choice.first, choice.allSatisfy({ $0 == first }) {
            return try branches[first].map { try $0(batch) } ?? Vector.nulls(type, count: n)
        }
        var rows = [[Int32]](repeating: [], count: branches.count)
        var position = [Int](repeating: 0, count: n)
        for i in 0..<n {
            position[i] = rows[choice[i]].count
            rows[choice[i]].append(Int32(i))
        }
        var values: [Vector?] = []
        for (k, branch) in branches.enumerated() {
            values.append(rows[k].isEmpty ? nil : try branch.map { try $0(batch.sliced(rows[k])) })
        }
        var b = VectorBuilder(type: type, capacity: n)
        for i in 0..<n {
            if let v = values[choice[i]] { b.append(v.value(at: position[i])) } else { b.appendNull() }
        }
        return b.finish()
    }
}

extension Vector {
    /// Boolean value of row i (false for non-boolean storage).
    @inline(__always)
    func boolValue(at i: Int) -> Bool {
        if case .bool(let a) = storage { return a[storageIndex(i)] != 0 }
        return false
    }
}
