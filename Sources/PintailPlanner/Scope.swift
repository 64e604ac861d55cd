import PintailSQL

/// The columns visible to an expression: a plan node's output fields, found by name or `qualifier.name`.
/// A subquery's scope also sees the enclosing query's columns after its own (`outerStart`): names resolve to the
/// subquery's own columns first, as in SQL's nested scopes.
struct Scope {
    var fields: [Field]
    /// Index of the first field of the enclosing query (fields.count when there is none).
    var outerStart: Int

    init(fields: [Field]) {
        self.fields = fields
        self.outerStart = fields.count
    }

    /// A subquery's scope: its own fields, then the enclosing query's.
    init(inner: [Field], outer: [Field]) {
        self.fields = inner + outer
        self.outerStart = inner.count
    }

    enum Lookup {
        case found(Int)
        case ambiguous
        case missing
    }

    func lookup(_ name: String, qualifier: String? = nil) -> Lookup {
        let own = lookup(name, qualifier: qualifier, in: 0..<outerStart)
        if case .missing = own { return lookup(name, qualifier: qualifier, in: outerStart..<fields.count) }
        return own
    }

    private func lookup(_ name: String, qualifier: String?, in range: Range<Int>) -> Lookup {
        var hit: Int? = nil
        for i in range where fields[i].name == name {
            if let qualifier, fields[i].qualifier != qualifier { continue }
            if hit != nil { return .ambiguous }
            hit = i
        }
        return hit.map { .found($0) } ?? .missing
    }

    func hasQualifier(_ q: String) -> Bool { fields.contains { $0.qualifier == q } }
}
