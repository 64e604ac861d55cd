import PintailCore

/// A relational plan: each node produces rows with the `fields` it reports; expressions index into the node's
/// input's fields.
public indirect enum LogicalPlan: Sendable {
    case scan(Scan)
    /// Literal rows (VALUES, or a SELECT without FROM: one row, no columns).
    case values(rows: [[BoundExpr]], fields: [Field])
    case filter(LogicalPlan, predicate: BoundExpr)
    case project(LogicalPlan, expressions: [BoundExpr], fields: [Field])
    /// Output: the group keys, then the aggregates.
    case aggregate(LogicalPlan, keys: [BoundExpr], aggregates: [AggregateCall], fields: [Field])
    case sort(LogicalPlan, keys: [SortKey])
    case limit(LogicalPlan, offset: Int, count: Int?)
    /// UNION ALL of inputs with the same fields.
    case unionAll([LogicalPlan], fields: [Field])
    /// Left and right inputs matched by `condition`. Output: left fields then right fields (left only for semi and
    /// anti joins).
    case join(LogicalPlan, LogicalPlan, JoinCondition)
    /// Window functions over the input. Output: the input's fields, then one column per function.
    case window(LogicalPlan, functions: [WindowCall])
    /// A WITH query referenced more than once: every reference holds the same instance, and it is computed once
    /// per statement. Rules treat it as a leaf (its plan is optimized on its own).
    case shared(SharedSubplan)

    public var fields: [Field] {
        switch self {
        case .scan(let s): return s.outputFields
        case .values(_, let f), .project(_, _, let f), .aggregate(_, _, _, let f), .unionAll(_, let f): return f
        case .filter(let input, _), .sort(let input, _), .limit(let input, _, _): return input.fields
        case .join(let left, let right, let c): return c.kind.keepsRight ? left.fields + right.fields : left.fields
        case .window(let input, let functions):
            return input.fields + functions.indices.map { Field(name: "_window\($0)", type: functions[$0].type) }
        case .shared(let s): return s.plan.fields
        }
    }
}

/// One computed-once subplan (see `LogicalPlan.shared`). Its identity is the instance: references to the same WITH
/// query hold the same object.
public final class SharedSubplan: Sendable {
    /// The WITH query's name, for EXPLAIN.
    public let name: String
    public let plan: LogicalPlan

    public init(name: String, plan: LogicalPlan) {
        self.name = name
        self.plan = plan
    }
}

/// Reading a table: which columns, and which predicates the scan may use to skip partitions, files and row groups.
public struct Scan: Sendable {
    public var table: TableHandle
    /// Indices into `table.schema` of the columns produced, in output order.
    public var columns: [Int]
    /// Conjuncts over the output columns that the scan may use to skip data; the rows it returns still pass
    /// through a Filter above it.
    public var pushedPredicates: [BoundExpr]
    /// The partitions to read (all of the table's, until partition pruning narrows them).
    public var partitions: [PartitionHandle]?
    public var alias: String?
    /// Rows and bytes of all the table's files (every catalog partition), measured when a rule first asks; nil
    /// when unknown. For estimates only.
    public var measures: TableMeasures?
    public var tableRows: Double? { measures?.rows }
    public var tableBytes: Double? { measures?.bytes }

    public init(table: TableHandle, columns: [Int], alias: String? = nil, measures: TableMeasures? = nil) {
        self.table = table
        self.columns = columns
        self.pushedPredicates = []
        self.partitions = nil
        self.alias = alias
        self.measures = measures
    }

    public var outputFields: [Field] {
        let schema = table.schema
        return columns.map { Field(name: schema[$0].name, type: schema[$0].type, qualifier: alias ?? table.name) }
    }
}
