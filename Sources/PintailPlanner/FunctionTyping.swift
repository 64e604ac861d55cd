import PintailCore

/// Return types of the scalar functions Pintail knows, and the argument types they take (Presto semantics).
/// The executor's kernel registry must implement every name listed here; a test keeps the two in step.
public enum FunctionTyping {
    /// A resolved call: the argument types to coerce to and the result type.
    public struct Resolution {
        public var argumentTypes: [DataType]
        public var returnType: DataType
    }

    /// Names of the aggregate functions.
    public static let aggregates: Set<String> = [
        "count", "sum", "avg", "min", "max", "approx_distinct", "count_if", "bool_and", "bool_or", "arbitrary",
        "any_value", "every", "approx_set", "merge",
    ]

    public static let scalarNames: [String] = [
        "lower", "upper", "length", "substr", "substring", "concat", "replace", "trim", "ltrim", "rtrim", "split_part",
        "strpos", "split", "cardinality", "round", "abs", "floor", "ceil", "ceiling", "date", "year", "month", "day",
        "date_parse", "reverse", "starts_with", "nullif", "if", "sign", "sqrt", "power", "pow", "ln", "exp", "mod",
        "greatest", "least", "day_of_week", "dow", "quarter", "date_format", "date_add", "date_diff", "to_unixtime",
        "from_unixtime", "position", "lpad", "rpad", "element_at", "contains", "array_join", "regexp_like",
        "day_of_year", "doy", "hour", "minute", "second", "week", "year_of_week", "last_day_of_month", "date_trunc",
        "chr", "codepoint", "truncate", "log10", "log2", "is_nan", "nan", "infinity", "pi", "e", "rand", "random",
        "empty_approx_set",
    ]

    /// Resolves `name(args)`, or returns nil when the function exists but not for these argument types.
    public static func resolve(_ name: String, _ args: [DataType]) -> Resolution? {
        let n = args.count
        func r(_ a: [DataType], _ t: DataType) -> Resolution { Resolution(argumentTypes: a, returnType: t) }
        let string = DataType.string
        switch (name, n) {
        case ("lower", 1), ("upper", 1), ("trim", 1), ("ltrim", 1), ("rtrim", 1), ("reverse", 1):
            guard args[0].isString || args[0] == .unknown else { return nil }
            return r([string], string)
        case ("length", 1):
            guard args[0].isString || args[0] == .unknown else { return nil }
            return r([string], .bigint)
        case ("substr", 2), ("substring", 2):
            guard isStringLike(args[0]), isIntegerLike(args[1]) else { return nil }
            return r([string, .bigint], string)
        case ("substr", 3), ("substring", 3):
            guard isStringLike(args[0]), isIntegerLike(args[1]), isIntegerLike(args[2]) else { return nil }
            return r([string, .bigint, .bigint], string)
        case ("concat", _) where n >= 1:
            if args.allSatisfy({ isStringLike($0) }) { return r(Array(repeating: string, count: n), string) }
            return nil
        case ("replace", 2):
            guard isStringLike(args[0]), isStringLike(args[1]) else { return nil }
            return r([string, string], string)
        case ("replace", 3):
            guard args.allSatisfy(isStringLike) else { return nil }
            return r([string, string, string], string)
        case ("split_part", 3):
            guard isStringLike(args[0]), isStringLike(args[1]), isIntegerLike(args[2]) else { return nil }
            return r([string, string, .bigint], string)
        case ("strpos", 2), ("position", 2):
            guard isStringLike(args[0]), isStringLike(args[1]) else { return nil }
            return r([string, string], .bigint)
        case ("starts_with", 2):
            guard isStringLike(args[0]), isStringLike(args[1]) else { return nil }
            return r([string, string], .boolean)
        case ("split", 2):
            guard isStringLike(args[0]), isStringLike(args[1]) else { return nil }
            return r([string, string], .array(string))
        case ("cardinality", 1):
            if case .array = args[0] { return r(args, .bigint) }
            if case .map = args[0] { return r(args, .bigint) }
            if args[0] == .hyperLogLog { return r(args, .bigint) }
            return nil
        case ("element_at", 2):
            if case .array(let e) = args[0], isIntegerLike(args[1]) { return r([args[0], .bigint], e) }
            return nil
        case ("array_join", 2):
            if case .array = args[0], isStringLike(args[1]) { return r([.array(string), string], string) }
            return nil
        case ("contains", 2):
            if case .array(let e) = args[0], let t = TypeResolution.commonSuperType(e, args[1]) {
                return r([.array(t), t], .boolean)
            }
            return nil
        case ("abs", 1), ("sign", 1):
            guard args[0].isNumeric else { return nil }
            return r(args, args[0])
        case ("round", 1), ("floor", 1), ("ceil", 1), ("ceiling", 1), ("truncate", 1):
            guard args[0].isNumeric || args[0] == .unknown else { return nil }
            if case .decimal(let p, let s) = args[0] {
                return r(args, .decimal(precision: max(1, p - s + (s > 0 ? 1 : 0)), scale: 0))
            }
            return r(args, args[0] == .unknown ? .double : args[0])
        case ("round", 2):
            guard args[0].isNumeric, isIntegerLike(args[1]) else { return nil }
            return r([args[0], .integer], args[0])
        case ("sqrt", 1), ("ln", 1), ("exp", 1), ("log10", 1), ("log2", 1):
            guard args[0].isNumeric else { return nil }
            return r([.double], .double)
        case ("power", 2), ("pow", 2):
            guard args[0].isNumeric, args[1].isNumeric else { return nil }
            return r([.double, .double], .double)
        case ("mod", 2):
            guard let t = TypeResolution.commonSuperType(args[0], args[1]), t.isNumeric else { return nil }
            return r([t, t], t)
        case ("is_nan", 1):
            guard args[0].isNumeric else { return nil }
            return r([.double], .boolean)
        case ("empty_approx_set", 0): return r([], .hyperLogLog)
        case ("nan", 0), ("infinity", 0), ("pi", 0), ("e", 0), ("rand", 0), ("random", 0): return r([], .double)
        case ("greatest", _) where n >= 1, ("least", _) where n >= 1:
            var t = args[0]
            for a in args.dropFirst() { guard let c = TypeResolution.commonSuperType(t, a) else { return nil }; t = c }
            return r(Array(repeating: t, count: n), t)
        case ("date", 1):
            switch args[0] {
            case .varchar, .char, .unknown: return r([string], .date)
            case .timestamp, .date: return r(args, .date)
            default: return nil
            }
        case ("year", 1), ("month", 1), ("day", 1), ("quarter", 1), ("day_of_week", 1), ("dow", 1),
             ("day_of_year", 1), ("doy", 1), ("week", 1), ("year_of_week", 1):
            switch args[0] {
            case .date, .timestamp: return r(args, .bigint)
            default: return nil
            }
        case ("hour", 1), ("minute", 1), ("second", 1):
            switch args[0] {
            case .timestamp, .time: return r(args, .bigint)
            default: return nil
            }
        case ("last_day_of_month", 1):
            switch args[0] {
            case .date, .timestamp: return r(args, .date)
            default: return nil
            }
        case ("date_parse", 2):
            guard isStringLike(args[0]), isStringLike(args[1]) else { return nil }
            return r([string, string], .timestamp(precision: 3))
        case ("date_format", 2):
            guard isStringLike(args[1]) else { return nil }
            switch args[0] {
            case .timestamp, .date: return r([.timestamp(precision: 3), string], string)
            default: return nil
            }
        case ("date_trunc", 2):
            guard isStringLike(args[0]) else { return nil }
            switch args[1] {
            case .date, .timestamp: return r([string, args[1]], args[1])
            default: return nil
            }
        case ("date_add", 3):
            guard isStringLike(args[0]), isIntegerLike(args[1]) else { return nil }
            switch args[2] {
            case .date, .timestamp: return r([string, .bigint, args[2]], args[2])
            default: return nil
            }
        case ("date_diff", 3):
            guard isStringLike(args[0]) else { return nil }
            guard let t = TypeResolution.commonSuperType(args[1], args[2]) else { return nil }
            switch t {
            case .date, .timestamp: return r([string, t, t], .bigint)
            default: return nil
            }
        case ("to_unixtime", 1):
            guard case .timestamp = args[0] else { return nil }
            return r(args, .double)
        case ("from_unixtime", 1):
            guard args[0].isNumeric else { return nil }
            return r([.double], .timestamp(precision: 3))
        case ("lpad", 3), ("rpad", 3):
            guard isStringLike(args[0]), isIntegerLike(args[1]), isStringLike(args[2]) else { return nil }
            return r([string, .bigint, string], string)
        case ("regexp_like", 2):
            guard isStringLike(args[0]), isStringLike(args[1]) else { return nil }
            return r([string, string], .boolean)
        case ("chr", 1):
            guard isIntegerLike(args[0]) else { return nil }
            return r([.bigint], string)
        case ("codepoint", 1):
            guard isStringLike(args[0]) else { return nil }
            return r([string], .integer)
        default:
            return nil
        }
    }

    static func isStringLike(_ t: DataType) -> Bool { t.isString || t == .unknown }
    static func isIntegerLike(_ t: DataType) -> Bool { t.isInteger || t == .unknown }

    /// Presto's result type for an aggregate over `arg`.
    public static func aggregateType(_ name: String, _ arg: DataType?) -> DataType? {
        switch name {
        case "count", "count_if", "approx_distinct": return .bigint
        case "approx_set": return .hyperLogLog
        case "merge": return arg == .hyperLogLog ? .hyperLogLog : nil
        case "bool_and", "bool_or", "every": return arg == .boolean ? .boolean : nil
        case "min", "max", "arbitrary", "any_value": return arg
        case "sum":
            guard let arg else { return nil }
            if arg.isInteger { return .bigint }
            if case .decimal(_, let s) = arg { return .decimal(precision: 38, scale: s) }
            if arg == .real || arg == .double { return arg }
            return arg == .unknown ? .double : nil
        case "avg":
            guard let arg else { return nil }
            if arg.isInteger || arg == .double || arg == .unknown { return .double }
            if arg == .real { return .real }
            if case .decimal = arg { return arg }
            return nil
        default: return nil
        }
    }
}
