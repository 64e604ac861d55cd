import PintailCore
import PintailSQL

/// `FROM a, b, c WHERE ...`: the comma-joined relations are joined in an order chosen from the WHERE clause, never
/// as a cross product while an equality links a relation not joined yet. Greedy: start from the largest relation
/// (it streams through every hash table), then repeatedly join the smallest relation linked to those joined so far
/// (it becomes the build side). Each relation's own conjuncts filter it before the join; the output keeps the
/// FROM clause's column order.
extension QueryBinder {
    /// FROM bound and filtered by WHERE (which may contain subqueries).
    func bindFromWhere(_ from: Relation?, where w: Expression?) throws -> LogicalPlan {
        guard let from else {
            let plan = LogicalPlan.values(rows: [[]], fields: [])
            return try w.map { try applyWhere($0, to: plan) } ?? plan
        }
        var leaves: [Relation] = []
        flattenCommaJoins(from, into: &leaves)
        guard leaves.count >= 2, let w else {
            let plan = try bindRelation(from)
            return try w.map { try applyWhere($0, to: plan) } ?? plan
        }
        let plans = try leaves.map { try bindRelation($0) }
        let fields = plans.flatMap(\.fields)
        var offsets: [Int] = [], start = 0
        for p in plans { offsets.append(start); start += p.fields.count }
        func owner(_ column: Int) -> Int { offsets.lastIndex { $0 <= column } ?? 0 }

        // Conjuncts without subqueries take part in the ordering; the rest apply on top.
        var eb = expressionBinder(Scope(fields: fields))
        var bound: [BoundExpr] = [], later: [Expression] = []
        for c in SubqueryExpressions.conjuncts(w) {
            if SubqueryExpressions.containsSubquery(c) || eb.containsAggregate(c) { later.append(c); continue }
            bound += Self.factorDisjunction(try eb.boolean(try eb.bind(c), c.location))
        }
        func relations(_ e: BoundExpr) -> Set<Int> {
            var used = Set<Int>()
            e.collectColumns(into: &used)
            return Set(used.map(owner))
        }
        // An OR across relations implies, for each relation every branch constrains, the OR of those constraints:
        // `(n1.name = 'FRANCE' AND n2.name = 'GERMANY') OR (...)` filters n1 and n2 before any join.
        for c in bound {
            guard case .or(let arms) = c else { continue }
            let armConjuncts = arms.map(PushDownFilters.conjuncts)
            guard relations(c).count > 1 else { continue }
            for r in relations(c).sorted() {
                let own = armConjuncts.map { $0.filter { relations($0) == [r] } }
                if own.allSatisfy({ !$0.isEmpty }) { bound.append(.or(own.map(PushDownFilters.conjunction))) }
            }
        }
        var relationsOf: [Set<Int>] = bound.map(relations)

        // Each relation filtered by its own conjuncts.
        var inputs = plans
        var applied = [Bool](repeating: false, count: bound.count)
        for r in inputs.indices {
            let own = bound.indices.filter { relationsOf[$0] == [r] }
            guard !own.isEmpty else { continue }
            let offset = offsets[r]
            inputs[r] = .filter(inputs[r], predicate: PushDownFilters.conjunction(own.map { bound[$0].remapColumns { $0 - offset } }))
            for i in own { applied[i] = true }
        }
        let sizes = inputs.map(RowEstimate.rows), rawSizes = plans.map(RowEstimate.rows)
        // How much joining `r` multiplies the rows, guessed from unfiltered sizes: an equality with a larger
        // relation is taken as a foreign key into r's primary key (one match per row); with a smaller one, as
        // many matches per row (nil: no equality links r to the joined relations).
        func growth(_ r: Int, _ joined: Set<Int>) -> Double? {
            var best: Double? = nil
            for i in bound.indices where !applied[i] && relationsOf[i].contains(r) && relationsOf[i].isSubset(of: joined.union([r])) {
                guard case .call("$eq", _, _) = bound[i] else { continue }
                for other in relationsOf[i] where other != r {
                    let g = max(1, rawSizes[r] / max(rawSizes[other], 1))
                    best = min(best ?? g, g)
                }
            }
            return best
        }

        // The share of r's rows kept by filtered relations that hang off r alone (no larger than r, linked by
        // equalities to r and nothing else): they can only be joined after r, and then they filter its rows
        // (TPC-H Q21: supplier with nation = 'SAUDI ARABIA' before the larger orders join).
        func dimensionShare(_ r: Int, _ joined: Set<Int>) -> Double {
            var share = 1.0
            for s in inputs.indices where s != r && !joined.contains(s) && rawSizes[s] <= rawSizes[r] {
                let links = bound.indices.filter { !applied[$0] && relationsOf[$0].contains(s) && relationsOf[$0].count > 1 }
                guard !links.isEmpty, links.allSatisfy({ relationsOf[$0] == [r, s] }),
                      links.contains(where: { if case .call("$eq", _, _) = bound[$0] { true } else { false } })
                else { continue }
                share *= min(1, sizes[s] / max(rawSizes[s], 1))
            }
            return share
        }

        // Relations that hang off r alone, each smaller than its parent, linked to it by an equality and to the
        // relations joined so far by nothing, kept when their own filters (or those of relations hanging off them)
        // drop rows. They join r first, as its own subtree, and the subtree becomes the build side: TPC-H Q5
        // hashes supplier ⋈ nation ⋈ region 'ASIA' (2K rows) instead of probing 910K line items three times, Q7
        // supplier ⋈ nation 'FRANCE' or 'GERMANY'. A member with members of its own is joined to them first, so
        // that their filters cut it before its parent sees it (Q8: customer ⋈ (nation ⋈ region 'AMERICA'), 30K
        // customers, is what orders probe). `share`: of p's rows the members keep.
        func hangingSubtree(_ p: Int, _ joined: Set<Int>, _ taken: inout Set<Int>) -> (members: [HangingRelation], share: Double) {
            var members: [HangingRelation] = [], share = 1.0
            for s in inputs.indices where !taken.contains(s) && !joined.contains(s) && rawSizes[s] <= rawSizes[p] {
                let links = bound.indices.filter { !applied[$0] && relationsOf[$0].contains(s) && relationsOf[$0].count > 1 }
                guard links.contains(where: { l in
                    guard relationsOf[l] == [p, s], case .call("$eq", _, _) = bound[l] else { return false }
                    return true
                }), links.allSatisfy({ relationsOf[$0].isDisjoint(with: joined) && relationsOf[$0].intersection(taken).isSubset(of: [p]) })
                else { continue }
                var trial = taken
                trial.insert(s)
                let below = hangingSubtree(s, joined, &trial)
                let kept = min(1, sizes[s] / max(rawSizes[s], 1)) * below.share
                guard kept < 1 else { continue }
                taken = trial
                members.append(HangingRelation(relation: s, members: below.members))
                share *= kept
            }
            return (members, share)
        }
        func dimensionGroup(_ r: Int, _ joined: Set<Int>) -> (members: [HangingRelation], share: Double) {
            var taken: Set<Int> = [r]
            return hangingSubtree(r, joined, &taken)
        }
        // Joins relations in order, each on the conjuncts not applied yet that its relations complete; returns the
        // plan and the FROM-order column at each of its columns.
        func joinInOrder(_ start: LogicalPlan, _ startLayout: [Int], done: Set<Int>, _ next: [(plan: LogicalPlan, relations: Set<Int>, layout: [Int])])
            -> (LogicalPlan, [Int]) {
            var plan = start, layout = startLayout, inside = done
            for n in next {
                inside.formUnion(n.relations)
                let newLayout = layout + n.layout
                var position: [Int: Int] = [:]
                for (i, c) in newLayout.enumerated() { position[c] = i }
                var condition: [BoundExpr] = []
                for i in bound.indices where !applied[i] && relationsOf[i].isSubset(of: inside) {
                    applied[i] = true
                    condition.append(bound[i].remapColumns { position[$0] ?? $0 })
                }
                let (keys, rest) = JoinPlanning.split(condition.isEmpty ? nil : PushDownFilters.conjunction(condition), leftCount: layout.count)
                plan = .join(plan, n.plan, JoinCondition(kind: .inner, keys: keys, residual: rest.isEmpty ? nil : PushDownFilters.conjunction(rest)))
                layout = newLayout
            }
            return (plan, layout)
        }
        func columns(_ r: Int) -> [Int] { Array(offsets[r]..<offsets[r] + plans[r].fields.count) }

        var first = 0
        for r in inputs.indices where sizes[r] > sizes[first] { first = r }
        var plan = inputs[first]
        var joined: Set<Int> = [first]
        // layout[i]: the FROM-order column at the current plan's column i.
        var layout = columns(first)
        while joined.count < inputs.count {
            let remaining = inputs.indices.filter { !joined.contains($0) }
            // A linked relation multiplies the rows by its growth and by the share of its rows its own filters keep
            // (a foreign key into 1/7 of the orders keeps 1/7 of the line items): the smallest product first, so
            // that selective joins run before the ones that only widen the rows (TPC-H Q5).
            let candidates = remaining.compactMap { r in
                growth(r, joined).map { (r, $0 * min(1, sizes[r] / max(rawSizes[r], 1)) * dimensionShare(r, joined)) }
            }
            let next = candidates.isEmpty
                ? remaining.min { sizes[$0] < sizes[$1] } ?? remaining[0]
                : candidates.min { ($0.1, sizes[$0.0]) < ($1.1, sizes[$1.0]) }?.0 ?? remaining[0]
            // A relation joined with the relations hanging off it, each of those with its own first.
            func subtree(_ r: Int, _ members: [HangingRelation]) -> (plan: LogicalPlan, relations: Set<Int>, layout: [Int]) {
                guard !members.isEmpty else { return (inputs[r], [r], columns(r)) }
                let parts = members.map { subtree($0.relation, $0.members) }
                let (plan, layout) = joinInOrder(inputs[r], columns(r), done: [r], parts)
                return (plan, parts.reduce(Set([r])) { $0.union($1.relations) }, layout)
            }
            let right = subtree(next, dimensionGroup(next, joined).members)
            (plan, layout) = joinInOrder(plan, layout, done: joined, [right])
            joined.formUnion(right.relations)
        }
        // Conjuncts over no relation (constants).
        let constant = bound.indices.filter { !applied[$0] }.map { bound[$0] }
        if !constant.isEmpty { plan = .filter(plan, predicate: PushDownFilters.conjunction(constant)) }
        var position = [Int](repeating: 0, count: fields.count)
        for (i, c) in layout.enumerated() { position[c] = i }
        plan = .project(plan, expressions: fields.indices.map { .column(position[$0], fields[$0].type) }, fields: fields)
        relationsOf.removeAll()
        guard let rest = SubqueryExpressions.conjunction(later) else { return plan }
        return try applyWhere(rest, to: plan)
    }

    /// The leaves of a tree of comma and CROSS joins.
    private func flattenCommaJoins(_ r: Relation, into leaves: inout [Relation]) {
        if case .join(let j) = r.kind, j.criteria == nil, j.type == .implicit || j.type == .cross {
            flattenCommaJoins(j.left, into: &leaves)
            flattenCommaJoins(j.right, into: &leaves)
        } else {
            leaves.append(r)
        }
    }

    /// `(a AND x) OR (a AND y)` as `a` and `x OR y`, so that a join key repeated in every branch (TPC-H Q19) is
    /// found. Returns the conjuncts.
    static func factorDisjunction(_ e: BoundExpr) -> [BoundExpr] {
        guard case .or(let arms) = e, arms.count > 1 else { return PushDownFilters.conjuncts(e) }
        let armConjuncts = arms.map(PushDownFilters.conjuncts)
        let common = armConjuncts[0].filter { c in armConjuncts.dropFirst().allSatisfy { $0.contains(c) } }
        guard !common.isEmpty else { return [e] }
        let reduced = armConjuncts.map { $0.filter { !common.contains($0) } }
        // An arm left with nothing is true, and so is the whole OR.
        if reduced.contains(where: \.isEmpty) { return common }
        return common + [.or(reduced.map(PushDownFilters.conjunction))]
    }
}

/// A relation that hangs off another in a comma join (see `bindFromWhere`), with those that hang off it.
struct HangingRelation {
    let relation: Int
    let members: [HangingRelation]
}
