import PintailCore
import PintailSQL

/// Maps written types (Presto and Hive spellings) to engine types, and decides Presto's implicit coercions.
public enum TypeResolution {
    public static func resolve(_ syntax: TypeSyntax) throws -> DataType {
        let p = syntax.parameters
        switch syntax.name.lowercased() {
        case "boolean": return .boolean
        case "tinyint": return .tinyint
        case "smallint": return .smallint
        case "int", "integer": return .integer
        case "bigint": return .bigint
        case "real", "float": return .real
        case "double": return .double
        case "decimal", "numeric":
            let precision = p.first ?? 38
            let scale = p.count > 1 ? p[1] : 0
            guard precision >= 1, precision <= 38, scale >= 0, scale <= precision else {
                throw SemanticError("Invalid decimal precision and scale: decimal(\(precision),\(scale))", at: syntax.location)
            }
            return .decimal(precision: precision, scale: scale)
        case "varchar": return .varchar(length: p.first)
        case "string": return .string
        case "char": return .char(length: p.first ?? 1)
        case "varbinary", "binary": return .varbinary
        case "date": return .date
        case "timestamp": return .timestamp(precision: p.first ?? 3)
        case "time": return .time
        case "json": return .json
        case "hyperloglog": return .hyperLogLog
        case "array":
            guard let e = syntax.children.first else { throw SemanticError("array needs an element type", at: syntax.location) }
            return .array(try resolve(e.type))
        case "map":
            guard syntax.children.count == 2 else { throw SemanticError("map needs a key and a value type", at: syntax.location) }
            return .map(key: try resolve(syntax.children[0].type), value: try resolve(syntax.children[1].type))
        case "row", "struct":
            return .row(try syntax.children.map { RowField(name: $0.name?.value, type: try resolve($0.type)) })
        default:
            throw SemanticError("Unknown type '\(syntax.name)'", at: syntax.location)
        }
    }

    /// Rank of the exact numeric types, narrowest first.
    private static func integerRank(_ t: DataType) -> Int? {
        switch t {
        case .tinyint: return 0
        case .smallint: return 1
        case .integer: return 2
        case .bigint: return 3
        default: return nil
        }
    }

    /// The decimal type that holds every value of an integer type.
    static func decimalFor(integer t: DataType) -> (Int, Int) {
        switch t {
        case .tinyint: return (3, 0)
        case .smallint: return (5, 0)
        case .integer: return (10, 0)
        default: return (19, 0)
        }
    }

    /// The type both `a` and `b` coerce to, as Presto decides it, or nil when they do not mix.
    public static func commonSuperType(_ a: DataType, _ b: DataType) -> DataType? {
        if a == b { return a }
        if a == .unknown { return b }
        if b == .unknown { return a }
        if let ra = integerRank(a), let rb = integerRank(b) { return ra >= rb ? a : b }
        switch (a, b) {
        case (.double, _) where b.isNumeric, (_, .double) where a.isNumeric: return .double
        case (.real, .decimal), (.decimal, .real): return .real
        case (.real, _) where integerRank(b) != nil, (_, .real) where integerRank(a) != nil: return .real
        case (.decimal(let p1, let s1), .decimal(let p2, let s2)):
            let s = max(s1, s2)
            return .decimal(precision: min(38, max(p1 - s1, p2 - s2) + s), scale: s)
        case (.decimal, _) where integerRank(b) != nil:
            let (p, s) = decimalFor(integer: b)
            return commonSuperType(a, .decimal(precision: p, scale: s))
        case (_, .decimal) where integerRank(a) != nil:
            let (p, s) = decimalFor(integer: a)
            return commonSuperType(.decimal(precision: p, scale: s), b)
        case (.varchar(let x), .varchar(let y)):
            if let x, let y { return .varchar(length: max(x, y)) }
            return .string
        case (.char, .varchar), (.varchar, .char), (.char, .char): return .string
        case (.date, .timestamp(let p)), (.timestamp(let p), .date): return .timestamp(precision: p)
        case (.timestamp(let p), .timestamp(let q)): return .timestamp(precision: max(p, q))
        case (.array(let x), .array(let y)): return commonSuperType(x, y).map { .array($0) }
        default: return nil
        }
    }

    /// Whether a value of `from` may be used where `to` is expected without an explicit CAST.
    public static func canCoerce(_ from: DataType, to: DataType) -> Bool {
        commonSuperType(from, to) == to
    }
}
