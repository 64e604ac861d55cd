import PintailCore
import PintailPlanner

/// An expression compiled for one plan: a closure tree whose kernels were chosen by type when it was built.
typealias CompiledExpression = (Batch) throws -> Vector

/// Compiles bound expressions into kernels. The common, hot shapes (columns, constants, arithmetic, comparisons,
/// boolean logic, LIKE) get typed loops over contiguous buffers; the long tail of scalar functions runs through
/// `RowFunctions` one row at a time.
enum ExpressionCompiler {
    static func compile(_ e: BoundExpr) throws -> CompiledExpression {
        try compileFolded(ConstantFolding.fold(e))
    }

    /// Compiles an expression whose constant subexpressions are already folded.
    static func compileFolded(_ e: BoundExpr) throws -> CompiledExpression {
        let compile = compileFolded
        switch e {
        case .column(let i, _):
            return { $0.columns[i] }
        case .literal(let v, let t):
            // Built once; each batch gets a copy that only changes the row count.
            let one = Vector(value: v, type: t, count: 1)
            return { batch in
                var v = one
                v.count = batch.count
                return v
            }
        case .and(let args):
            return try ShortCircuitLogic.compile(args, isAnd: true)
        case .or(let args):
            return try ShortCircuitLogic.compile(args, isAnd: false)
        case .not(let x):
            let inner = try compile(x)
            return { batch in Logic.not(try inner(batch)) }
        case .isNull(let x):
            let inner = try compile(x)
            return { batch in Logic.isNull(try inner(batch)) }
        case .cast(let x, let to, let isTry):
            let inner = try compile(x)
            let from = x.type
            return { batch in try Casts.cast(try inner(batch), from: from, to: to, isTry: isTry) }
        case .inList(let x, let items):
            if let kernel = try InListKernel.compile(x, items) { return kernel }
            // x IN (a, b) is x = a OR x = b, with the same NULL semantics.
            let comparisons = try items.map { try compile(.call("$eq", [x, $0], .boolean)) }
            return { batch in try Logic.or(try comparisons.map { try $0(batch) }, count: batch.count) }
        case .caseWhen(let arms, let otherwise, let t):
            let conditions = try arms.map { try compile($0.condition) }
            let results = try arms.map { try compile($0.result) }
            let fallback = try otherwise.map(compile)
            return { batch in try Conditional.caseWhen(batch, conditions, results, fallback, type: t) }
        case .coalesce(let args, let t):
            let parts = try args.map(compile)
            return { batch in try Conditional.coalesce(batch, parts, type: t) }
        case .call(let name, let args, let t):
            return try compileCall(name, args, t)
        }
    }

    private static func compileCall(_ name: String, _ args: [BoundExpr], _ type: DataType) throws -> CompiledExpression {
        let compiled = try args.map(compileFolded)
        switch name {
        case "$add", "$subtract", "$multiply", "$divide", "$modulo":
            let op = Arithmetic.Operator(rawValue: name)!
            let (l, r) = (compiled[0], compiled[1])
            let lt = args[0].type, rt = args[1].type
            return { batch in
                try onConstants([try l(batch), try r(batch)], count: batch.count) {
                    try Arithmetic.apply(op, $0[0], $0[1], leftType: lt, rightType: rt, resultType: type)
                }
            }
        case "$negate":
            let x = compiled[0]
            return { batch in try Arithmetic.negate(try x(batch)) }
        case "$eq", "$ne", "$lt", "$le", "$gt", "$ge":
            let op = Comparison.Operator(rawValue: name)!
            let (l, r) = (compiled[0], compiled[1])
            return { batch in
                try onConstants([try l(batch), try r(batch)], count: batch.count) { try Comparison.apply(op, $0[0], $0[1]) }
            }
        case "cardinality" where isSplitWithConstantDelimiter(args[0]):
            guard case .call(_, let splitArgs, _) = args[0], case .literal(.string(let d), _) = splitArgs[1] else { break }
            let text = try compile(splitArgs[0])
            let delimiter = Array(d.utf8)
            return { batch in try TypedKernels.splitCount(try text(batch), delimiter: delimiter) }
        case "date" where args[0].type.isString:
            let x = compiled[0]
            return { batch in try onConstants([try x(batch)], count: batch.count) { try TypedKernels.dateFromText($0[0]) } }
        case "year", "month", "day":
            let part: TypedKernels.DatePart = name == "year" ? .year : name == "month" ? .month : .day
            let x = compiled[0]
            return { batch in try onConstants([try x(batch)], count: batch.count) { try TypedKernels.datePart(part, $0[0]) } }
        case "substr" where SubstringKernel.constantBounds(args) != nil:
            let x = compiled[0], bounds = SubstringKernel.constantBounds(args)
            return { batch in try SubstringKernel.apply(try x(batch), start: bounds?.start ?? 1, length: bounds?.length) }
        case "concat" where type.isString && args.count >= 2 && args.allSatisfy({ $0.type.isString }):
            return { batch in
                try StringKernels.concat(try compiled.map { try $0(batch) }, count: batch.count, resultType: type)
            }
        case _ where StringKernels.Function(name: name, args) != nil:
            let function = StringKernels.Function(name: name, args)!, x = compiled[0]
            return { batch in
                try onConstants([try x(batch)], count: batch.count) { try StringKernels.apply(function, $0[0], resultType: type) }
            }
        case "$like":
            return try Like.compile(args, compiled)
        case "$model":
            guard case .literal(.string(let task), _) = args[1], case .literal(.string(let folder), _) = args[2] else {
                throw ExecutionError("internal: model call without an endpoint")
            }
            let function = ModelFunction(task: task, folder: folder)
            let text = compiled[0]
            return { batch in try function.evaluate(try text(batch)) }
        default:
            guard RowFunctions.isImplemented(name) else {
                throw ExecutionError("Function '\(name)' is not implemented")
            }
            let argTypes = args.map(\.type)
            let deterministic = !["rand", "current_date", "current_timestamp", "current_time"].contains(name)
            return { batch in
                let inputs = try compiled.map { try $0(batch) }
                guard deterministic else {
                    return try RowFunctions.apply(name, inputs, argumentTypes: argTypes, resultType: type, count: batch.count)
                }
                return try onConstants(inputs, count: batch.count) {
                    try RowFunctions.apply(name, $0, argumentTypes: argTypes, resultType: type, count: $0.first?.count ?? batch.count)
                }
            }
        }
        throw ExecutionError("internal: cannot compile \(name)")
    }

    private static func isSplitWithConstantDelimiter(_ e: BoundExpr) -> Bool {
        if case .call("split", let a, _) = e, a.count == 2, case .literal(.string, _) = a[1] { return true }
        return false
    }

    /// Evaluates `kernel` once when every input is constant (a partition column compared with a literal, a function
    /// of literals) and returns a constant vector; otherwise runs it over the whole batch.
    static func onConstants(_ inputs: [Vector], count: Int, _ kernel: ([Vector]) throws -> Vector) throws -> Vector {
        if count > 1, !inputs.isEmpty, inputs.allSatisfy({ $0.isConstant }) {
            var one = try kernel(inputs.map { var v = $0; v.count = 1; return v }).flattened()
            one.count = count
            one.shape = .constant
            return one
        }
        return try kernel(inputs)
    }
}
