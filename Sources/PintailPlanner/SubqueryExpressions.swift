import PintailSQL

/// Finds subqueries in AST expressions (never looking inside a subquery's own text: its subqueries are its own).
enum SubqueryExpressions {
    /// The operands of a chain of ANDs.
    static func conjuncts(_ e: Expression) -> [Expression] {
        if case .binary(.and, let l, let r) = e.kind { return conjuncts(l) + conjuncts(r) }
        return [e]
    }

    /// The AND of `parts`, nil when there are none.
    static func conjunction(_ parts: [Expression]) -> Expression? {
        guard var result = parts.first else { return nil }
        for p in parts.dropFirst() { result = Expression(.binary(.and, result, p), location: result.location) }
        return result
    }

    /// Scalar subqueries `(SELECT ...)` in `e`, in text order.
    static func scalarSubqueries(_ e: Expression) -> [Query] {
        var found: [Query] = []
        visit(e) { if case .subquery(let q) = $0.kind { found.append(q) } }
        return found
    }

    /// Whether `e` contains any subquery (scalar, EXISTS, IN or quantified).
    static func containsSubquery(_ e: Expression) -> Bool {
        var found = false
        visit(e) {
            switch $0.kind {
            case .subquery, .exists, .inSubquery, .quantifiedComparison: found = true
            default: break
            }
        }
        return found
    }

    /// Whether `e` calls an aggregate whose value over no rows is not NULL (count and friends), which a
    /// decorrelated scalar subquery would turn into NULL.
    static func callsCountLikeAggregate(_ e: Expression) -> Bool {
        var found = false
        visit(e) {
            if case .function(let call) = $0.kind,
               ["count", "count_if", "approx_distinct", "approx_set"].contains(call.name.parts.last?.value ?? "") {
                found = true
            }
        }
        return found
    }

    /// Calls `body` on `e` and every sub-expression outside subqueries (the operand of `x IN (subquery)` included).
    static func visit(_ e: Expression, _ body: (Expression) -> Void) {
        body(e)
        for child in children(e) { visit(child, body) }
    }

    private static func children(_ e: Expression) -> [Expression] {
        switch e.kind {
        case .literal, .identifier, .currentTime, .exists, .subquery: return []
        case .lambda(_, let b): return [b]
        case .dereference(let b, _): return [b]
        case .subscriptAccess(let a, let b), .binary(_, let a, let b), .isDistinctFrom(let a, let b, _),
             .atTimeZone(let a, let b):
            return [a, b]
        case .unary(_, let a), .not(let a), .isNull(let a, _), .cast(let a, _, _), .extract(_, let a),
             .inSubquery(let a, _, _), .quantifiedComparison(_, _, let a, _):
            return [a]
        case .between(let a, let b, let c, _): return [a, b, c]
        case .inList(let a, let list, _): return [a] + list
        case .like(let a, let p, let esc, _): return [a, p] + (esc.map { [$0] } ?? [])
        case .function(let call):
            var out = call.arguments
            if let f = call.filter { out.append(f) }
            return out
        case .caseWhen(let c):
            var out = c.operand.map { [$0] } ?? []
            for w in c.whenClauses { out += [w.condition, w.result] }
            if let x = c.elseResult { out.append(x) }
            return out
        case .array(let xs), .row(let xs): return xs
        }
    }
}
