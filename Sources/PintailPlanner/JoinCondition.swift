import PintailCore

/// How a join treats rows without a partner.
public enum JoinKind: String, Sendable, Hashable {
    case inner = "Inner"
    /// Every left row; right columns NULL where nothing matched.
    case left = "Left"
    case right = "Right"
    case full = "Full"
    /// Left rows with at least one match (EXISTS, IN): left columns only.
    case semi = "Semi"
    /// Left rows with no match (NOT EXISTS): left columns only.
    case anti = "Anti"

    /// Whether the output carries the right input's columns.
    public var keepsRight: Bool { self != .semi && self != .anti }
    /// Whether unmatched left rows are kept (NULL-extended).
    public var preservesLeft: Bool { self == .left || self == .full }
    public var preservesRight: Bool { self == .right || self == .full }
}

/// One equality of a join's key: `left` reads the left input's fields, `right` the right input's, both of the
/// same type. NULL never equals NULL here.
public struct JoinKeyPair: Sendable, Hashable {
    public var left: BoundExpr
    public var right: BoundExpr
    public init(left: BoundExpr, right: BoundExpr) {
        self.left = left
        self.right = right
    }
}

/// What a join matches on: equality keys (hashed) and a residual predicate over the concatenated left and right
/// fields that a key match must also pass. No keys and no residual is a cross join.
public struct JoinCondition: Sendable, Hashable {
    public var kind: JoinKind
    public var keys: [JoinKeyPair]
    public var residual: BoundExpr?
    /// Semi and anti joins: hash the left input and stream the right one through it (the planner sets this when
    /// the left input is the smaller, e.g. 57,000 orders against millions of line items in TPC-H Q4).
    public var buildLeft: Bool

    public init(kind: JoinKind, keys: [JoinKeyPair] = [], residual: BoundExpr? = nil, buildLeft: Bool = false) {
        self.kind = kind
        self.keys = keys
        self.residual = residual
        self.buildLeft = buildLeft
    }
}
