/// Sort items and window specifications.
extension Parser {
    /// Grammar: sort-items
    mutating func sortItems() throws(SQLSyntaxError) -> [SortItem] {
        try commaList { (p: inout Parser) throws(SQLSyntaxError) in try p.sortItem() }
    }

    /// Grammar: sort-item
    mutating func sortItem() throws(SQLSyntaxError) -> SortItem {
        var item = SortItem(expression: try expression())
        if accept("asc") { item.ordering = .ascending } else if accept("desc") { item.ordering = .descending }
        if accept("nulls") {
            if accept("first") {
                item.nullOrdering = .first
            } else {
                try expect("last")
                item.nullOrdering = .last
            }
        }
        return item
    }

    /// Grammar: window-reference
    mutating func windowReference() throws(SQLSyntaxError) -> WindowReference {
        if atSymbol("(") { return .specification(try windowSpecification()) }
        return .named(try identifier())
    }

    /// Grammar: window-specification
    mutating func windowSpecification() throws(SQLSyntaxError) -> WindowSpecification {
        let start = try expectSymbol("(").start
        var spec = WindowSpecification(location: start)
        let clauseStarts = ["partition", "order", "rows", "range", "groups"]
        if Self.isIdentifier(current), !(clauseStarts.contains(current.lowercased) && current.kind == .word) {
            spec.existingName = try identifier()
        }
        if accept("partition") {
            try expect("by")
            spec.partitionBy = try commaList { (p: inout Parser) throws(SQLSyntaxError) in try p.expression() }
        }
        if accept("order") {
            try expect("by")
            spec.orderBy = try sortItems()
        }
        if at("rows") || at("range") || at("groups") { spec.frame = try windowFrame() }
        try expectSymbol(")")
        return spec
    }

    /// Grammar: window-frame
    mutating func windowFrame() throws(SQLSyntaxError) -> WindowFrame {
        let token = advance()
        let unit = WindowFrameUnit(rawValue: token.lowercased.uppercased()) ?? .rows
        if accept("between") {
            let start = try frameBound()
            try expect("and")
            return WindowFrame(unit: unit, start: start, end: try frameBound(), location: token.start)
        }
        return WindowFrame(unit: unit, start: try frameBound(), end: nil, location: token.start)
    }

    /// Grammar: frame-bound
    mutating func frameBound() throws(SQLSyntaxError) -> FrameBound {
        if accept("unbounded") {
            if accept("preceding") { return .unboundedPreceding }
            try expect("following")
            return .unboundedFollowing
        }
        if accept("current") {
            try expect("row")
            return .currentRow
        }
        let offset = try expression()
        if accept("preceding") { return .preceding(offset) }
        try expect("following")
        return .following(offset)
    }
}
