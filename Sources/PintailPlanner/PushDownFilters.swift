/// Optimizer rule `push_down_filters`: moves a Filter's conjuncts as far down as they can go — through projections
/// that only rename columns, and into the side of a join whose columns they read — and hands them to the Scan
/// there, so the scan can skip partitions, files and row groups that cannot match. The Filter above the scan
/// stays: a scan may return rows that fail a pushed predicate. Equalities between the two sides of an inner join
/// (`FROM a, b WHERE a.k = b.k`) become the join's hash keys.
public enum PushDownFilters {
    public static func apply(_ plan: LogicalPlan) -> LogicalPlan {
        switch plan {
        case .filter(let input, let predicate): return place(conjuncts(predicate), into: input)
        case .scan, .values, .shared: return plan
        case .project(let input, let e, let f): return .project(apply(input), expressions: e, fields: f)
        case .aggregate(let input, let k, let a, let f): return .aggregate(apply(input), keys: k, aggregates: a, fields: f)
        case .sort(let input, let k): return .sort(apply(input), keys: k)
        case .limit(let input, let o, let c): return .limit(apply(input), offset: o, count: c)
        case .unionAll(let inputs, let f): return .unionAll(inputs.map(apply), fields: f)
        case .join(let l, let r, let c): return placeJoin(l, r, c, above: [])
        case .window(let input, let functions): return .window(apply(input), functions: functions)
        }
    }

    /// `input` filtered by `predicates`, with the predicates placed as deep as they can go.
    private static func place(_ predicates: [BoundExpr], into input: LogicalPlan) -> LogicalPlan {
        if predicates.isEmpty { return apply(input) }
        switch input {
        case .filter(let inner, let p):
            return place(predicates + conjuncts(p), into: inner)
        case .scan(var scan):
            scan.pushedPredicates += predicates
            return .filter(.scan(scan), predicate: conjunction(predicates))
        case .project(let inner, let expressions, let fields):
            // Through a projection that only renames or reorders columns: read the projection's inputs instead.
            var used = Set<Int>()
            for p in predicates { p.collectColumns(into: &used) }
            var map: [Int: Int] = [:]
            for i in used {
                guard i < expressions.count, case .column(let source, _) = expressions[i] else {
                    return .filter(.project(apply(inner), expressions: expressions, fields: fields), predicate: conjunction(predicates))
                }
                map[i] = source
            }
            let below = place(predicates.map { $0.remapColumns { map[$0] ?? $0 } }, into: inner)
            // Worth it only when the predicates reached a scan or a join; otherwise the filter stays on top.
            if case .filter(let under, _) = below {
                switch under {
                case .scan, .join: break
                default: return .filter(.project(apply(inner), expressions: expressions, fields: fields), predicate: conjunction(predicates))
                }
            }
            return .project(below, expressions: expressions, fields: fields)
        case .join(let l, let r, let c):
            return placeJoin(l, r, c, above: predicates)
        default:
            return .filter(apply(input), predicate: conjunction(predicates))
        }
    }

    /// A join with the conjuncts of a Filter above it (`above`) and of its own residual moved to where they belong.
    private static func placeJoin(_ l: LogicalPlan, _ r: LogicalPlan, _ c: JoinCondition, above: [BoundExpr]) -> LogicalPlan {
        let leftCount = l.fields.count
        var condition = c
        var toLeft: [BoundExpr] = [], toRight: [BoundExpr] = [], stay: [BoundExpr] = []
        // Filters above a join may move into a side whose rows are never NULL-extended.
        for p in above {
            switch JoinPlanning.side(of: p, leftCount: leftCount) {
            case .left where !c.kind.preservesRight: toLeft.append(p)
            case .right where !c.kind.preservesLeft && c.kind.keepsRight:
                toRight.append(p.remapColumns { $0 - leftCount })
            default:
                if c.kind == .inner { condition.residual = and(condition.residual, p) } else { stay.append(p) }
            }
        }
        // The ON condition: equalities become keys; a side's own conjuncts move into that side when the join does
        // not keep that side's unmatched rows.
        let (keys, residual) = JoinPlanning.split(condition.residual, leftCount: leftCount)
        condition.keys += keys
        condition.residual = nil
        for p in residual {
            switch JoinPlanning.side(of: p, leftCount: leftCount) {
            case .left where !c.kind.preservesLeft && c.kind != .semi && c.kind != .anti: toLeft.append(p)
            case .right where !c.kind.preservesRight: toRight.append(p.remapColumns { $0 - leftCount })
            default: condition.residual = and(condition.residual, p)
            }
        }
        let join = LogicalPlan.join(place(toLeft, into: l), place(toRight, into: r), condition)
        return stay.isEmpty ? join : .filter(join, predicate: conjunction(stay))
    }

    public static func conjuncts(_ e: BoundExpr) -> [BoundExpr] {
        if case .and(let parts) = e { return parts.flatMap(conjuncts) }
        return [e]
    }

    static func conjunction(_ parts: [BoundExpr]) -> BoundExpr {
        parts.count == 1 ? parts[0] : .and(parts)
    }

    private static func and(_ a: BoundExpr?, _ b: BoundExpr) -> BoundExpr {
        guard let a else { return b }
        return .and(conjuncts(a) + conjuncts(b))
    }
}
