import PintailCore
import PintailPlanner

/// Keeps the rows where the predicate is true, as a slice of the input (no values copied). Directly over a table
/// scan, given the predicate's expression, it hands the predicate to the scan (which reads Parquet filter-first)
/// and passes the scan's batches through.
final class FilterOperator: Operator {
    private let input: Operator
    private let predicate: CompiledExpression?
    init(input: Operator, predicate: @escaping CompiledExpression, reads expression: BoundExpr? = nil) {
        self.input = input
        if let expression, let scan = input as? TableScanOperator {
            scan.filterRows(predicate, expression)
            self.predicate = nil
        } else {
            self.predicate = predicate
        }
    }
    func next() throws -> Batch? {
        guard let predicate else { return try input.next() }
        while let batch = try input.next() {
            let keep = Logic.selection(try predicate(batch))
            if keep.isEmpty { continue }
            if keep.count == batch.count { return batch }
            return batch.sliced(keep)
        }
        return nil
    }
}

/// Computes output columns from expressions over the input.
final class ProjectOperator: Operator {
    private let input: Operator
    private let expressions: [CompiledExpression]
    init(input: Operator, expressions: [CompiledExpression]) {
        self.input = input
        self.expressions = expressions
    }
    func next() throws -> Batch? {
        guard let batch = try input.next() else { return nil }
        return Batch(columns: try expressions.map { try $0(batch) }, count: batch.count)
    }
}

/// Skips `offset` rows, then passes at most `count`.
final class LimitOperator: Operator {
    private let input: Operator
    private var toSkip: Int
    private var remaining: Int?
    init(input: Operator, offset: Int, count: Int?) {
        self.input = input
        toSkip = offset
        remaining = count
    }
    func next() throws -> Batch? {
        while true {
            if let remaining, remaining <= 0 { return nil }
            guard var batch = try input.next() else { return nil }
            if toSkip > 0 {
                if batch.count <= toSkip { toSkip -= batch.count; continue }
                batch = batch.rows(toSkip..<batch.count)
                toSkip = 0
            }
            if let r = remaining {
                if batch.count > r { batch = batch.rows(0..<r) }
                remaining = r - batch.count
            }
            return batch
        }
    }
}

/// Literal rows.
final class ValuesOperator: Operator {
    private var batch: Batch?
    init(rows: [[BoundExpr]], fields: [Field]) throws {
        let one = Batch(columns: [], count: 1)
        var builders = fields.map { VectorBuilder(type: $0.type) }
        for row in rows {
            for (i, e) in row.enumerated() {
                let v = try ExpressionCompiler.compile(e)(one)
                builders[i].append(v.value(at: 0))
            }
        }
        batch = Batch(columns: builders.map { $0.finish() }, count: rows.count)
    }
    func next() throws -> Batch? {
        defer { batch = nil }
        return batch
    }
}

/// Every input's batches, one input after another.
final class UnionAllOperator: Operator {
    private let inputs: [Operator]
    private var current = 0
    init(inputs: [Operator]) { self.inputs = inputs }
    func next() throws -> Batch? {
        while current < inputs.count {
            if let b = try inputs[current].next() { return b }
            current += 1
        }
        return nil
    }
}
