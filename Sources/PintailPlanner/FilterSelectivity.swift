import PintailCore

/// The fraction of rows a predicate keeps, by rules of thumb (no column statistics are kept): an equality with a
/// constant keeps 1/10, an IN list 1/10 per item, a one-sided range 1/3 and a two-sided range (BETWEEN) 1/4,
/// LIKE 1/10, IS NULL 1/10, OR the sum of its arms; NOT the complement.
enum FilterSelectivity {
    static func of(_ p: BoundExpr) -> Double {
        var s = 1.0
        // Bounds on the same expression: the second one narrows a range rather than halving it again.
        var bounded = Set<BoundExpr>()
        for c in PushDownFilters.conjuncts(p) {
            if let bound = rangeOperand(c) {
                s *= bounded.contains(bound) ? 0.75 : 1.0 / 3
                bounded.insert(bound)
            } else {
                s *= conjunct(c)
            }
        }
        return clamp(s)
    }

    private static func conjunct(_ c: BoundExpr) -> Double {
        switch c {
        case .literal(.boolean(true), _): return 1
        case .call("$eq", let args, _): return args.contains(where: isConstant) ? 0.1 : 0.5
        case .call("$ne", _, _): return 0.9
        case .call("$lt", _, _), .call("$le", _, _), .call("$gt", _, _), .call("$ge", _, _): return 1.0 / 3
        case .call("$like", _, _): return 0.1
        case .inList(_, let items): return min(0.9, 0.1 * Double(items.count))
        case .isNull: return 0.1
        case .not(let x): return clamp(1 - of(x))
        case .or(let arms): return clamp(arms.map(of).reduce(0, +))
        case .and: return of(c)
        default: return 0.5
        }
    }

    /// The expression a comparison with a constant bounds (`x` in `x >= 5` or `5 < x`), if `c` is one.
    private static func rangeOperand(_ c: BoundExpr) -> BoundExpr? {
        guard case .call(let name, let args, _) = c, args.count == 2,
              ["$lt", "$le", "$gt", "$ge"].contains(name) else { return nil }
        if isConstant(args[1]) && !isConstant(args[0]) { return args[0] }
        if isConstant(args[0]) && !isConstant(args[1]) { return args[1] }
        return nil
    }

    /// Reads no column: a literal, or a cast or call over literals.
    private static func isConstant(_ e: BoundExpr) -> Bool {
        var used = Set<Int>()
        e.collectColumns(into: &used)
        return used.isEmpty
    }

    private static func clamp(_ s: Double) -> Double { min(1, max(0.001, s)) }
}
