/// A relation in FROM: what it is and where it starts.
public struct Relation: Sendable, Hashable {
    /// The relation itself.
    public var kind: RelationKind
    /// Where it starts.
    public var location: SourceLocation

    public init(_ kind: RelationKind, location: SourceLocation = .start) {
        self.kind = kind
        self.location = location
    }
}

/// Every kind of FROM item.
public indirect enum RelationKind: Sendable, Hashable {
    /// A table or view: `t`, `db.t`.
    case table(QualifiedName)
    /// `(query)`.
    case subquery(Query)
    /// `relation [AS] alias [(c1, c2)]`.
    case aliased(Relation, alias: Identifier, columnNames: [Identifier]?)
    /// Two relations joined.
    case join(Join)
    /// `UNNEST(a, b) [WITH ORDINALITY]`.
    case unnest(Unnest)
    /// `LATERAL (query)`.
    case lateral(Query)
}

/// Join kinds. `implicit` is the comma in `FROM a, b`.
public enum JoinType: String, Sendable, Hashable {
    case inner = "INNER"
    case left = "LEFT"
    case right = "RIGHT"
    case full = "FULL"
    case cross = "CROSS"
    case implicit = ","
}

/// The join condition.
public enum JoinCriteria: Sendable, Hashable {
    /// `ON condition`.
    case on(Expression)
    /// `USING (a, b)`.
    case using([Identifier])
    /// `NATURAL JOIN`.
    case natural
}

/// `left [type] JOIN right [criteria]`.
public struct Join: Sendable, Hashable {
    /// The join type.
    public var type: JoinType
    /// Left input.
    public var left: Relation
    /// Right input.
    public var right: Relation
    /// ON/USING/NATURAL; nil for CROSS and comma joins.
    public var criteria: JoinCriteria?

    public init(type: JoinType, left: Relation, right: Relation, criteria: JoinCriteria?) {
        self.type = type
        self.left = left
        self.right = right
        self.criteria = criteria
    }
}

/// `UNNEST(expr, ...) [WITH ORDINALITY]`; the alias comes from an enclosing `.aliased`.
public struct Unnest: Sendable, Hashable {
    /// The arrays or maps to expand.
    public var expressions: [Expression]
    /// Adds a 1-based position column.
    public var withOrdinality: Bool

    public init(expressions: [Expression], withOrdinality: Bool = false) {
        self.expressions = expressions
        self.withOrdinality = withOrdinality
    }
}
