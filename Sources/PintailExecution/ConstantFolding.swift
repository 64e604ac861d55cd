import PintailCore
import PintailPlanner

/// Evaluates, once at compile time, every subexpression that reads no column and gives the same value on every
/// row (`CAST(1 AS decimal(15,2))`, `0.06 - 0.01`, `DATE '1994-01-01' + INTERVAL '1' YEAR`), so that the kernels
/// see a literal: a comparison with a constant then runs the typed column-versus-constant loop, and nothing is
/// cast or computed per row or per batch.
enum ConstantFolding {
    /// Functions whose value may change from row to row or from call to call.
    private static let volatile: Set<String> = ["rand", "current_date", "current_timestamp", "current_time", "$model"]

    static func fold(_ e: BoundExpr) -> BoundExpr {
        switch e {
        case .column, .literal: return e
        case .call(let name, let args, let t):
            return evaluated(.call(name, args.map(fold), t), unless: volatile.contains(name))
        case .cast(let x, let t, let isTry): return evaluated(.cast(fold(x), t, isTry: isTry))
        case .and(let args): return evaluated(.and(args.map(fold)))
        case .or(let args): return evaluated(.or(args.map(fold)))
        case .not(let x): return evaluated(.not(fold(x)))
        case .isNull(let x): return evaluated(.isNull(fold(x)))
        case .caseWhen(let arms, let otherwise, let t):
            let folded = arms.map { CaseArm(condition: fold($0.condition), result: fold($0.result)) }
            return evaluated(.caseWhen(folded, otherwise: otherwise.map(fold), t))
        case .coalesce(let args, let t): return evaluated(.coalesce(args.map(fold), t))
        case .inList(let x, let items): return evaluated(.inList(fold(x), items.map(fold)))
        }
    }

    /// `e` (whose operands are folded) as a literal when all its operands are literals. An error (a division by
    /// zero in a CASE branch no row takes) is left for the rows that reach it, as without folding.
    private static func evaluated(_ e: BoundExpr, unless skip: Bool = false) -> BoundExpr {
        guard !skip, operands(e).allSatisfy(\.isLiteral), isScalar(e.type),
              let kernel = try? ExpressionCompiler.compileFolded(e),
              let one = try? kernel(Batch(columns: [], count: 1)), one.count == 1 else { return e }
        return .literal(one.value(at: 0), e.type)
    }

    private static func operands(_ e: BoundExpr) -> [BoundExpr] {
        switch e {
        case .column, .literal: return []
        case .call(_, let args, _), .and(let args), .or(let args), .coalesce(let args, _): return args
        case .cast(let x, _, _), .not(let x), .isNull(let x): return [x]
        case .caseWhen(let arms, let otherwise, _):
            return arms.flatMap { [$0.condition, $0.result] } + (otherwise.map { [$0] } ?? [])
        case .inList(let x, let items): return [x] + items
        }
    }

    /// Types whose values round-trip through a literal.
    private static func isScalar(_ t: DataType) -> Bool {
        switch t {
        case .array, .map, .row, .unknown, .hyperLogLog, .json: return false
        default: return true
        }
    }
}
