import PintailSQL

/// The columns visible to an expression: a plan node's output fields, found by name or `qualifier.name`.
struct Scope {
    var fields: [Field]

    enum Lookup {
        case found(Int)
        case ambiguous
        case missing
    }

    func lookup(_ name: String, qualifier: String? = nil) -> Lookup {
        var hit: Int? = nil
        for (i, f) in fields.enumerated() where f.name == name {
            if let qualifier, f.qualifier != qualifier { continue }
            if hit != nil { return .ambiguous }
            hit = i
        }
        return hit.map { .found($0) } ?? .missing
    }

    func hasQualifier(_ q: String) -> Bool { fields.contains { $0.qualifier == q } }
}
