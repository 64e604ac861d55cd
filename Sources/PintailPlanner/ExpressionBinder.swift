import PintailCore
import PintailSQL

/// Binds AST expressions to typed `BoundExpr`s over a scope, applying Presto's typing and coercion rules.
///
/// In aggregate mode (a query with GROUP BY or aggregates) an expression may only use group keys and aggregates:
/// aggregate calls are collected into `aggregates` and replaced by references to the aggregate's output column,
/// and sub-expressions equal to a group key become references to that key.
struct ExpressionBinder {
    var scope: Scope
    /// Aggregate mode: the bound group keys (output columns 0..<keys.count) and the collected aggregates.
    var groupKeys: [BoundExpr]? = nil
    var aggregates: [AggregateCall] = []
    /// Functions declared by the query's USING FUNCTION clause, by lower-case name.
    var userFunctions: [String: UserFunction] = [:]
    /// Window functions collected from a SELECT list or ORDER BY (nil where they are not allowed). Each is
    /// replaced by a reference to column `windowMarker + index`, renumbered once the window node's input is known.
    var windows: [WindowCall]? = nil
    /// Scalar subqueries the query binder has joined to the input: the column (or marker) holding each one's value.
    var subqueryValues: [Query: BoundExpr] = [:]

    init(scope: Scope) {
        self.scope = scope
    }

    var isAggregating: Bool { groupKeys != nil }

    mutating func bind(_ e: Expression) throws -> BoundExpr {
        if let keys = groupKeys {
            // A sub-expression equal to a group key reads the key's output column.
            var plainBinder = ExpressionBinder(scope: scope)
            plainBinder.userFunctions = userFunctions
            if !containsAggregate(e), let plain = try? plainBinder.bind(e) {
                if let k = keys.firstIndex(of: plain) { return .column(k, plain.type) }
                if plain.isLiteral { return plain }
                if case .column = plain {
                    throw SemanticError("'\(sqlText(e))' must be an aggregate expression or appear in GROUP BY clause", at: e.location)
                }
            }
        }
        return try bindNode(e)
    }

    private mutating func bindNode(_ e: Expression) throws -> BoundExpr {
        switch e.kind {
        case .literal(let lit):
            return try LiteralBinder.bind(lit, at: e.location)
        case .identifier(let id):
            return try bindColumn(id.value, qualifier: nil, identifier: id, location: e.location)
        case .dereference(let base, let field):
            if case .identifier(let q) = base.kind, scope.hasQualifier(q.value) {
                return try bindColumn(field.value, qualifier: q.value, identifier: field, location: e.location)
            }
            if case .dereference(let inner, let table) = base.kind, case .identifier = inner.kind, scope.hasQualifier(table.value) {
                return try bindColumn(field.value, qualifier: table.value, identifier: field, location: e.location)
            }
            let b = try bind(base)
            guard case .row(let fields) = b.type, let i = fields.firstIndex(where: { $0.name == field.value }) else {
                throw SemanticError("Column '\(sqlText(e))' cannot be resolved", at: e.location)
            }
            return .call("$field", [b, .literal(.int(Int64(i)), .integer)], fields[i].type)
        case .subscriptAccess(let base, let index):
            let b = try bind(base), i = try bind(index)
            switch b.type {
            case .array(let el):
                guard i.type.isInteger || i.type == .unknown else {
                    throw SemanticError("Array subscript must be an integer, not \(i.type)", at: index.location)
                }
                return .call("$subscript", [b, coerce(i, to: .bigint)], el)
            case .map(let k, let v):
                return .call("$map_subscript", [b, try coerceOrFail(i, to: k, at: index.location)], v)
            default:
                throw SemanticError("Cannot use subscript on a value of type \(b.type)", at: e.location)
            }
        case .unary(let op, let x):
            let b = try bind(x)
            guard b.type.isNumeric || b.type == .unknown else {
                throw SemanticError("Cannot negate \(b.type)", at: e.location)
            }
            if op == .plus { return b }
            if case .literal(let v, let t) = b { return .literal(LiteralBinder.negate(v), t) }
            return .call("$negate", [b], b.type)
        case .binary(let op, let l, let r):
            return try bindBinary(op, l, r, at: e.location)
        case .not(let x):
            return .not(try boolean(try bind(x), x.location))
        case .isNull(let x, let negated):
            let b = BoundExpr.isNull(try bind(x))
            return negated ? .not(b) : b
        case .isDistinctFrom(let l, let r, let negated):
            let (a, b) = try coercePair(try bind(l), try bind(r), at: e.location, op: "IS DISTINCT FROM")
            let d = BoundExpr.call("$is_distinct_from", [a, b], .boolean)
            return negated ? .not(d) : d
        case .between(let x, let low, let high, let negated):
            let v = try bind(x)
            let (a1, lo) = try coercePair(v, try bind(low), at: e.location, op: "BETWEEN")
            let (a2, hi) = try coercePair(v, try bind(high), at: e.location, op: "BETWEEN")
            let b = BoundExpr.and([.call("$ge", [a1, lo], .boolean), .call("$le", [a2, hi], .boolean)])
            return negated ? .not(b) : b
        case .inList(let x, let list, let negated):
            var v = try bind(x)
            var items = try list.map { try bind($0) }
            var t = v.type
            for (i, item) in items.enumerated() {
                guard let c = TypeResolution.commonSuperType(t, item.type) ?? stringLiteralCoercion(item, to: t) else {
                    throw SemanticError("IN value and list items must be the same type: \(v.type) vs \(item.type)", at: list[i].location)
                }
                t = c
            }
            v = coerce(v, to: t)
            items = items.map { coerce($0, to: t) }
            let b = BoundExpr.inList(v, items)
            return negated ? .not(b) : b
        case .like(let x, let pattern, let escape, let negated):
            let v = try bind(x), p = try bind(pattern)
            guard FunctionTyping.isStringLike(v.type), FunctionTyping.isStringLike(p.type) else {
                throw SemanticError("LIKE needs varchar operands, not \(v.type) and \(p.type)", at: e.location)
            }
            var args = [coerce(v, to: .string), coerce(p, to: .string)]
            if let escape { args.append(coerce(try bind(escape), to: .string)) }
            let b = BoundExpr.call("$like", args, .boolean)
            return negated ? .not(b) : b
        case .function(let call):
            return try bindFunction(call, at: e.location)
        case .cast(let x, let typeSyntax, let isTry):
            let target = try TypeResolution.resolve(typeSyntax)
            let b = try bind(x)
            if b.type == target { return b }
            return .cast(b, target, isTry: isTry)
        case .caseWhen(let c):
            return try bindCase(c, at: e.location)
        case .extract(let field, let from):
            let b = try bind(from)
            let name: String
            switch field.value {
            case "year", "month", "day", "quarter", "hour", "minute", "second", "week": name = field.value
            case "dow", "day_of_week": name = "day_of_week"
            case "doy", "day_of_year": name = "day_of_year"
            default: throw SemanticError("Invalid EXTRACT field: \(field.original)", at: field.location)
            }
            return try callScalar(name, [b], at: e.location)
        case .array(let items):
            let bound = try items.map { try bind($0) }
            var t = DataType.unknown
            for (i, b) in bound.enumerated() {
                guard let c = TypeResolution.commonSuperType(t, b.type) else {
                    throw SemanticError("All ARRAY elements must be the same type: \(t) and \(b.type)", at: items[i].location)
                }
                t = c
            }
            return .call("$array", bound.map { coerce($0, to: t) }, .array(t))
        case .row(let items):
            let bound = try items.map { try bind($0) }
            return .call("$row", bound, .row(bound.map { RowField(name: nil, type: $0.type) }))
        case .currentTime(let f, _):
            switch f {
            case .currentDate: return .call("current_date", [], .date)
            case .currentTimestamp, .localTimestamp: return .call("current_timestamp", [], .timestamp(precision: 3))
            case .currentTime, .localTime: return .call("current_time", [], .time)
            }
        case .subquery(let q):
            // The query binder planned the subquery as a join and left its value in a column.
            guard let value = subqueryValues[q] else {
                throw SemanticError("Scalar subqueries are not supported in this position", at: e.location)
            }
            return value
        case .exists, .inSubquery:
            throw SemanticError("EXISTS and IN subqueries are supported only as WHERE conditions (alone or joined by AND)", at: e.location)
        case .quantifiedComparison(let op, let q, _, _):
            throw SemanticError("\(op.rawValue) \(q.rawValue) (subquery) is not supported yet", at: e.location)
        case .lambda:
            throw SemanticError("Lambda expressions are not supported yet", at: e.location)
        case .atTimeZone:
            throw SemanticError("AT TIME ZONE is not supported yet", at: e.location)
        }
    }

    private func bindColumn(_ name: String, qualifier: String?, identifier: Identifier, location: SourceLocation) throws -> BoundExpr {
        switch scope.lookup(name, qualifier: qualifier) {
        case .found(let i): return .column(i, scope.fields[i].type)
        case .ambiguous: throw SemanticError("Column '\(name)' is ambiguous", at: location)
        case .missing:
            var message = "Column '\(qualifier.map { "\($0)." } ?? "")\(identifier.original)' cannot be resolved"
            if identifier.quoting == .doubleQuoted {
                // The book writes `= "POSITIVE"`: in Presto double quotes name a column, single quotes make a string.
                message += "; to compare with the string, write '\(identifier.original)' in single quotes"
            }
            throw SemanticError(message, at: location)
        }
    }

    mutating func boolean(_ b: BoundExpr, _ at: SourceLocation) throws -> BoundExpr {
        if b.type == .boolean { return b }
        if b.type == .unknown { return .cast(b, .boolean, isTry: false) }
        throw SemanticError("Expression must be of type boolean, not \(b.type)", at: at)
    }

    private mutating func bindBinary(_ op: BinaryOperator, _ l: Expression, _ r: Expression, at location: SourceLocation) throws -> BoundExpr {
        switch op {
        case .and, .or:
            let a = try boolean(try bind(l), l.location), b = try boolean(try bind(r), r.location)
            var parts: [BoundExpr] = []
            for x in [a, b] {
                switch (op, x) {
                case (.and, .and(let inner)), (.or, .or(let inner)): parts += inner
                default: parts.append(x)
                }
            }
            return op == .and ? .and(parts) : .or(parts)
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual:
            let (a, b) = try coercePair(try bind(l), try bind(r), at: location, op: op.rawValue)
            let name = ["=": "$eq", "<>": "$ne", "<": "$lt", "<=": "$le", ">": "$gt", ">=": "$ge"][op.rawValue]!
            return .call(name, [a, b], .boolean)
        case .concatenate:
            var a = try bind(l), b = try bind(r)
            if case .array = a.type, let t = TypeResolution.commonSuperType(a.type, b.type) {
                return .call("$array_concat", [coerce(a, to: t), coerce(b, to: t)], t)
            }
            guard FunctionTyping.isStringLike(a.type), FunctionTyping.isStringLike(b.type) else {
                throw SemanticError("Cannot apply operator: \(a.type) || \(b.type)", at: location)
            }
            a = coerce(a, to: .string); b = coerce(b, to: .string)
            return .call("concat", [a, b], .string)
        case .add, .subtract, .multiply, .divide, .modulo:
            if let shifted = try bindIntervalArithmetic(op, l, r, at: location) { return shifted }
            return try bindArithmetic(op, try bind(l), try bind(r), at: location)
        }
    }

    private func bindArithmetic(_ op: BinaryOperator, _ a: BoundExpr, _ b: BoundExpr, at location: SourceLocation) throws -> BoundExpr {
        let name = ["+": "$add", "-": "$subtract", "*": "$multiply", "/": "$divide", "%": "$modulo"][op.rawValue]!
        // date +/- integer days is not Presto; date arithmetic needs intervals, which we support as day counts.
        if case .decimal(let p1, let s1) = a.type.asDecimal, case .decimal(let p2, let s2) = b.type.asDecimal,
           a.type.isDecimal || b.type.isDecimal, a.type != .double, b.type != .double, a.type != .real, b.type != .real {
            // Presto's decimal result types.
            let result: DataType
            switch op {
            case .add, .subtract:
                let s = max(s1, s2)
                result = .decimal(precision: min(38, max(p1 - s1, p2 - s2) + s + 1), scale: s)
            case .multiply:
                result = .decimal(precision: min(38, p1 + p2), scale: s1 + s2)
            case .divide:
                let s = max(s1, s2)
                result = .decimal(precision: min(38, p1 - s1 + s2 + s), scale: s)
            default:
                let s = max(s1, s2)
                result = .decimal(precision: min(38, min(p1 - s1, p2 - s2) + s), scale: s)
            }
            return .call(name, [coerce(a, to: a.type.asDecimal), coerce(b, to: b.type.asDecimal)], result)
        }
        guard a.type.isNumeric || a.type == .unknown, b.type.isNumeric || b.type == .unknown,
              let t = TypeResolution.commonSuperType(a.type, b.type) else {
            throw SemanticError("Cannot apply operator: \(a.type) \(op.rawValue) \(b.type)", at: location)
        }
        let resultType = t == .unknown ? DataType.integer : t
        return .call(name, [coerce(a, to: resultType), coerce(b, to: resultType)], resultType)
    }

    /// Coerces both sides of a comparison to their common type; a string literal compared with a date or
    /// timestamp is read as one (a convenience beyond Presto, which DuckDB users expect).
    func coercePair(_ a: BoundExpr, _ b: BoundExpr, at location: SourceLocation, op: String) throws -> (BoundExpr, BoundExpr) {
        if let t = TypeResolution.commonSuperType(a.type, b.type) { return (coerce(a, to: t), coerce(b, to: t)) }
        if let t = stringLiteralCoercion(b, to: a.type) { return (a, coerce(b, to: t)) }
        if let t = stringLiteralCoercion(a, to: b.type) { return (coerce(a, to: t), b) }
        throw SemanticError("Cannot apply operator: \(a.type) \(op) \(b.type)", at: location)
    }

    func stringLiteralCoercion(_ e: BoundExpr, to t: DataType) -> DataType? {
        guard case .literal(.string, _) = e else { return nil }
        switch t {
        case .date, .timestamp: return t
        default: return nil
        }
    }

    func coerce(_ e: BoundExpr, to t: DataType) -> BoundExpr {
        if e.type == t { return e }
        if case .literal(.null, _) = e { return .literal(.null, t) }
        return .cast(e, t, isTry: false)
    }

    func coerceOrFail(_ e: BoundExpr, to t: DataType, at location: SourceLocation) throws -> BoundExpr {
        guard TypeResolution.canCoerce(e.type, to: t) || stringLiteralCoercion(e, to: t) != nil else {
            throw SemanticError("Cannot use \(e.type) where \(t) is expected", at: location)
        }
        return coerce(e, to: t)
    }

    private mutating func bindCase(_ c: CaseExpression, at location: SourceLocation) throws -> BoundExpr {
        let operand = try c.operand.map { try bind($0) }
        var conditions: [BoundExpr] = []
        var results: [BoundExpr] = []
        for w in c.whenClauses {
            if let operand {
                let (a, b) = try coercePair(operand, try bind(w.condition), at: w.location, op: "=")
                conditions.append(.call("$eq", [a, b], .boolean))
            } else {
                conditions.append(try boolean(try bind(w.condition), w.condition.location))
            }
            results.append(try bind(w.result))
        }
        let otherwise = try c.elseResult.map { try bind($0) }
        var t = DataType.unknown
        for r in results + (otherwise.map { [$0] } ?? []) {
            guard let s = TypeResolution.commonSuperType(t, r.type) else {
                throw SemanticError("All CASE results must be the same type: \(t) and \(r.type)", at: location)
            }
            t = s
        }
        let arms = zip(conditions, results).map { CaseArm(condition: $0, result: coerce($1, to: t)) }
        return .caseWhen(arms, otherwise: otherwise.map { coerce($0, to: t) }, t)
    }

    func containsAggregate(_ e: Expression) -> Bool {
        var found = false
        AggregateFinder.visit(e) { found = true }
        return found
    }
}

extension DataType {
    var isDecimal: Bool { if case .decimal = self { return true } else { return false } }
    /// The decimal type that holds this exact numeric type's values (self for decimals).
    var asDecimal: DataType {
        switch self {
        case .decimal: return self
        case .tinyint, .smallint, .integer, .bigint:
            let (p, s) = TypeResolution.decimalFor(integer: self)
            return .decimal(precision: p, scale: s)
        default: return self
        }
    }
}

/// Renders an expression back to SQL for messages.
func sqlText(_ e: Expression) -> String {
    switch e.kind {
    case .identifier(let id): return id.original
    case .dereference(let b, let f): return sqlText(b) + "." + f.original
    default: return ExpressionPrinting.text(e)
    }
}
