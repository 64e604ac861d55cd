import PintailCore

/// One window function: `function(arguments) OVER (PARTITION BY ... ORDER BY ... frame)`. Expressions read the
/// window node's input fields.
public struct WindowCall: Sendable, Hashable {
    /// `row_number`, `rank`, `dense_rank`, `percent_rank`, `cume_dist`, `ntile`, `lag`, `lead`, `first_value`,
    /// `last_value`, `nth_value`, or the aggregates `count_star`, `count`, `sum`, `avg`, `min`, `max`.
    public var function: String
    public var arguments: [BoundExpr]
    public var partitionBy: [BoundExpr]
    public var orderBy: [SortKey]
    public var frame: WindowFrameSpec
    public var type: DataType

    public init(function: String, arguments: [BoundExpr], partitionBy: [BoundExpr], orderBy: [SortKey],
                frame: WindowFrameSpec, type: DataType) {
        self.function = function
        self.arguments = arguments
        self.partitionBy = partitionBy
        self.orderBy = orderBy
        self.frame = frame
        self.type = type
    }
}

/// A window frame with constant offsets. RANGE frames bound by peers (rows equal in the ORDER BY keys).
public struct WindowFrameSpec: Sendable, Hashable {
    public enum Unit: String, Sendable, Hashable { case rows = "ROWS", range = "RANGE" }
    public enum Bound: Sendable, Hashable {
        case unboundedPreceding
        case preceding(Int)
        case currentRow
        case following(Int)
        case unboundedFollowing
    }
    public var unit: Unit
    public var start: Bound
    public var end: Bound

    public init(unit: Unit, start: Bound, end: Bound) {
        self.unit = unit
        self.start = start
        self.end = end
    }

    /// SQL's default: RANGE UNBOUNDED PRECEDING to CURRENT ROW with ORDER BY, the whole partition without.
    public static func defaultFrame(ordered: Bool) -> WindowFrameSpec {
        WindowFrameSpec(unit: .range, start: .unboundedPreceding, end: ordered ? .currentRow : .unboundedFollowing)
    }
}

extension PlanPrinter {
    /// `f(args) OVER (PARTITION BY ... ORDER BY ... frame)`, columns by name.
    static func describeWindow(_ w: WindowCall, _ fields: [Field]) -> String {
        var spec: [String] = []
        if !w.partitionBy.isEmpty { spec.append("PARTITION BY " + w.partitionBy.map { describe($0, fields) }.joined(separator: ", ")) }
        if !w.orderBy.isEmpty {
            spec.append("ORDER BY " + w.orderBy.map { describe($0.expression, fields) + ($0.ascending ? "" : " DESC") }.joined(separator: ", "))
        }
        func bound(_ b: WindowFrameSpec.Bound) -> String {
            switch b {
            case .unboundedPreceding: return "UNBOUNDED PRECEDING"
            case .preceding(let n): return "\(n) PRECEDING"
            case .currentRow: return "CURRENT ROW"
            case .following(let n): return "\(n) FOLLOWING"
            case .unboundedFollowing: return "UNBOUNDED FOLLOWING"
            }
        }
        spec.append("\(w.frame.unit.rawValue) BETWEEN \(bound(w.frame.start)) AND \(bound(w.frame.end))")
        let args = w.arguments.map { describe($0, fields) }.joined(separator: ", ")
        return "\(w.function)(\(args)) OVER (\(spec.joined(separator: " ")))"
    }
}
