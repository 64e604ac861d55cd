import PintailCore
import PintailPlanner

/// Window functions: collects the input, sorts row numbers by each window's partition and order keys (windows
/// with the same keys share one sort), computes every function per partition with typed loops, and emits the
/// input rows in their original order with one column per function appended.
final class WindowOperator: Operator {
    private let input: Operator
    private let functions: [WindowCall]
    private let arguments: [[CompiledExpression]]
    private let partitionKeys: [[CompiledExpression]]
    private let orderKeys: [[CompiledExpression]]
    private var output: [Batch]? = nil

    init(input: Operator, functions: [WindowCall]) throws {
        self.input = input
        self.functions = functions
        arguments = try functions.map { try $0.arguments.map(ExpressionCompiler.compile) }
        partitionKeys = try functions.map { try $0.partitionBy.map(ExpressionCompiler.compile) }
        orderKeys = try functions.map { try $0.orderBy.map { try ExpressionCompiler.compile($0.expression) } }
    }

    func next() throws -> Batch? {
        if output == nil { output = try run() }
        guard var out = output, !out.isEmpty else { return nil }
        let b = out.removeFirst()
        output = out
        return b
    }

    private func run() throws -> [Batch] {
        var batches: [Batch] = []
        var types: [DataType]? = nil
        while let b = try input.next() {
            if b.count > 0 { batches.append(b) }
            if types == nil { types = b.columns.map(\.type) }
        }
        let n = batches.reduce(0) { $0 + $1.count }
        guard n > 0, let types else { return [] }
        let data = types.indices.map { c in Vector.concatenate(batches.map { $0.columns[c] }, type: types[c]) }
        let all = Batch(columns: data, count: n)
        var layouts: [String: WindowLayout] = [:]
        var results: [Vector] = []
        for (i, f) in functions.enumerated() {
            // Windows with the same PARTITION BY and ORDER BY share a layout.
            let key = "\(f.partitionBy)|\(f.orderBy)"
            let layout: WindowLayout
            if let cached = layouts[key] {
                layout = cached
            } else {
                layout = WindowLayout(partitionKeys: try partitionKeys[i].map { try $0(all).flattened() },
                                      orderKeys: try orderKeys[i].map { try $0(all).flattened() },
                                      orderSpec: f.orderBy, count: n)
                layouts[key] = layout
            }
            let args = try arguments[i].map { try $0(all).flattened() }
            results.append(try WindowFunctions.evaluate(f, layout: layout, arguments: args))
        }
        let full = Batch(columns: data + results, count: n)
        var out: [Batch] = []
        var start = 0
        while start < n {
            let end = min(n, start + Batch.preferredSize)
            out.append(full.rows(start..<end))
            start = end
        }
        return out
    }
}
