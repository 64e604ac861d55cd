/// Types in Presto spelling (`array(varchar)`, `row(a int)`, `decimal(10,2)`) and Hive spelling (`array<string>`,
/// `map<string,int>`, `struct<a:int>`).
extension Parser {
    /// Grammar: type
    mutating func typeSyntax() throws(SQLSyntaxError) -> TypeSyntax {
        try enter()
        defer { leave() }
        note(.category("<type>"))
        let start = current.start
        guard Self.isIdentifier(current) else { throw failure() }
        var name = try identifier().value
        if atSymbol("<") { return try hiveComposite(name: name, start: start) }
        var type = TypeSyntax(name: name, location: start)
        if ["array", "map", "row"].contains(name), atSymbol("(") {
            type.children = try parenthesizedList { (p: inout Parser) throws(SQLSyntaxError) in
                try p.prestoChild(named: name == "row")
            }
            return type
        }
        if name == "double", accept("precision") { type.name = "double" }
        if atSymbol("("), peek(1).kind == .integer {
            type.parameters = try parenthesizedList { (p: inout Parser) throws(SQLSyntaxError) in try p.integer() }
        }
        if name == "timestamp" || name == "time" {
            if at("with") || at("without"), peekIs("time", ahead: 1), peekIs("zone", ahead: 2) {
                let with = advance().lowercased == "with"
                advance(); advance()
                if with { name += " with time zone"; type.name = name }
            }
        }
        return type
    }

    /// Grammar: presto-type-child
    mutating func prestoChild(named: Bool) throws(SQLSyntaxError) -> TypeField {
        guard named else { return TypeField(type: try typeSyntax()) }
        // `row(a bigint)` names its fields; Trino also accepts an unnamed `row(bigint)`.
        if Self.isIdentifier(current), Self.isIdentifier(peek(1)) {
            let name = try identifier()
            return TypeField(name: name, type: try typeSyntax())
        }
        return TypeField(type: try typeSyntax())
    }

    /// Grammar: hive-type
    mutating func hiveComposite(name: String, start: SourceLocation) throws(SQLSyntaxError) -> TypeSyntax {
        try expectSymbol("<")
        var children: [TypeField] = []
        repeat {
            if name == "struct" {
                let field = try identifier()
                try expectSymbol(":")
                children.append(TypeField(name: field, type: try typeSyntax()))
            } else {
                children.append(TypeField(type: try typeSyntax()))
            }
        } while acceptSymbol(",")
        try expectSymbol(">")
        let expectedCount = ["array": 1, "map": 2][name]
        if let expectedCount, children.count != expectedCount {
            throw SQLSyntaxError(message: "\(name) takes \(expectedCount) type argument(s), got \(children.count)", at: start)
        }
        return TypeSyntax(name: name, children: children, hiveSyntax: true, location: start)
    }
}
