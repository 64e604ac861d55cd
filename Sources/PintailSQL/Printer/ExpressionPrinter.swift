/// Expressions back to SQL.
extension SQLPrinter {
    static func printExpression(_ expression: Expression) -> String {
        switch expression.kind {
        case .literal(let literal): return printLiteral(literal)
        case .identifier(let name): return identifier(name)
        case .dereference(let base, let field): return operand(base) + "." + identifier(field)
        case .subscriptAccess(let base, let index): return operand(base) + "[" + printExpression(index) + "]"
        case .unary(let op, let value): return op.rawValue + operand(value)
        case .binary(let op, let left, let right): return operand(left) + " " + op.rawValue + " " + operand(right)
        case .not(let value): return "NOT " + operand(value)
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
        case .atTimeZone(let value, let zone): return operand(value) + " AT TIME ZONE " + operand(zone)
        }
    }

    static func not(_ negated: Bool) -> String { negated ? " NOT" : "" }

    /// Operands of operators are parenthesized unless they print as one unit.
    static func operand(_ expression: Expression) -> String {
        let text = printExpression(expression)
        switch expression.kind {
        case .literal(.interval), .literal(.typed): return "(" + text + ")"
        case .literal, .identifier, .dereference, .subscriptAccess, .function, .cast, .caseWhen, .extract, .array,
            .row, .exists, .subquery, .currentTime:
            return text
        default: return "(" + text + ")"
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
