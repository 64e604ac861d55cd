import PintailCore
import PintailSQL

extension ExpressionBinder {
    /// Column numbers at and above this stand for collected window functions (see `windows`).
    static let windowMarker = 1 << 40

    static let rankingFunctions: Set<String> = ["row_number", "rank", "dense_rank", "percent_rank", "cume_dist"]
    static let windowAggregates: Set<String> = ["count", "sum", "avg", "min", "max"]

    /// `f(args) OVER (PARTITION BY ... ORDER BY ... frame)`: collected into `windows`, replaced by a column reference.
    mutating func bindWindow(_ call: FunctionCall, name: String, at location: SourceLocation) throws -> BoundExpr {
        guard let collected = windows else {
            throw SemanticError("Window functions are not allowed here", at: location)
        }
        guard case .specification(let spec)? = call.window, spec.existingName == nil else {
            throw SemanticError("Named windows (OVER w) are not supported yet", at: location)
        }
        if call.distinct || call.filter != nil || !call.orderBy.isEmpty {
            throw SemanticError("DISTINCT, FILTER and ORDER BY are not supported in window function '\(name)'", at: location)
        }
        if call.nullTreatment == .ignore {
            throw SemanticError("IGNORE NULLS is not supported yet", at: location)
        }
        // Arguments and the specification are bound with windows disallowed: they cannot nest.
        windows = nil
        let args = try call.arguments.map { try bind($0) }
        let partitionBy = try spec.partitionBy.map { try bind($0) }
        let orderBy = try spec.orderBy.map { item in
            SortKey(expression: try bind(item.expression), ascending: item.ordering != .descending,
                    nullsFirst: item.nullOrdering == .first)
        }
        windows = collected
        let (function, arguments, type) = try windowSignature(name, call, args, at: location)
        let frame = try spec.frame.map(windowFrame) ?? .defaultFrame(ordered: !orderBy.isEmpty)
        let w = WindowCall(function: function, arguments: arguments, partitionBy: partitionBy, orderBy: orderBy,
                           frame: frame, type: type)
        if let existing = collected.firstIndex(of: w) { return .column(Self.windowMarker + existing, type) }
        windows = collected + [w]
        return .column(Self.windowMarker + collected.count, type)
    }

    /// The canonical function name, coerced arguments and result type.
    private func windowSignature(_ name: String, _ call: FunctionCall, _ args: [BoundExpr],
                                 at location: SourceLocation) throws -> (String, [BoundExpr], DataType) {
        func arity(_ range: ClosedRange<Int>) throws {
            guard range.contains(args.count) else {
                let n = range.lowerBound == range.upperBound ? "\(range.lowerBound)" : "\(range.lowerBound) to \(range.upperBound)"
                throw SemanticError("Window function '\(name)' takes \(n) argument\(range.upperBound == 1 ? "" : "s"), not \(args.count)", at: location)
            }
        }
        func integer(_ i: Int) throws -> BoundExpr {
            guard args[i].type.isInteger || args[i].type == .unknown else {
                throw SemanticError("Argument \(i + 1) of '\(name)' must be an integer, not \(args[i].type)", at: call.arguments[i].location)
            }
            return coerce(args[i], to: .bigint)
        }
        switch name {
        case _ where Self.rankingFunctions.contains(name):
            try arity(0...0)
            return (name, [], name == "percent_rank" || name == "cume_dist" ? .double : .bigint)
        case "ntile":
            try arity(1...1)
            return (name, [try integer(0)], .bigint)
        case "lag", "lead":
            try arity(1...3)
            var t = args[0].type
            var out = [args[0], args.count > 1 ? try integer(1) : .literal(.int(1), .bigint)]
            if args.count == 3 {
                guard let c = TypeResolution.commonSuperType(t, args[2].type) else {
                    throw SemanticError("The default of '\(name)' must have the type of its value: \(t), not \(args[2].type)", at: call.arguments[2].location)
                }
                t = c
                out[0] = coerce(args[0], to: t)
                out.append(coerce(args[2], to: t))
            }
            return (name, out, t)
        case "first_value", "last_value":
            try arity(1...1)
            return (name, args, args[0].type)
        case "nth_value":
            try arity(2...2)
            return (name, [args[0], try integer(1)], args[0].type)
        case _ where Self.windowAggregates.contains(name):
            if name == "count" && call.isStar { return ("count_star", [], .bigint) }
            try arity(1...1)
            guard let t = FunctionTyping.aggregateType(name, args[0].type), args[0].type != .unknown || name == "count" else {
                throw SemanticError("Unexpected parameters (\(args[0].type)) for function \(name)", at: location)
            }
            let arg = (name == "sum" || name == "avg") && args[0].type.isInteger ? coerce(args[0], to: .bigint) : args[0]
            return (name, [arg], t)
        case _ where FunctionTyping.aggregates.contains(name):
            throw SemanticError("Aggregate '\(name)' is not supported as a window function yet", at: location)
        default:
            throw SemanticError("Function '\(name)' is not a window function", at: location)
        }
    }

    /// ROWS frames with constant offsets; RANGE frames bounded by UNBOUNDED or CURRENT ROW (peers).
    private func windowFrame(_ f: WindowFrame) throws -> WindowFrameSpec {
        guard f.unit != .groups else { throw SemanticError("GROUPS frames are not supported yet", at: f.location) }
        func bound(_ b: FrameBound) throws -> WindowFrameSpec.Bound {
            func offset(_ e: Expression) throws -> Int {
                guard f.unit == .rows else {
                    throw SemanticError("RANGE frames with offsets are not supported yet; use ROWS", at: e.location)
                }
                guard case .literal(.integer(let text)) = e.kind, let n = Int(text), n >= 0, n <= Int(Int32.max) else {
                    throw SemanticError("Window frame offset must be a non-negative integer constant", at: e.location)
                }
                return n
            }
            switch b {
            case .unboundedPreceding: return .unboundedPreceding
            case .preceding(let e): return .preceding(try offset(e))
            case .currentRow: return .currentRow
            case .following(let e): return .following(try offset(e))
            case .unboundedFollowing: return .unboundedFollowing
            }
        }
        let start = try bound(f.start), end = try bound(f.end ?? .currentRow)
        func rank(_ b: WindowFrameSpec.Bound) -> Int {
            switch b {
            case .unboundedPreceding: return 0
            case .preceding: return 1
            case .currentRow: return 2
            case .following: return 3
            case .unboundedFollowing: return 4
            }
        }
        if start == .unboundedFollowing {
            throw SemanticError("Window frame start cannot be UNBOUNDED FOLLOWING", at: f.location)
        }
        if end == .unboundedPreceding {
            throw SemanticError("Window frame end cannot be UNBOUNDED PRECEDING", at: f.location)
        }
        if rank(start) > rank(end) {
            throw SemanticError("Window frame cannot start after it ends", at: f.location)
        }
        return WindowFrameSpec(unit: f.unit == .rows ? .rows : .range, start: start, end: end)
    }
}
