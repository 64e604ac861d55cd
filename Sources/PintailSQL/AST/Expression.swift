/// An expression node: what it is (`kind`) and where it starts in the SQL text.
public struct Expression: Sendable, Hashable {
    /// The expression itself.
    public var kind: ExpressionKind
    /// Where the expression starts (for binary operators: the left operand's start).
    public var location: SourceLocation

    public init(_ kind: ExpressionKind, location: SourceLocation = .start) {
        self.kind = kind
        self.location = location
    }
}

/// Arithmetic sign operators.
public enum UnaryOperator: String, Sendable, Hashable {
    case plus = "+"
    case minus = "-"
}

/// Binary operators, from `OR` (loosest) to `*` (tightest); the raw value is the canonical SQL spelling.
public enum BinaryOperator: String, Sendable, Hashable {
    case or = "OR"
    case and = "AND"
    case equal = "="
    case notEqual = "<>"
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case concatenate = "||"
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
    case modulo = "%"

    /// True for `= <> < <= > >=`.
    public var isComparison: Bool {
        switch self {
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: true
        default: false
        }
    }
}

/// `ALL`, `ANY` or `SOME` in `x > ALL (subquery)`.
public enum ComparisonQuantifier: String, Sendable, Hashable {
    case all = "ALL"
    case any = "ANY"
    case some = "SOME"
}

/// Niladic date/time functions written without parentheses.
public enum CurrentTimeFunction: String, Sendable, Hashable {
    case currentDate = "CURRENT_DATE"
    case currentTime = "CURRENT_TIME"
    case currentTimestamp = "CURRENT_TIMESTAMP"
    case localTime = "LOCALTIME"
    case localTimestamp = "LOCALTIMESTAMP"
}

/// Every kind of expression in the dialect.
public indirect enum ExpressionKind: Sendable, Hashable {
    /// A constant.
    case literal(Literal)
    /// A bare name: a column, a lambda parameter or a table alias (the binder decides).
    case identifier(Identifier)
    /// `base.field`: a qualified column (`t.col`) or a row field.
    case dereference(base: Expression, field: Identifier)
    /// `base[index]` on an array or map.
    case subscriptAccess(base: Expression, index: Expression)
    /// `-x` or `+x`.
    case unary(UnaryOperator, Expression)
    /// `left op right` for arithmetic, comparison, `||`, `AND` and `OR`.
    case binary(BinaryOperator, Expression, Expression)
    /// `NOT x`.
    case not(Expression)
    /// `x IS [NOT] NULL`.
    case isNull(Expression, negated: Bool)
    /// `x IS [NOT] DISTINCT FROM y`.
    case isDistinctFrom(Expression, Expression, negated: Bool)
    /// `x [NOT] BETWEEN low AND high`.
    case between(Expression, low: Expression, high: Expression, negated: Bool)
    /// `x [NOT] IN (a, b, ...)`.
    case inList(Expression, [Expression], negated: Bool)
    /// `x [NOT] IN (subquery)`.
    case inSubquery(Expression, Query, negated: Bool)
    /// `x [NOT] LIKE pattern [ESCAPE escape]`.
    case like(Expression, pattern: Expression, escape: Expression?, negated: Bool)
    /// `x op ALL|ANY|SOME (subquery)`.
    case quantifiedComparison(BinaryOperator, ComparisonQuantifier, Expression, Query)
    /// A function call, possibly an aggregate or window function.
    case function(FunctionCall)
    /// `CAST(x AS type)` or `TRY_CAST(x AS type)`.
    case cast(Expression, type: TypeSyntax, isTry: Bool)
    /// `CASE [operand] WHEN ... THEN ... [ELSE ...] END`.
    case caseWhen(CaseExpression)
    /// `EXTRACT(field FROM x)`; the field stays an identifier (`year`, `dow`, `timezone_hour`, ...).
    case extract(field: Identifier, from: Expression)
    /// `ARRAY[a, b, ...]`.
    case array([Expression])
    /// `ROW(a, b, ...)` or a parenthesized list `(a, b)`.
    case row([Expression])
    /// `EXISTS (subquery)`.
    case exists(Query)
    /// A scalar subquery `(SELECT ...)`.
    case subquery(Query)
    /// `x -> body` or `(x, y) -> body`.
    case lambda(parameters: [Identifier], body: Expression)
    /// `CURRENT_DATE`, `CURRENT_TIMESTAMP[(p)]`, `LOCALTIMESTAMP[(p)]`, ...
    case currentTime(CurrentTimeFunction, precision: Int?)
    /// `x AT TIME ZONE zone` (zone is a string expression or an interval).
    case atTimeZone(Expression, zone: Expression)
}

/// `CASE` in both forms: simple (`operand` present) and searched.
public struct CaseExpression: Sendable, Hashable {
    /// The value compared in `CASE x WHEN 1 THEN ...`; nil for `CASE WHEN cond THEN ...`.
    public var operand: Expression?
    /// The `WHEN ... THEN ...` arms in order.
    public var whenClauses: [WhenClause]
    /// The `ELSE` result, if written.
    public var elseResult: Expression?

    public init(operand: Expression?, whenClauses: [WhenClause], elseResult: Expression?) {
        self.operand = operand
        self.whenClauses = whenClauses
        self.elseResult = elseResult
    }
}

/// One `WHEN condition THEN result` arm.
public struct WhenClause: Sendable, Hashable {
    /// The condition (searched CASE) or the value compared with the operand (simple CASE).
    public var condition: Expression
    /// The result when it matches.
    public var result: Expression
    /// Where `WHEN` is.
    public var location: SourceLocation

    public init(condition: Expression, result: Expression, location: SourceLocation = .start) {
        self.condition = condition
        self.result = result
        self.location = location
    }
}
