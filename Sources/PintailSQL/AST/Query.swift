/// A full query: `[WITH ...] body [ORDER BY ...] [OFFSET n] [LIMIT n | FETCH FIRST n ROWS ONLY]`.
public struct Query: Sendable, Hashable {
    /// The `WITH` clause.
    public var with: With?
    /// The SELECT, set operation, VALUES or parenthesized query.
    public var body: QueryBody
    /// `ORDER BY` items applying to the whole body.
    public var orderBy: [SortItem]
    /// `OFFSET n [ROW|ROWS]`.
    public var offset: Expression?
    /// `LIMIT n`, `LIMIT ALL` or `FETCH FIRST n ROWS ONLY|WITH TIES`.
    public var limit: Limit?
    /// Where the query starts.
    public var location: SourceLocation

    public init(
        with: With? = nil, body: QueryBody, orderBy: [SortItem] = [], offset: Expression? = nil, limit: Limit? = nil,
        location: SourceLocation = .start
    ) {
        self.with = with
        self.body = body
        self.orderBy = orderBy
        self.offset = offset
        self.limit = limit
        self.location = location
    }
}

/// `WITH [RECURSIVE] name [(columns)] AS (query), ...`.
public struct With: Sendable, Hashable {
    /// `WITH RECURSIVE`.
    public var recursive: Bool
    /// The named queries in order.
    public var queries: [WithQuery]

    public init(recursive: Bool = false, queries: [WithQuery]) {
        self.recursive = recursive
        self.queries = queries
    }
}

/// One common table expression.
public struct WithQuery: Sendable, Hashable {
    /// Its name.
    public var name: Identifier
    /// Optional column names `name (a, b) AS (...)`.
    public var columnNames: [Identifier]?
    /// Its query.
    public var query: Query
    /// Where the name is.
    public var location: SourceLocation

    public init(name: Identifier, columnNames: [Identifier]? = nil, query: Query, location: SourceLocation = .start) {
        self.name = name
        self.columnNames = columnNames
        self.query = query
        self.location = location
    }
}

/// How many rows to return.
public struct Limit: Sendable, Hashable {
    /// Which syntax was used.
    public enum Style: Sendable, Hashable {
        /// `LIMIT n` / `LIMIT ALL`.
        case limit
        /// `FETCH FIRST|NEXT [n] ROW|ROWS ONLY|WITH TIES`.
        case fetchFirst
    }
    /// LIMIT or FETCH FIRST.
    public var style: Style
    /// The row count; nil for `LIMIT ALL` (no limit) and for `FETCH FIRST ROW ONLY` (one row).
    public var count: Expression?
    /// `FETCH FIRST ... WITH TIES`.
    public var withTies: Bool
    /// Where LIMIT or FETCH is.
    public var location: SourceLocation

    public init(style: Style = .limit, count: Expression?, withTies: Bool = false, location: SourceLocation = .start) {
        self.style = style
        self.count = count
        self.withTies = withTies
        self.location = location
    }
}

/// The part of a query between WITH and ORDER BY.
public indirect enum QueryBody: Sendable, Hashable {
    /// `SELECT ...`.
    case select(QuerySpecification)
    /// `left UNION|INTERSECT|EXCEPT [ALL|DISTINCT] right`.
    case setOperation(SetOperation)
    /// `VALUES row, row, ...`.
    case values(Values)
    /// `TABLE name`.
    case table(QualifiedName)
    /// `( query )`, which may carry its own WITH, ORDER BY and LIMIT.
    case parenthesized(Query)
}

/// Set operator kinds.
public enum SetOperator: String, Sendable, Hashable {
    case union = "UNION"
    case intersect = "INTERSECT"
    case except = "EXCEPT"
}

/// `left op [ALL|DISTINCT] right`.
public struct SetOperation: Sendable, Hashable {
    /// UNION, INTERSECT or EXCEPT.
    public var op: SetOperator
    /// True for `ALL`; false for DISTINCT (the default).
    public var all: Bool
    /// True when `DISTINCT` was written explicitly (kept for printing).
    public var explicitDistinct: Bool
    /// Left input.
    public var left: QueryBody
    /// Right input.
    public var right: QueryBody
    /// Where the operator keyword is.
    public var location: SourceLocation

    public init(
        op: SetOperator, all: Bool, explicitDistinct: Bool = false, left: QueryBody, right: QueryBody,
        location: SourceLocation = .start
    ) {
        self.op = op
        self.all = all
        self.explicitDistinct = explicitDistinct
        self.left = left
        self.right = right
        self.location = location
    }
}

/// `VALUES (1, 'a'), (2, 'b')` or `VALUES 1, 2`; each row is one expression (`.row` for tuples).
public struct Values: Sendable, Hashable {
    /// The rows.
    public var rows: [Expression]
    /// Where VALUES is.
    public var location: SourceLocation

    public init(rows: [Expression], location: SourceLocation = .start) {
        self.rows = rows
        self.location = location
    }
}

/// A `SELECT` block.
public struct QuerySpecification: Sendable, Hashable {
    /// `SELECT DISTINCT`.
    public var distinct: Bool
    /// The select list.
    public var selectItems: [SelectItem]
    /// The FROM clause: one relation (comma joins become `.join` with type `.implicit`).
    public var from: Relation?
    /// `WHERE`.
    public var whereClause: Expression?
    /// `GROUP BY`.
    public var groupBy: GroupBy?
    /// `HAVING`.
    public var having: Expression?
    /// `WINDOW name AS (spec), ...`.
    public var windows: [NamedWindow]
    /// Where SELECT is.
    public var location: SourceLocation

    public init(
        distinct: Bool = false, selectItems: [SelectItem], from: Relation? = nil, whereClause: Expression? = nil,
        groupBy: GroupBy? = nil, having: Expression? = nil, windows: [NamedWindow] = [],
        location: SourceLocation = .start
    ) {
        self.distinct = distinct
        self.selectItems = selectItems
        self.from = from
        self.whereClause = whereClause
        self.groupBy = groupBy
        self.having = having
        self.windows = windows
        self.location = location
    }
}

/// `WINDOW name AS (spec)`.
public struct NamedWindow: Sendable, Hashable {
    /// The window's name.
    public var name: Identifier
    /// Its definition.
    public var specification: WindowSpecification

    public init(name: Identifier, specification: WindowSpecification) {
        self.name = name
        self.specification = specification
    }
}

/// One entry of the select list.
public enum SelectItem: Sendable, Hashable {
    /// `expr [[AS] alias]`.
    case expression(Expression, alias: Identifier?)
    /// `*` (prefix nil) or `t.*` / `db.t.*`.
    case allColumns(prefix: QualifiedName?, location: SourceLocation)
}

/// Sort direction.
public enum SortOrdering: String, Sendable, Hashable {
    case ascending = "ASC"
    case descending = "DESC"
}

/// Where NULLs sort.
public enum NullOrdering: String, Sendable, Hashable {
    case first = "NULLS FIRST"
    case last = "NULLS LAST"
}

/// `expr [ASC|DESC] [NULLS FIRST|LAST]`.
public struct SortItem: Sendable, Hashable {
    /// The sort key (an integer literal means a select-list ordinal).
    public var expression: Expression
    /// ASC/DESC if written.
    public var ordering: SortOrdering?
    /// NULLS FIRST/LAST if written.
    public var nullOrdering: NullOrdering?

    public init(expression: Expression, ordering: SortOrdering? = nil, nullOrdering: NullOrdering? = nil) {
        self.expression = expression
        self.ordering = ordering
        self.nullOrdering = nullOrdering
    }

    /// Where the sort key starts.
    public var location: SourceLocation { expression.location }
}

/// `GROUP BY [ALL|DISTINCT] element, ...`.
public struct GroupBy: Sendable, Hashable {
    /// `GROUP BY DISTINCT` (drops duplicate grouping sets).
    public var distinct: Bool
    /// The elements.
    public var elements: [GroupingElement]
    /// Where GROUP is.
    public var location: SourceLocation

    public init(distinct: Bool = false, elements: [GroupingElement], location: SourceLocation = .start) {
        self.distinct = distinct
        self.elements = elements
        self.location = location
    }
}

/// One element of GROUP BY.
public enum GroupingElement: Sendable, Hashable {
    /// A plain expression (an integer literal means a select-list ordinal).
    case expression(Expression)
    /// `ROLLUP (a, b)`.
    case rollup([Expression])
    /// `CUBE (a, b)`.
    case cube([Expression])
    /// `GROUPING SETS ((a, b), (a), ())`.
    case groupingSets([[Expression]])
    /// `()`: the empty grouping set.
    case empty
}
