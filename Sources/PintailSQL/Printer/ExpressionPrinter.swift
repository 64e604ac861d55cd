/// Expressions back to SQL.
extension SQLPrinter {
    static func printExpression(_ expression: Expression) -> String {
        switch expression.kind {
        case .literal(let literal): return printLiteral(literal)
        case .identifier(let name): return identifier(name)
        case .dereference(let base, let field): return postfixBase(base) + "." + identifier(field)
        case .subscriptAccess(let base, let index): return postfixBase(base) + "[" + printExpression(index) + "]"
        case .unary(let op, let value):
            // Parenthesize a nested sign so that `- -x` never prints as the comment `--x`.
            if case .unary = value.kind { return op.rawValue + "(" + printExpression(value) + ")" }
            return op.rawValue + operand(value, 8)
        case .binary(let op, let left, let right):
            let level = precedence(op)
            let rightLevel = op.isComparison ? 5 : level + 1
            return operand(left, op.isComparison ? 5 : level) + " " + op.rawValue + " " + operand(right, rightLevel)
        case .not(let value): return "NOT " + operand(value, 3)
        case .isNull(let value, let negated): return operand(value) + (negated ? " IS NOT NULL" : " IS NULL")
        case .isDistinctFrom(let left, let right, let negated):
            return operand(left) + (negated ? " IS NOT DISTINCT FROM " : " IS DISTINCT FROM ") + operand(right)
        case .between(let value, let low, let high, let negated):
            return operand(value) + not(negated) + " BETWEEN " + operand(low) + " AND " + operand(high)
        case .inList(let value, let items, let negated):
            return operand(value) + not(negated) + " IN (" + list(items, printExpression) + ")"
        case .inSubquery(let value, let query, let negated):
            return operand(value) + not(negated) + " IN (" + printQuery(query) + ")"
        case .like(let value, let pattern, let escape, let negated):
            return operand(value) + not(negated) + " LIKE " + operand(pattern) + (escape.map { " ESCAPE " + operand($0) } ?? "")
        case .quantifiedComparison(let op, let quantifier, let value, let query):
            return operand(value) + " " + op.rawValue + " " + quantifier.rawValue + " (" + printQuery(query) + ")"
        case .function(let call): return printCall(call)
        case .cast(let value, let type, let isTry):
            return (isTry ? "TRY_CAST(" : "CAST(") + printExpression(value) + " AS " + Self.type(type) + ")"
        case .caseWhen(let value):
            var out = "CASE"
            if let operand = value.operand { out += " " + printExpression(operand) }
            for clause in value.whenClauses {
                out += " WHEN " + printExpression(clause.condition) + " THEN " + printExpression(clause.result)
            }
            if let other = value.elseResult { out += " ELSE " + printExpression(other) }
            return out + " END"
        case .extract(let field, let value): return "EXTRACT(" + identifier(field) + " FROM " + printExpression(value) + ")"
        case .array(let items): return "ARRAY[" + list(items, printExpression) + "]"
        case .row(let items): return "ROW(" + list(items, printExpression) + ")"
        case .exists(let query): return "EXISTS (" + printQuery(query) + ")"
        case .subquery(let query): return "(" + printQuery(query) + ")"
        case .lambda(let parameters, let body):
            let head = parameters.count == 1 ? identifier(parameters[0]) : identifierList(parameters)
            return head + " -> " + printExpression(body)
        case .currentTime(let function, let precision):
            return function.rawValue + (precision.map { "(\($0))" } ?? "")
        case .atTimeZone(let value, let zone): return postfixBase(value) + " AT TIME ZONE " + postfixBase(zone)
        }
    }

    static func not(_ negated: Bool) -> String { negated ? " NOT" : "" }

    /// Binding strength, loosest first, matching the parser's levels: OR 1, AND 2, NOT 3, predicates 4, `||` 5,
    /// `+ -` 6, `* / %` 7, sign 8, AT TIME ZONE 9, primaries and postfix 10; lambdas 0 (they extend to the right).
    static func precedence(_ expression: Expression) -> Int {
        switch expression.kind {
        case .binary(let op, _, _): precedence(op)
        case .not: 3
        case .isNull, .isDistinctFrom, .between, .inList, .inSubquery, .like, .quantifiedComparison: 4
        case .unary: 8
        case .atTimeZone: 9
        case .lambda: 0
        default: 10
        }
    }

    static func precedence(_ op: BinaryOperator) -> Int {
        switch op {
        case .or: 1
        case .and: 2
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: 4
        case .concatenate: 5
        case .add, .subtract: 6
        case .multiply, .divide, .modulo: 7
        }
    }

    /// An operand printed in a position that needs at least `minimum` binding strength (default: a value of a
    /// predicate); weaker expressions get parentheses.
    static func operand(_ expression: Expression, _ minimum: Int = 5) -> String {
        let text = printExpression(expression)
        return precedence(expression) < minimum ? "(" + text + ")" : text
    }

    /// The base of `.field`, `[index]` or AT TIME ZONE: only primaries stand bare (a typed literal would take the
    /// suffix as part of itself).
    static func postfixBase(_ expression: Expression) -> String {
        switch expression.kind {
        case .literal(.interval), .literal(.typed): return "(" + printExpression(expression) + ")"
        default: return operand(expression, 10)
        }
    }

    static func printLiteral(_ literal: Literal) -> String {
        switch literal {
        case .null: "NULL"
        case .boolean(let value): value ? "TRUE" : "FALSE"
        case .integer(let text), .decimal(let text), .double(let text): text
        case .string(let value): string(value)
        case .binary(let hex): "X'" + hex + "'"
        case .typed(let type, let value): type.uppercased() + " " + string(value)
        case .interval(let interval):
            "INTERVAL " + (interval.negative ? "-" : "") + string(interval.value) + " "
                + interval.start.rawValue.uppercased() + (interval.end.map { " TO " + $0.rawValue.uppercased() } ?? "")
        }
    }

    static func printCall(_ call: FunctionCall) -> String {
        var out = (call.approximate ? "APPROXIMATE " : "") + name(call.name) + "("
        if call.isStar {
            out += "*"
        } else {
            if call.distinct { out += "DISTINCT " }
            out += list(call.arguments, printExpression)
            if !call.orderBy.isEmpty { out += " ORDER BY " + list(call.orderBy, printSortItem) }
        }
        out += ")"
        if let filter = call.filter { out += " FILTER (WHERE " + printExpression(filter) + ")" }
        if let treatment = call.nullTreatment { out += " " + treatment.rawValue }
        switch call.window {
        case .named(let window): out += " OVER " + identifier(window)
        case .specification(let spec): out += " OVER " + printWindow(spec)
        case nil: break
        }
        return out
    }

    static func printSortItem(_ item: SortItem) -> String {
        printExpression(item.expression) + (item.ordering.map { " " + $0.rawValue } ?? "")
            + (item.nullOrdering.map { " " + $0.rawValue } ?? "")
    }

    static func printWindow(_ spec: WindowSpecification) -> String {
        var parts: [String] = []
        if let name = spec.existingName { parts.append(identifier(name)) }
        if !spec.partitionBy.isEmpty { parts.append("PARTITION BY " + list(spec.partitionBy, printExpression)) }
        if !spec.orderBy.isEmpty { parts.append("ORDER BY " + list(spec.orderBy, printSortItem)) }
        if let frame = spec.frame {
            let start = printBound(frame.start)
            parts.append(frame.unit.rawValue + " " + (frame.end.map { "BETWEEN \(start) AND " + printBound($0) } ?? start))
        }
        return "(" + parts.joined(separator: " ") + ")"
    }

    static func printBound(_ bound: FrameBound) -> String {
        switch bound {
        case .unboundedPreceding: "UNBOUNDED PRECEDING"
        case .preceding(let value): operand(value) + " PRECEDING"
        case .currentRow: "CURRENT ROW"
        case .following(let value): operand(value) + " FOLLOWING"
        case .unboundedFollowing: "UNBOUNDED FOLLOWING"
        }
    }
}
