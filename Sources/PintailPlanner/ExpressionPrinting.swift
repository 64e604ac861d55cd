import PintailSQL

/// Short SQL renderings of expressions for error messages and default column names.
enum ExpressionPrinting {
    static func text(_ e: Expression) -> String {
        switch e.kind {
        case .identifier(let id): return id.original
        case .dereference(let b, let f): return text(b) + "." + f.original
        case .function(let call):
            let name = call.name.parts.map(\.original).joined(separator: ".")
            if call.isStar { return "\(name)(*)" }
            return name + "(" + (call.distinct ? "DISTINCT " : "") + call.arguments.map(text).joined(separator: ", ") + ")"
        case .binary(let op, let l, let r): return text(l) + " " + op.rawValue + " " + text(r)
        case .literal(let lit):
            switch lit {
            case .null: return "NULL"
            case .boolean(let b): return b ? "true" : "false"
            case .integer(let s), .decimal(let s), .double(let s): return s
            case .string(let s): return "'" + s.raw + "'"
            default: return "literal"
            }
        default: return "expression"
        }
    }
}
