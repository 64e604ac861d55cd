import PintailCore
import PintailPlanner

/// Evaluates a list of expressions that repeat subexpressions once per batch each: TPC-H Q1's aggregates compute
/// `l_extendedprice * (1 - l_discount)` in two sums, and each copy cost a multiply and a subtract per row.
///
/// The largest subexpression that occurs twice or more is computed first, as an extra column after the input's,
/// and every occurrence reads that column; then the next, until nothing repeats. Only subexpressions that every
/// row evaluates are hoisted: one inside a CASE arm, a COALESCE, AND/OR or TRY may be skipped for rows where it
/// would fail (`CASE WHEN d <> 0 THEN n / d END`), so those are shared only as whole units. Calls whose value differs
/// per call (`rand()`) are never shared.
struct SharedSubexpressions {
    /// The hoisted subexpressions over the input columns; number k is read as column `inputWidth + k`.
    private let shared: [CompiledExpression]
    private let expressions: [CompiledExpression]
    /// One past the highest input column the expressions read: the shared columns follow it.
    private let inputWidth: Int
    /// How many subexpressions were hoisted (for tests).
    let sharedCount: Int

    init(_ bound: [BoundExpr]) throws {
        var read = Set<Int>()
        for e in bound { e.collectColumns(into: &read) }
        let inputWidth = (read.max() ?? -1) + 1
        self.inputWidth = inputWidth
        var rewritten = bound
        var definitions: [BoundExpr] = []
        while let repeated = Self.largestRepeated(in: rewritten) {
            let column = BoundExpr.column(inputWidth + definitions.count, repeated.type)
            definitions.append(repeated)
            rewritten = rewritten.map { Self.replacing(repeated, with: column, in: $0) }
        }
        shared = try definitions.map(ExpressionCompiler.compile)
        expressions = try rewritten.map(ExpressionCompiler.compile)
        sharedCount = definitions.count
    }

    /// Every expression's value for `batch`.
    func evaluate(_ batch: Batch) throws -> [Vector] {
        guard !shared.isEmpty else { return try expressions.map { try $0(batch) } }
        let extended = Batch(columns: Array(batch.columns.prefix(inputWidth)) + (try shared.map { try $0(batch) }),
                             count: batch.count)
        return try expressions.map { try $0(extended) }
    }

    private static let volatile: Set<String> = ["rand", "random", "$model"]

    /// The largest subexpression (by node count) that occurs at least twice where every row evaluates it.
    private static func largestRepeated(in expressions: [BoundExpr]) -> BoundExpr? {
        var counts: [BoundExpr: Int] = [:]
        for e in expressions { countUnconditional(e, into: &counts) }
        return counts.filter { $0.value >= 2 }.keys.max { size($0) < size($1) }
    }

    /// Counts `e` and the subexpressions every row of `e` evaluates. Columns and literals cost nothing to repeat;
    /// anything that calls `rand()` differs per call.
    private static func countUnconditional(_ e: BoundExpr, into counts: inout [BoundExpr: Int]) {
        switch e {
        case .column, .literal: return
        default: break
        }
        if !containsVolatile(e) { counts[e, default: 0] += 1 }
        for operand in unconditionalOperands(e) { countUnconditional(operand, into: &counts) }
    }

    /// The operands every row of `e` evaluates: none for CASE, COALESCE, AND/OR and TRY casts, which may skip some
    /// rows, nor for a volatile call.
    private static func unconditionalOperands(_ e: BoundExpr) -> [BoundExpr] {
        switch e {
        case .call(let name, let args, _): return volatile.contains(name) ? [] : args
        case .cast(let inner, _, let isTry): return isTry ? [] : [inner]
        case .not(let inner), .isNull(let inner), .inList(let inner, _): return [inner]
        default: return []
        }
    }

    private static func containsVolatile(_ e: BoundExpr) -> Bool {
        switch e {
        case .column, .literal: return false
        case .call(let name, let args, _): return volatile.contains(name) || args.contains(where: containsVolatile)
        case .cast(let inner, _, _), .not(let inner), .isNull(let inner): return containsVolatile(inner)
        case .and(let args), .or(let args), .coalesce(let args, _): return args.contains(where: containsVolatile)
        case .inList(let inner, let list): return containsVolatile(inner) || list.contains(where: containsVolatile)
        case .caseWhen(let arms, let otherwise, _):
            return arms.contains { containsVolatile($0.condition) || containsVolatile($0.result) }
                || otherwise.map(containsVolatile) == true
        }
    }

    private static func size(_ e: BoundExpr) -> Int {
        switch e {
        case .column, .literal: return 1
        case .call(_, let args, _), .and(let args), .or(let args), .coalesce(let args, _):
            return 1 + args.reduce(0) { $0 + size($1) }
        case .cast(let inner, _, _), .not(let inner), .isNull(let inner): return 1 + size(inner)
        case .inList(let inner, let list): return 1 + size(inner) + list.reduce(0) { $0 + size($1) }
        case .caseWhen(let arms, let otherwise, _):
            return 1 + arms.reduce(0) { $0 + size($1.condition) + size($1.result) } + (otherwise.map(size) ?? 0)
        }
    }

    /// `e` with each unconditional occurrence of `target` replaced by `column` (the positions
    /// `unconditionalOperands` descends into).
    private static func replacing(_ target: BoundExpr, with column: BoundExpr, in e: BoundExpr) -> BoundExpr {
        if e == target { return column }
        switch e {
        case .call(let name, let args, let type) where !volatile.contains(name):
            return .call(name, args.map { replacing(target, with: column, in: $0) }, type)
        case .cast(let inner, let type, false):
            return .cast(replacing(target, with: column, in: inner), type, isTry: false)
        case .not(let inner): return .not(replacing(target, with: column, in: inner))
        case .isNull(let inner): return .isNull(replacing(target, with: column, in: inner))
        case .inList(let inner, let list): return .inList(replacing(target, with: column, in: inner), list)
        default: return e
        }
    }
}
