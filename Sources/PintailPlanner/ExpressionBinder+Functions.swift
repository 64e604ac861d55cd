import PintailCore
import PintailSQL

extension ExpressionBinder {
    mutating func bindFunction(_ call: FunctionCall, at location: SourceLocation) throws -> BoundExpr {
        let name = call.name.parts.map(\.value).joined(separator: ".")
        if call.window != nil {
            return try bindWindow(call, name: name, at: location)
        }
        if let udf = userFunctions[name] {
            return try bindUserFunction(udf, call, at: location)
        }
        if FunctionTyping.aggregates.contains(name) {
            return try bindAggregate(name, call, at: location)
        }
        if call.distinct || call.isStar || call.filter != nil {
            throw SemanticError("'\(name)' is not an aggregate function", at: location)
        }
        let args = try call.arguments.map { try bind($0) }
        switch name {
        case "coalesce":
            guard !args.isEmpty else { throw SemanticError("coalesce needs at least one argument", at: location) }
            let t = try commonType(args, call.arguments, what: "coalesce arguments")
            return .coalesce(args.map { coerce($0, to: t) }, t)
        case "if":
            guard args.count == 2 || args.count == 3 else {
                throw SemanticError("if takes 2 or 3 arguments", at: location)
            }
            let cond = try boolean(args[0], call.arguments[0].location)
            let branches = Array(args.dropFirst())
            let t = try commonType(branches, Array(call.arguments.dropFirst()), what: "if branches")
            return .caseWhen([CaseArm(condition: cond, result: coerce(branches[0], to: t))],
                             otherwise: branches.count > 1 ? coerce(branches[1], to: t) : nil, t)
        case "nullif":
            guard args.count == 2 else { throw SemanticError("nullif takes 2 arguments", at: location) }
            let (a, b) = try coercePair(args[0], args[1], at: location, op: "=")
            return .caseWhen([CaseArm(condition: .call("$eq", [a, b], .boolean), result: .literal(.null, args[0].type))],
                             otherwise: args[0], args[0].type)
        case "try":
            guard args.count == 1 else { throw SemanticError("try takes 1 argument", at: location) }
            return .call("$try", args, args[0].type)
        default:
            return try callScalar(name, args, at: location)
        }
    }

    /// A USING FUNCTION model function: arguments coerced to the declared types, the result cast to the declared
    /// return type.
    private mutating func bindUserFunction(_ f: UserFunction, _ call: FunctionCall, at location: SourceLocation) throws -> BoundExpr {
        guard !call.distinct, !call.isStar, call.window == nil, call.filter == nil else {
            throw SemanticError("'\(f.name)' is a model function and takes plain arguments", at: location)
        }
        guard call.arguments.count == f.parameterTypes.count else {
            throw SemanticError("Function '\(f.name)' takes \(f.parameterTypes.count) argument\(f.parameterTypes.count == 1 ? "" : "s"), not \(call.arguments.count)", at: location)
        }
        var args: [BoundExpr] = []
        for (e, t) in zip(call.arguments, f.parameterTypes) {
            let b = try bind(e)
            guard TypeResolution.canCoerce(b.type, to: t) || (b.type.isString && t.isString) else {
                throw SemanticError("Function '\(f.name)' expects \(t), not \(b.type)", at: e.location)
            }
            args.append(coerce(b, to: .string))
        }
        let model = BoundExpr.call("$model", [args[0], .literal(.string(f.endpoint.task), .string), .literal(.string(f.endpoint.folder), .string)], .string)
        return f.returnType.isString ? model : .cast(model, f.returnType, isTry: false)
    }

    func callScalar(_ name: String, _ args: [BoundExpr], at location: SourceLocation) throws -> BoundExpr {
        guard FunctionTyping.scalarNames.contains(name) || name == "current_date" else {
            throw SemanticError("Function '\(name)' not registered", at: location)
        }
        guard let r = FunctionTyping.resolve(name, args.map(\.type)) else {
            let types = args.map { "\($0.type)" }.joined(separator: ", ")
            throw SemanticError("Unexpected parameters (\(types)) for function \(name)", at: location)
        }
        let canonical = ["substring": "substr", "ceiling": "ceil", "pow": "power", "dow": "day_of_week",
                         "doy": "day_of_year", "position": "strpos", "random": "rand"][name] ?? name
        return .call(canonical, zip(args, r.argumentTypes).map { coerce($0, to: $1) }, r.returnType)
    }

    private func commonType(_ args: [BoundExpr], _ exprs: [Expression], what: String) throws -> DataType {
        var t = DataType.unknown
        for (i, a) in args.enumerated() {
            guard let c = TypeResolution.commonSuperType(t, a.type) else {
                throw SemanticError("All \(what) must be the same type: \(t) and \(a.type)", at: exprs[i].location)
            }
            t = c
        }
        return t
    }

    private mutating func bindAggregate(_ name: String, _ call: FunctionCall, at location: SourceLocation) throws -> BoundExpr {
        guard isAggregating else {
            // Also reached for an aggregate nested in another aggregate's arguments (bound without aggregate mode).
            throw SemanticError("Aggregate function '\(name)' is not allowed here", at: location)
        }
        var inner = ExpressionBinder(scope: scope)
        inner.userFunctions = userFunctions
        var args = try call.arguments.map { try inner.bind($0) }
        var function = name
        var distinct = call.distinct
        if call.approximate {
            // Redshift's APPROXIMATE COUNT(DISTINCT x) is approx_distinct(x).
            guard name == "count", call.distinct else {
                throw SemanticError("APPROXIMATE applies only to COUNT(DISTINCT ...)", at: location)
            }
            function = "approx_distinct"
            distinct = false
        }
        if name == "count" && call.isStar { function = "count_star"; args = [] }
        if let filter = call.filter {
            // FILTER (WHERE c): the aggregate sees its argument only where c holds.
            let condition = try inner.boolean(try inner.bind(filter), filter.location)
            if function == "count_star" {
                function = "count_if"
                args = [condition]
            } else {
                args = args.enumerated().map { i, a in
                    i == 0 ? .caseWhen([CaseArm(condition: condition, result: a)], otherwise: nil, a.type) : a
                }
            }
        }
        let resultType: DataType
        switch function {
        case "count_star":
            resultType = .bigint
        case "approx_distinct", "approx_set":
            guard args.count == 1 || args.count == 2 else {
                throw SemanticError("approx_distinct takes 1 or 2 arguments", at: location)
            }
            if args.count == 2 {
                guard case .literal(let v, let t) = args[1], let e = v.doubleValue(type: t) else {
                    throw SemanticError("approx_distinct's maximum standard error must be a constant", at: call.arguments[1].location)
                }
                guard e >= 0.0040625, e <= 0.26 else {
                    throw SemanticError("Max standard error must be in [0.0040625, 0.26]: \(ValueText.javaDouble(e))", at: call.arguments[1].location)
                }
                args[1] = .literal(.double(e), .double)
            }
            resultType = function == "approx_set" ? .hyperLogLog : .bigint
        case "count_if", "bool_and", "bool_or", "every":
            guard args.count == 1 else { throw SemanticError("\(function) takes 1 argument", at: location) }
            args[0] = try inner.boolean(args[0], location)
            resultType = FunctionTyping.aggregateType(function, .boolean) ?? .boolean
        default:
            guard args.count == 1 else { throw SemanticError("\(function) takes 1 argument", at: location) }
            guard let t = FunctionTyping.aggregateType(function, args[0].type) else {
                throw SemanticError("Unexpected parameters (\(args[0].type)) for function \(function)", at: location)
            }
            if function == "sum" || function == "avg", args[0].type.isInteger { args[0] = coerce(args[0], to: .bigint) }
            resultType = t
        }
        let aggregate = AggregateCall(function: function, arguments: args, distinct: distinct, type: resultType)
        let keyCount = groupKeys?.count ?? 0
        if let existing = aggregates.firstIndex(of: aggregate) { return .column(keyCount + existing, resultType) }
        aggregates.append(aggregate)
        return .column(keyCount + aggregates.count - 1, resultType)
    }
}

extension Value {
    /// A numeric constant as a double (decimals divided by their scale).
    func doubleValue(type: DataType) -> Double? {
        switch self {
        case .int(let i): return Double(i)
        case .double(let d): return d
        case .decimal(let d):
            guard case .decimal(_, let s) = type else { return nil }
            var scale = 1.0
            for _ in 0..<s { scale *= 10 }
            return Double(d) / scale
        default: return nil
        }
    }
}

/// Finds aggregate calls in an AST expression (not looking into subqueries).
enum AggregateFinder {
    static func visit(_ e: Expression, _ found: () -> Void) {
        switch e.kind {
        case .function(let call):
            let name = call.name.parts.map(\.value).joined(separator: ".")
            if call.window == nil && FunctionTyping.aggregates.contains(name) { found(); return }
            for a in call.arguments { visit(a, found) }
        case .literal, .identifier, .currentTime, .exists, .subquery, .lambda: break
        case .dereference(let b, _): visit(b, found)
        case .subscriptAccess(let a, let b), .binary(_, let a, let b), .isDistinctFrom(let a, let b, _),
             .atTimeZone(let a, let b):
            visit(a, found); visit(b, found)
        case .unary(_, let a), .not(let a), .isNull(let a, _), .cast(let a, _, _), .extract(_, let a),
             .inSubquery(let a, _, _), .quantifiedComparison(_, _, let a, _):
            visit(a, found)
        case .between(let a, let b, let c, _): visit(a, found); visit(b, found); visit(c, found)
        case .inList(let a, let list, _): visit(a, found); for x in list { visit(x, found) }
        case .like(let a, let p, let esc, _): visit(a, found); visit(p, found); if let esc { visit(esc, found) }
        case .caseWhen(let c):
            if let o = c.operand { visit(o, found) }
            for w in c.whenClauses { visit(w.condition, found); visit(w.result, found) }
            if let x = c.elseResult { visit(x, found) }
        case .array(let xs), .row(let xs): for x in xs { visit(x, found) }
        }
    }
}
