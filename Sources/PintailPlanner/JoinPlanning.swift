import PintailCore

/// Helpers shared by the binder and the optimizer for reasoning about join conditions, whose expressions read the
/// left input's fields (0..<leftCount) followed by the right input's.
enum JoinPlanning {
    enum Side { case none, left, right, both }

    /// Which input's columns `e` reads.
    static func side(of e: BoundExpr, leftCount: Int) -> Side {
        var used = Set<Int>()
        e.collectColumns(into: &used)
        if used.isEmpty { return .none }
        let left = used.contains { $0 < leftCount }, right = used.contains { $0 >= leftCount }
        return left && right ? .both : (left ? .left : .right)
    }

    /// Splits a condition into hashable key equalities (`left expr = right expr`) and the remaining conjuncts.
    static func split(_ condition: BoundExpr?, leftCount: Int) -> (keys: [JoinKeyPair], rest: [BoundExpr]) {
        guard let condition else { return ([], []) }
        var keys: [JoinKeyPair] = [], rest: [BoundExpr] = []
        for p in PushDownFilters.conjuncts(condition) {
            if case .call("$eq", let args, _) = p, args.count == 2, args[0].type == args[1].type, isHashable(args[0].type) {
                let a = side(of: args[0], leftCount: leftCount), b = side(of: args[1], leftCount: leftCount)
                if a == .left && b == .right {
                    keys.append(JoinKeyPair(left: args[0], right: args[1].remapColumns { $0 - leftCount }))
                    continue
                }
                if a == .right && b == .left {
                    keys.append(JoinKeyPair(left: args[1], right: args[0].remapColumns { $0 - leftCount }))
                    continue
                }
            }
            rest.append(p)
        }
        return (keys, rest)
    }

    /// Key types whose equality is byte equality of the canonical key encoding.
    private static func isHashable(_ t: DataType) -> Bool {
        switch t {
        case .array, .map, .row, .unknown, .json, .hyperLogLog: return false
        default: return true
        }
    }
}
