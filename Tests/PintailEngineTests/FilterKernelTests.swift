import PintailCore
import PintailPlanner
import Testing

@testable import PintailExecution

/// The typed filter kernels (short-circuit AND/OR over selections, column-versus-constant comparisons over
/// dictionary, constant and flat storage, IN lists) must give, row for row, the three-valued result a plain
/// row-at-a-time interpreter gives, on random predicates over a batch with NULLs in every column.
@Suite struct FilterKernelTests {

    static let rows = 2500
    static let decimal = DataType.decimal(precision: 15, scale: 2)
    static let words = ["AIR", "AIR REG", "MAIL", "SHIP", "TRUCK", "RAIL", "FOB", ""]

    /// Columns: 0 date (flat int32), 1 decimal(15,2) sliced from a larger storage (dictionary shape), 2 varchar
    /// over an 8-entry dictionary, 3 boolean, 4 a constant bigint; NULLs in all but the constant.
    static func batch(_ rng: inout Lcg) -> Batch {
        let n = rows
        func validity() -> Bitmap {
            var b = Bitmap(count: n, value: true)
            for i in 0..<n where rng.next(9) == 0 { b[i] = false }
            return b
        }
        let dates = (0..<n).map { _ in Int32(8800 + rng.next(400)) }
        let storage = (0..<(n + 2000)).map { _ in Int64(rng.next(5000)) }
        let picks = (0..<n).map { _ in Int32(rng.next(n + 2000)) }
        let codes = (0..<n).map { _ in Int32(rng.next(words.count)) }
        let flags = (0..<n).map { _ in UInt8(rng.next(2)) }
        return Batch(columns: [
            Vector(type: .date, count: n, storage: .int32(dates), validity: validity()),
            Vector(type: decimal, count: n, storage: .int64(storage), validity: validity(), shape: .dictionary(indices: picks)),
            Vector(type: .varchar(length: nil), count: n, storage: .bytes(ByteColumn(strings: words)), validity: validity(),
                   shape: .dictionary(indices: codes)),
            Vector(type: .boolean, count: n, storage: .bool(flags), validity: validity()),
            Vector(value: .int(42), type: .bigint, count: n),
        ], count: n)
    }

    /// A random comparison, IN list or boolean column, nested under AND / OR / NOT up to `depth`.
    static func predicate(_ rng: inout Lcg, depth: Int) -> BoundExpr {
        if depth > 0, rng.next(3) != 0 {
            let parts = (0..<(2 + rng.next(2))).map { _ in predicate(&rng, depth: depth - 1) }
            switch rng.next(5) {
            case 0: return .not(predicate(&rng, depth: depth - 1))
            case 1, 2: return .and(parts)
            default: return .or(parts)
            }
        }
        let ops = ["$eq", "$ne", "$lt", "$le", "$gt", "$ge"]
        let op = ops[rng.next(ops.count)]
        func compare(_ column: BoundExpr, _ constant: BoundExpr) -> BoundExpr {
            // Either side may hold the constant.
            rng.next(4) == 0 ? .call(op, [constant, column], .boolean) : .call(op, [column, constant], .boolean)
        }
        let nullItem = rng.next(4) == 0
        switch rng.next(8) {
        case 0: return compare(.column(0, .date), .literal(.int(Int64(8800 + rng.next(400))), .date))
        case 1: return compare(.column(1, decimal), .literal(.decimal(Int128(rng.next(5000))), decimal))
        case 2: return compare(.column(2, .varchar(length: nil)), .literal(.string(words[rng.next(words.count)]), .varchar(length: nil)))
        case 3: return compare(.column(4, .bigint), .literal(.int(Int64(40 + rng.next(5))), .bigint))
        case 4: return .column(3, .boolean)
        case 5:
            var items = (0..<(1 + rng.next(3))).map { _ in BoundExpr.literal(.string(words[rng.next(words.count)]), .varchar(length: nil)) }
            if nullItem { items.append(.literal(.null, .varchar(length: nil))) }
            return .inList(.column(2, .varchar(length: nil)), items)
        case 6:
            var items = (0..<(1 + rng.next(3))).map { _ in BoundExpr.literal(.decimal(Int128(rng.next(5000))), decimal) }
            if nullItem { items.append(.literal(.null, decimal)) }
            return .inList(.column(1, decimal), items)
        default:
            return .isNull(.column(rng.next(4), [.date, decimal, .varchar(length: nil), .boolean][0]))
        }
    }

    /// Three-valued evaluation of one row (nil is NULL).
    static func reference(_ e: BoundExpr, _ batch: Batch, _ row: Int) -> Bool? {
        func value(_ x: BoundExpr) -> Value {
            switch x {
            case .column(let i, _): return batch.columns[i].value(at: row)
            case .literal(let v, _): return v
            default: return .null
            }
        }
        switch e {
        case .column(let i, _):
            if case .boolean(let b) = batch.columns[i].value(at: row) { return b }
            return nil
        case .call(let op, let args, _):
            let a = value(args[0]), b = value(args[1])
            if a.isNull || b.isNull { return nil }
            return Comparison.Operator(rawValue: op)?.holds(ValueOrdering.compare(a, b))
        case .and(let parts):
            let v = parts.map { reference($0, batch, row) }
            if v.contains(false) { return false }
            return v.contains(where: { $0 == nil }) ? nil : true
        case .or(let parts):
            let v = parts.map { reference($0, batch, row) }
            if v.contains(true) { return true }
            return v.contains(where: { $0 == nil }) ? nil : false
        case .not(let x): return reference(x, batch, row).map { !$0 }
        case .isNull(let x): return value(x).isNull
        case .inList(let x, let items):
            let v = value(x)
            if v.isNull { return nil }
            var sawNull = false
            for item in items {
                let c = value(item)
                if c.isNull { sawNull = true } else if ValueOrdering.compare(v, c) == 0 { return true }
            }
            return sawNull ? nil : false
        default: return nil
        }
    }

    @Test func kernelsMatchRowByRowEvaluation() throws {
        var rng = Lcg(state: 20261125)
        let batch = Self.batch(&rng)
        for _ in 0..<60 {
            let e = Self.predicate(&rng, depth: 3)
            let result = try ExpressionCompiler.compile(e)(batch)
            #expect(result.count == batch.count)
            var mismatches = 0
            for row in 0..<batch.count {
                let got: Bool? = result.isValid(row) ? result.value(at: row) == .boolean(true) : nil
                if got != Self.reference(e, batch, row) { mismatches += 1 }
            }
            #expect(mismatches == 0, "\(mismatches) rows differ for \(e)")
            if mismatches > 0 { return }
        }
    }

    /// What a filter keeps: the selection over the compiled predicate equals the reference's TRUE rows.
    @Test func filterSelectionsMatch() throws {
        var rng = Lcg(state: 7)
        let batch = Self.batch(&rng)
        for _ in 0..<25 {
            let e = BoundExpr.and([Self.predicate(&rng, depth: 2), Self.predicate(&rng, depth: 2), Self.predicate(&rng, depth: 1)])
            let kept = Logic.selection(try ExpressionCompiler.compile(e)(batch)).map(Int.init)
            let expected = (0..<batch.count).filter { Self.reference(e, batch, $0) == true }
            let same = kept == expected
            #expect(same, "selection differs (\(kept.count) rows kept, \(expected.count) expected) for \(e)")
        }
    }
}
