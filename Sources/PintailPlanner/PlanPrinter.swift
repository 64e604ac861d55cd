import PintailCore

/// The indented text of a plan, for EXPLAIN: one node per line, children indented below their parent.
public enum PlanPrinter {
    public static func text(_ plan: LogicalPlan) -> String {
        var lines: [String] = []
        render(plan, depth: 0, into: &lines)
        return lines.joined(separator: "\n")
    }

    private static func render(_ plan: LogicalPlan, depth: Int, into lines: inout [String]) {
        let pad = String(repeating: "  ", count: depth) + (depth > 0 ? "└─ " : "")
        let names = plan.fields.map(\.name)
        switch plan {
        case .scan(let s):
            let cols = s.columns.map { s.table.schema[$0].name }.joined(separator: ", ")
            var line = "\(pad)Scan \(s.table.qualifiedName) [\(s.table.format)] columns=[\(cols)]"
            if !s.table.partitionKeys.isEmpty {
                line += " partitions=\((s.partitions ?? s.table.partitions).count)/\(s.table.partitions.count)"
            }
            lines.append(line)
        case .values(let rows, _):
            lines.append("\(pad)Values rows=\(rows.count)")
        case .filter(let input, let p):
            lines.append("\(pad)Filter \(describe(p, input.fields))")
            render(input, depth: depth + 1, into: &lines)
        case .project(let input, let exprs, _):
            let items = zip(names, exprs).map { "\($0)=\(describe($1, input.fields))" }.joined(separator: ", ")
            lines.append("\(pad)Project [\(items)]")
            render(input, depth: depth + 1, into: &lines)
        case .aggregate(let input, let keys, let aggs, _):
            let k = keys.map { describe($0, input.fields) }.joined(separator: ", ")
            let a = aggs.map { "\($0.function)(\($0.distinct ? "DISTINCT " : "")\($0.arguments.map { describe($0, input.fields) }.joined(separator: ", ")))" }
            lines.append("\(pad)Aggregate keys=[\(k)] aggregates=[\(a.joined(separator: ", "))]")
            render(input, depth: depth + 1, into: &lines)
        case .sort(let input, let keys):
            let k = keys.map { describe($0.expression, input.fields) + ($0.ascending ? " ASC" : " DESC") + ($0.nullsFirst ? " NULLS FIRST" : "") }
            lines.append("\(pad)Sort [\(k.joined(separator: ", "))]")
            render(input, depth: depth + 1, into: &lines)
        case .limit(let input, let offset, let count):
            lines.append("\(pad)Limit \(count.map(String.init) ?? "ALL")" + (offset > 0 ? " offset=\(offset)" : ""))
            render(input, depth: depth + 1, into: &lines)
        case .unionAll(let inputs, _):
            lines.append("\(pad)UnionAll")
            for i in inputs { render(i, depth: depth + 1, into: &lines) }
        case .join(let left, let right, let c):
            let both = left.fields + right.fields
            var parts = c.keys.map { "\(describe($0.left, left.fields)) = \(describe($0.right, right.fields))" }
            if let r = c.residual { parts.append(describe(r, both)) }
            let name = c.keys.isEmpty ? "NestedLoopJoin" : "HashJoin"
            // Only a left build is marked (a semi or anti join then hashes its outer rows): the right one is the default.
            let side = !c.keys.isEmpty && JoinBuildSide.buildsLeft(left, right, c) ? " build=left" : ""
            lines.append("\(pad)\(name) \(c.kind.rawValue)" + (parts.isEmpty ? "" : " on \(parts.joined(separator: " AND "))") + side)
            render(left, depth: depth + 1, into: &lines)
            render(right, depth: depth + 1, into: &lines)
        case .window(let input, let functions):
            let f = functions.map { describeWindow($0, input.fields) }
            lines.append("\(pad)Window [\(f.joined(separator: ", "))]")
            render(input, depth: depth + 1, into: &lines)
        case .shared(let s):
            // Printed under each reference; it runs once.
            lines.append("\(pad)Shared \(s.name) (computed once)")
            render(s.plan, depth: depth + 1, into: &lines)
        }
    }

    /// An expression in readable form, columns by name.
    static func describe(_ e: BoundExpr, _ fields: [Field]) -> String {
        switch e {
        case .column(let i, _): return i < fields.count ? fields[i].name : "#\(i)"
        case .literal(let v, let t): return t.isString ? "'\(ValueText.text(v, type: t))'" : ValueText.text(v, type: t)
        case .call(let name, let args, _):
            let ops = ["$eq": "=", "$ne": "<>", "$lt": "<", "$le": "<=", "$gt": ">", "$ge": ">=", "$add": "+",
                       "$subtract": "-", "$multiply": "*", "$divide": "/", "$modulo": "%", "$like": "LIKE"]
            if let op = ops[name], args.count >= 2 { return "(\(describe(args[0], fields)) \(op) \(describe(args[1], fields)))" }
            return name + "(" + args.map { describe($0, fields) }.joined(separator: ", ") + ")"
        case .cast(let x, let t, let isTry): return "\(isTry ? "TRY_CAST" : "CAST")(\(describe(x, fields)) AS \(t))"
        case .and(let xs): return "(" + xs.map { describe($0, fields) }.joined(separator: " AND ") + ")"
        case .or(let xs): return "(" + xs.map { describe($0, fields) }.joined(separator: " OR ") + ")"
        case .not(let x): return "NOT \(describe(x, fields))"
        case .isNull(let x): return "(\(describe(x, fields)) IS NULL)"
        case .caseWhen(let arms, let otherwise, _):
            return "CASE " + arms.map { "WHEN \(describe($0.condition, fields)) THEN \(describe($0.result, fields))" }.joined(separator: " ")
                + (otherwise.map { " ELSE \(describe($0, fields))" } ?? "") + " END"
        case .coalesce(let xs, _): return "coalesce(" + xs.map { describe($0, fields) }.joined(separator: ", ") + ")"
        case .inList(let x, let xs): return "(\(describe(x, fields)) IN (" + xs.map { describe($0, fields) }.joined(separator: ", ") + "))"
        }
    }
}
