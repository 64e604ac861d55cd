import PintailCore
import PintailSQL

extension QueryBinder {
    /// `left [INNER|LEFT|RIGHT|FULL|CROSS] JOIN right [ON ... | USING (...)]`, `NATURAL JOIN` and `FROM a, b`.
    /// Equalities between the two sides become hash keys; the rest of ON is a residual predicate.
    func bindJoin(_ j: Join, at location: SourceLocation) throws -> LogicalPlan {
        let left = try bindRelation(j.left), right = try bindRelation(j.right)
        let kind: JoinKind
        switch j.type {
        case .inner, .cross, .implicit: kind = .inner
        case .left: kind = .left
        case .right: kind = .right
        case .full: kind = .full
        }
        switch j.criteria {
        case nil:
            return .join(left, right, JoinCondition(kind: kind))
        case .on(let e):
            var eb = expressionBinder(Scope(fields: left.fields + right.fields))
            if eb.containsAggregate(e) {
                throw SemanticError("JOIN ON clause cannot contain aggregations or window functions", at: e.location)
            }
            let condition = try eb.boolean(try eb.bind(e), e.location)
            let (keys, rest) = JoinPlanning.split(condition, leftCount: left.fields.count)
            return .join(left, right, JoinCondition(kind: kind, keys: keys, residual: rest.isEmpty ? nil : PushDownFilters.conjunction(rest)))
        case .using(let columns):
            return try bindUsing(left, right, kind: kind, columns: columns.map { ($0.value, $0.original, $0.location) })
        case .natural:
            let rightNames = Set(right.fields.map(\.name))
            var names: [String] = []
            for f in left.fields where rightNames.contains(f.name) && !names.contains(f.name) { names.append(f.name) }
            if names.isEmpty { return .join(left, right, JoinCondition(kind: kind)) }
            return try bindUsing(left, right, kind: kind, columns: names.map { ($0, $0, location) })
        }
    }

    /// USING (a, b): equal-named columns matched, each shown once (first), then the other left and right columns.
    private func bindUsing(_ left: LogicalPlan, _ right: LogicalPlan, kind: JoinKind,
                           columns: [(name: String, original: String, location: SourceLocation)]) throws -> LogicalPlan {
        let leftScope = Scope(fields: left.fields), rightScope = Scope(fields: right.fields)
        let eb = expressionBinder(leftScope)
        func find(_ scope: Scope, _ c: (name: String, original: String, location: SourceLocation), _ side: String) throws -> Int {
            switch scope.lookup(c.name) {
            case .found(let i): return i
            case .ambiguous: throw SemanticError("Column '\(c.original)' is ambiguous in the \(side) side of USING", at: c.location)
            case .missing: throw SemanticError("Column '\(c.original)' is missing from the \(side) side of USING", at: c.location)
            }
        }
        let leftCount = left.fields.count
        var keys: [JoinKeyPair] = [], shown: [BoundExpr] = [], shownFields: [Field] = []
        var usedLeft = Set<Int>(), usedRight = Set<Int>()
        for c in columns {
            let l = try find(leftScope, c, "left"), r = try find(rightScope, c, "right")
            guard !usedLeft.contains(l) else { throw SemanticError("Column '\(c.original)' appears twice in USING", at: c.location) }
            let lt = left.fields[l].type, rt = right.fields[r].type
            guard let t = TypeResolution.commonSuperType(lt, rt) else {
                throw SemanticError("USING column '\(c.original)' has types \(lt) and \(rt), which cannot be compared", at: c.location)
            }
            usedLeft.insert(l); usedRight.insert(r)
            keys.append(JoinKeyPair(left: eb.coerce(.column(l, lt), to: t), right: eb.coerce(.column(r, rt), to: t)))
            let fromLeft = eb.coerce(.column(l, lt), to: t), fromRight = eb.coerce(.column(leftCount + r, rt), to: t)
            switch kind {
            case .right: shown.append(fromRight)
            case .full: shown.append(.coalesce([fromLeft, fromRight], t))
            default: shown.append(fromLeft)
            }
            shownFields.append(Field(name: c.name, type: t))
        }
        for (i, f) in left.fields.enumerated() where !usedLeft.contains(i) {
            shown.append(.column(i, f.type)); shownFields.append(f)
        }
        for (i, f) in right.fields.enumerated() where !usedRight.contains(i) {
            shown.append(.column(leftCount + i, f.type)); shownFields.append(f)
        }
        let join = LogicalPlan.join(left, right, JoinCondition(kind: kind, keys: keys))
        return .project(join, expressions: shown, fields: shownFields)
    }
}
