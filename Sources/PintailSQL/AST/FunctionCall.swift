/// `IGNORE NULLS` / `RESPECT NULLS` after a window function's arguments.
public enum NullTreatment: String, Sendable, Hashable {
    case ignore = "IGNORE NULLS"
    case respect = "RESPECT NULLS"
}

/// A call `name([DISTINCT] args [ORDER BY ...]) [FILTER (WHERE ...)] [OVER ...]`.
public struct FunctionCall: Sendable, Hashable {
    /// The function name, possibly qualified.
    public var name: QualifiedName
    /// The arguments; empty for `count(*)` (see `isStar`).
    public var arguments: [Expression]
    /// `f(DISTINCT x)`.
    public var distinct: Bool
    /// `count(*)`.
    public var isStar: Bool
    /// `array_agg(x ORDER BY y)`.
    public var orderBy: [SortItem]
    /// `FILTER (WHERE condition)`.
    public var filter: Expression?
    /// `OVER (...)` or `OVER w`.
    public var window: WindowReference?
    /// `IGNORE NULLS` / `RESPECT NULLS`.
    public var nullTreatment: NullTreatment?
    /// Redshift's `APPROXIMATE COUNT(DISTINCT x)`: the caller asked for an approximate answer.
    public var approximate: Bool
    /// Where the name (or `APPROXIMATE`) starts.
    public var location: SourceLocation

    public init(
        name: QualifiedName, arguments: [Expression], distinct: Bool = false, isStar: Bool = false,
        orderBy: [SortItem] = [], filter: Expression? = nil, window: WindowReference? = nil,
        nullTreatment: NullTreatment? = nil, approximate: Bool = false, location: SourceLocation = .start
    ) {
        self.name = name
        self.arguments = arguments
        self.distinct = distinct
        self.isStar = isStar
        self.orderBy = orderBy
        self.filter = filter
        self.window = window
        self.nullTreatment = nullTreatment
        self.approximate = approximate
        self.location = location
    }
}

/// What follows `OVER`: a name from the `WINDOW` clause or an inline specification.
public enum WindowReference: Sendable, Hashable {
    /// `OVER w`.
    case named(Identifier)
    /// `OVER ( ... )`.
    case specification(WindowSpecification)
}

/// `([existing] [PARTITION BY ...] [ORDER BY ...] [frame])`.
public struct WindowSpecification: Sendable, Hashable {
    /// A window name this one extends: `OVER (w ORDER BY x)`.
    public var existingName: Identifier?
    /// `PARTITION BY` expressions.
    public var partitionBy: [Expression]
    /// `ORDER BY` items.
    public var orderBy: [SortItem]
    /// `ROWS|RANGE|GROUPS ...`.
    public var frame: WindowFrame?
    /// Where the opening parenthesis is.
    public var location: SourceLocation

    public init(
        existingName: Identifier? = nil, partitionBy: [Expression] = [], orderBy: [SortItem] = [],
        frame: WindowFrame? = nil, location: SourceLocation = .start
    ) {
        self.existingName = existingName
        self.partitionBy = partitionBy
        self.orderBy = orderBy
        self.frame = frame
        self.location = location
    }
}

/// The unit of a window frame.
public enum WindowFrameUnit: String, Sendable, Hashable {
    case rows = "ROWS"
    case range = "RANGE"
    case groups = "GROUPS"
}

/// One end of a window frame.
public enum FrameBound: Sendable, Hashable {
    case unboundedPreceding
    case preceding(Expression)
    case currentRow
    case following(Expression)
    case unboundedFollowing
}

/// `ROWS start` or `ROWS BETWEEN start AND end`.
public struct WindowFrame: Sendable, Hashable {
    /// ROWS, RANGE or GROUPS.
    public var unit: WindowFrameUnit
    /// The first bound.
    public var start: FrameBound
    /// The second bound of `BETWEEN`, nil for the one-bound form (which ends at CURRENT ROW).
    public var end: FrameBound?
    /// Where the unit keyword is.
    public var location: SourceLocation

    public init(unit: WindowFrameUnit, start: FrameBound, end: FrameBound?, location: SourceLocation = .start) {
        self.unit = unit
        self.start = start
        self.end = end
        self.location = location
    }
}
