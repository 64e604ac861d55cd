import PintailCore

/// A typed expression over the columns of a plan node's input. Operators and functions are `call`s by canonical
/// name (`$add`, `$eq`, `lower`, ...); the executor picks a kernel for the name and argument types once, at plan time.
public indirect enum BoundExpr: Sendable, Hashable {
    /// Input column `index`.
    case column(Int, DataType)
    case literal(Value, DataType)
    case call(String, [BoundExpr], DataType)
    case cast(BoundExpr, DataType, isTry: Bool)
    /// Three-valued AND / OR over all operands.
    case and([BoundExpr])
    case or([BoundExpr])
    case not(BoundExpr)
    case isNull(BoundExpr)
    /// Searched CASE: the first true condition's result, else `otherwise` (NULL when absent).
    case caseWhen([CaseArm], otherwise: BoundExpr?, DataType)
    /// The first non-NULL operand.
    case coalesce([BoundExpr], DataType)
    /// `x IN (a, b, ...)` with three-valued semantics.
    case inList(BoundExpr, [BoundExpr])

    public var type: DataType {
        switch self {
        case .column(_, let t), .literal(_, let t), .call(_, _, let t), .cast(_, let t, _), .caseWhen(_, _, let t),
             .coalesce(_, let t):
            return t
        case .and, .or, .not, .isNull, .inList: return .boolean
        }
    }

    public var isLiteral: Bool { if case .literal = self { return true } else { return false } }

    /// Every input column this expression reads.
    public func collectColumns(into set: inout Set<Int>) {
        switch self {
        case .column(let i, _): set.insert(i)
        case .literal: break
        case .call(_, let args, _), .and(let args), .or(let args), .coalesce(let args, _):
            for a in args { a.collectColumns(into: &set) }
        case .cast(let e, _, _), .not(let e), .isNull(let e): e.collectColumns(into: &set)
        case .caseWhen(let arms, let otherwise, _):
            for arm in arms { arm.condition.collectColumns(into: &set); arm.result.collectColumns(into: &set) }
            otherwise?.collectColumns(into: &set)
        case .inList(let e, let list):
            e.collectColumns(into: &set)
            for a in list { a.collectColumns(into: &set) }
        }
    }

    /// The same expression with every column index passed through `map`.
    public func remapColumns(_ map: (Int) -> Int) -> BoundExpr {
        switch self {
        case .column(let i, let t): return .column(map(i), t)
        case .literal: return self
        case .call(let n, let args, let t): return .call(n, args.map { $0.remapColumns(map) }, t)
        case .cast(let e, let t, let isTry): return .cast(e.remapColumns(map), t, isTry: isTry)
        case .and(let args): return .and(args.map { $0.remapColumns(map) })
        case .or(let args): return .or(args.map { $0.remapColumns(map) })
        case .not(let e): return .not(e.remapColumns(map))
        case .isNull(let e): return .isNull(e.remapColumns(map))
        case .caseWhen(let arms, let otherwise, let t):
            return .caseWhen(arms.map { CaseArm(condition: $0.condition.remapColumns(map), result: $0.result.remapColumns(map)) },
                             otherwise: otherwise?.remapColumns(map), t)
        case .coalesce(let args, let t): return .coalesce(args.map { $0.remapColumns(map) }, t)
        case .inList(let e, let list): return .inList(e.remapColumns(map), list.map { $0.remapColumns(map) })
        }
    }
}

public struct CaseArm: Sendable, Hashable {
    public var condition: BoundExpr
    public var result: BoundExpr
    public init(condition: BoundExpr, result: BoundExpr) {
        self.condition = condition
        self.result = result
    }
}

/// One aggregate computed by an Aggregate node.
public struct AggregateCall: Sendable, Hashable {
    /// `count_star`, `count`, `sum`, `avg`, `min`, `max`, `approx_distinct`, ...
    public var function: String
    public var arguments: [BoundExpr]
    public var distinct: Bool
    public var type: DataType
    public init(function: String, arguments: [BoundExpr], distinct: Bool, type: DataType) {
        self.function = function
        self.arguments = arguments
        self.distinct = distinct
        self.type = type
    }
}

public struct SortKey: Sendable, Hashable {
    public var expression: BoundExpr
    public var ascending: Bool
    public var nullsFirst: Bool
    public init(expression: BoundExpr, ascending: Bool, nullsFirst: Bool) {
        self.expression = expression
        self.ascending = ascending
        self.nullsFirst = nullsFirst
    }
}
