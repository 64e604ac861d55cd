import PintailCore

/// CASE and COALESCE: each row takes the value of the first branch that applies.
enum Conditional {
    static func caseWhen(_ batch: Batch, _ conditions: [CompiledExpression], _ results: [CompiledExpression],
                         _ fallback: CompiledExpression?, type: DataType) throws -> Vector {
        let n = batch.count
        var choice = [Int](repeating: -1, count: n)
        var undecided = n
        for (k, condition) in conditions.enumerated() where undecided > 0 {
            let c = try condition(batch)
            for i in 0..<n where choice[i] == -1 && c.isValid(i) && c.boolValue(at: i) {
                choice[i] = k
                undecided -= 1
            }
        }
        var sources: [Vector?] = try results.map { Optional(try $0(batch)) }
        sources.append(try fallback.map { try $0(batch) })
        return pick(choice.map { $0 == -1 ? sources.count - 1 : $0 }, sources, count: n, type: type)
    }

    static func coalesce(_ batch: Batch, _ parts: [CompiledExpression], type: DataType) throws -> Vector {
        let n = batch.count
        var choice = [Int](repeating: -1, count: n)
        var sources: [Vector?] = []
        for part in parts {
            let v = try part(batch)
            let k = sources.count
            sources.append(v)
            for i in 0..<n where choice[i] == -1 && v.isValid(i) { choice[i] = k }
            if !choice.contains(-1) { break }
        }
        return pick(choice, sources, count: n, type: type)
    }

    /// Row i takes row i of `sources[choice[i]]` (NULL when the choice is -1 or the source is absent).
    private static func pick(_ choice: [Int], _ sources: [Vector?], count: Int, type: DataType) -> Vector {
        // When every row picks the same source, return it as it is.
        if let first = choice.first, choice.allSatisfy({ $0 == first }), first >= 0, first < sources.count, let v = sources[first] {
            return v
        }
        var b = VectorBuilder(type: type, capacity: count)
        for i in 0..<count {
            let k = choice[i]
            if k >= 0, k < sources.count, let v = sources[k] { b.append(v.value(at: i)) } else { b.appendNull() }
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
