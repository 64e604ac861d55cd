/// Queries and relations back to SQL.
extension SQLPrinter {
    static func printQuery(_ query: Query) -> String {
        var out = ""
        if let with = query.with {
            out += "WITH " + (with.recursive ? "RECURSIVE " : "")
            out += list(with.queries) { item in
                identifier(item.name) + (item.columnNames.map { " " + identifierList($0) } ?? "")
                    + " AS (" + printQuery(item.query) + ")"
            } + " "
        }
        out += printBody(query.body)
        if !query.orderBy.isEmpty { out += " ORDER BY " + list(query.orderBy, printSortItem) }
        if let offset = query.offset { out += " OFFSET " + printExpression(offset) + " ROWS" }
        if let limit = query.limit {
            switch limit.style {
            case .limit: out += " LIMIT " + (limit.count.map(printExpression) ?? "ALL")
            case .fetchFirst:
                out += " FETCH FIRST " + (limit.count.map { printExpression($0) + " " } ?? "") + "ROWS "
                out += limit.withTies ? "WITH TIES" : "ONLY"
            }
        }
        return out
    }

    static func printBody(_ body: QueryBody) -> String {
        switch body {
        case .select(let spec): return printSelect(spec)
        case .setOperation(let op):
            let quantifier = op.all ? " ALL" : (op.explicitDistinct ? " DISTINCT" : "")
            return printBody(op.left) + " " + op.op.rawValue + quantifier + " " + printBody(op.right)
        case .values(let values):
            return "VALUES " + list(values.rows) { row in
                if case .row(let items) = row.kind, items.count > 1 { return "(" + list(items, printExpression) + ")" }
                return printExpression(row)
            }
        case .table(let table): return "TABLE " + name(table)
        case .parenthesized(let query): return "(" + printQuery(query) + ")"
        }
    }

    static func printSelect(_ spec: QuerySpecification) -> String {
        var out = "SELECT " + (spec.distinct ? "DISTINCT " : "")
        out += list(spec.selectItems) { item in
            switch item {
            case .expression(let value, let alias): printExpression(value) + (alias.map { " AS " + identifier($0) } ?? "")
            case .allColumns(let prefix, _): (prefix.map { name($0) + "." } ?? "") + "*"
            }
        }
        if let from = spec.from { out += " FROM " + printRelation(from) }
        if let condition = spec.whereClause { out += " WHERE " + printExpression(condition) }
        if let groupBy = spec.groupBy {
            out += " GROUP BY " + (groupBy.distinct ? "DISTINCT " : "") + list(groupBy.elements, printGroupingElement)
        }
        if let having = spec.having { out += " HAVING " + printExpression(having) }
        if !spec.windows.isEmpty {
            out += " WINDOW " + list(spec.windows) { identifier($0.name) + " AS " + printWindow($0.specification) }
        }
        return out
    }

    static func printGroupingElement(_ element: GroupingElement) -> String {
        switch element {
        case .expression(let value): printExpression(value)
        case .rollup(let items): "ROLLUP (" + list(items, printExpression) + ")"
        case .cube(let items): "CUBE (" + list(items, printExpression) + ")"
        case .groupingSets(let sets): "GROUPING SETS (" + list(sets) { "(" + list($0, printExpression) + ")" } + ")"
        case .empty: "()"
        }
    }

    static func printRelation(_ relation: Relation) -> String {
        switch relation.kind {
        case .table(let table): return name(table)
        case .subquery(let query): return "(" + printQuery(query) + ")"
        case .aliased(let inner, let alias, let columns):
            var base = printRelation(inner)
            // A join or an already aliased relation needs parentheses to take another alias.
            switch inner.kind {
            case .join, .aliased: base = "(" + base + ")"
            default: break
            }
            return base + " AS " + identifier(alias) + (columns.map { " " + identifierList($0) } ?? "")
        case .join(let join):
            var right = printRelation(join.right)
            if case .join = join.right.kind { right = "(" + right + ")" }
            switch join.type {
            case .implicit: return printRelation(join.left) + ", " + right
            case .cross: return printRelation(join.left) + " CROSS JOIN " + right
            default:
                let natural = join.criteria == .natural ? "NATURAL " : ""
                let head = printRelation(join.left) + " " + natural + join.type.rawValue + " JOIN " + right
                switch join.criteria {
                case .on(let condition): return head + " ON " + printExpression(condition)
                case .using(let columns): return head + " USING " + identifierList(columns)
                case .natural, nil: return head
                }
            }
        case .unnest(let unnest):
            return "UNNEST(" + list(unnest.expressions, printExpression) + ")" + (unnest.withOrdinality ? " WITH ORDINALITY" : "")
        case .lateral(let query): return "LATERAL (" + printQuery(query) + ")"
        }
    }
}
