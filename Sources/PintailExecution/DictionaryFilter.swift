import PintailCore
import PintailPlanner

/// The conjuncts of a filter handed to a Parquet scan that read one column each, evaluated once per dictionary
/// entry of the row group's column chunk (and once for NULL) instead of once per row: a row is then kept by
/// looking its dictionary index up (`l_shipdate >= DATE '1996-01-01'` runs on 2,526 dates, not 122,880 rows).
/// The other conjuncts run row-wise on the rows the lookups kept. Used per scan operator, from one thread.
final class DictionaryFilter {
    struct Conjunct {
        /// The column read: its position in the scan's output and among the scan's data columns.
        let position: Int
        let dataColumn: Int
        let predicate: CompiledExpression
    }
    let conjuncts: [Conjunct]
    /// The AND of the other conjuncts, nil when there are none.
    private let rest: CompiledExpression?
    /// Per conjunct, the verdicts for the current row group: 1 keeps entry `i`, the last slot is NULL's verdict.
    private var verdicts: [[UInt8]?]

    /// Nil when no conjunct reads exactly one data column (or one calls a function whose value varies by call).
    init?(_ predicate: BoundExpr, scan: Scan) {
        var ordinal: [Int: Int] = [:]
        for (p, c) in scan.columns.enumerated() where c < scan.table.columns.count { ordinal[p] = ordinal.count }
        var singles: [Conjunct] = [], others: [BoundExpr] = []
        for part in Self.conjuncts(of: predicate) {
            var used = Set<Int>()
            part.collectColumns(into: &used)
            if used.count == 1, let p = used.first, let k = ordinal[p], !Self.variesByCall(part),
               let compiled = try? ExpressionCompiler.compile(part) {
                singles.append(Conjunct(position: p, dataColumn: k, predicate: compiled))
            } else {
                others.append(part)
            }
        }
        guard !singles.isEmpty else { return nil }
        if others.isEmpty {
            rest = nil
        } else {
            guard let compiled = try? ExpressionCompiler.compile(others.count == 1 ? others[0] : .and(others)) else { return nil }
            rest = compiled
        }
        conjuncts = singles
        verdicts = Array(repeating: nil, count: singles.count)
    }

    private static func conjuncts(of e: BoundExpr) -> [BoundExpr] {
        if case .and(let args) = e { return args.flatMap(conjuncts(of:)) }
        return [e]
    }

    private static func variesByCall(_ e: BoundExpr) -> Bool {
        switch e {
        case .column, .literal: return false
        case .call(let name, let args, _): return name == "rand" || name == "random" || args.contains(where: variesByCall)
        case .cast(let x, _, _), .not(let x), .isNull(let x): return variesByCall(x)
        case .and(let xs), .or(let xs), .coalesce(let xs, _): return xs.contains(where: variesByCall)
        case .inList(let x, let xs): return variesByCall(x) || xs.contains(where: variesByCall)
        case .caseWhen(let arms, let otherwise, _):
            return arms.contains { variesByCall($0.condition) || variesByCall($0.result) } || otherwise.map(variesByCall) == true
        }
    }

    /// A new row group: its dictionaries (and partition values) are new.
    func reset() { verdicts = Array(repeating: nil, count: conjuncts.count) }

    /// The rows of `batch` (the scan's output order, predicate columns read) that pass the whole predicate, or nil
    /// when a conjunct's column is not in dictionary shape here or evaluating its dictionary failed: the caller
    /// then evaluates the predicate row-wise, which raises any error as it would have.
    func select(_ batch: Batch) throws -> [Int32]? {
        var kept: [Int32]? = nil
        for (j, c) in conjuncts.enumerated() {
            let v = batch.columns[c.position]
            guard case .dictionary(let indices) = v.shape else { return nil }
            let entries = v.storage.count
            if verdicts[j]?.count != entries + 1 {
                guard let table = try? Self.verdicts(c, v, batch) else { return nil }
                verdicts[j] = table
            }
            guard let table = verdicts[j] else { return nil }
            kept = Self.keep(kept, indices, v.validity, table, batch.count)
            if kept?.isEmpty == true { return [] }
        }
        guard let rows = kept else { return nil }
        guard let rest else { return rows }
        let passed = Logic.selection(try rest(batch.sliced(rows)))
        return passed.count == rows.count ? rows : passed.map { rows[Int($0)] }
    }

    /// The conjunct's verdict for every dictionary entry of `v`, then for NULL.
    private static func verdicts(_ c: Conjunct, _ v: Vector, _ batch: Batch) throws -> [UInt8] {
        let entries = v.storage.count
        var table = [UInt8](repeating: 0, count: entries + 1)
        let values = Vector(type: v.type, count: entries, storage: v.storage)
        for i in Logic.selection(try c.predicate(batchOf(values, at: c.position, like: batch))) { table[Int(i)] = 1 }
        let null = Logic.selection(try c.predicate(batchOf(.nulls(v.type, count: 1), at: c.position, like: batch)))
        table[entries] = null.isEmpty ? 0 : 1
        return table
    }

    /// `batch`'s columns resized to `column`'s rows: constants (partition values) kept, others NULL placeholders.
    private static func batchOf(_ column: Vector, at position: Int, like batch: Batch) -> Batch {
        var columns: [Vector] = []
        for (q, v) in batch.columns.enumerated() {
            if q == position {
                columns.append(column)
            } else if v.isConstant {
                var c = v
                c.count = column.count
                columns.append(c)
            } else {
                columns.append(.nulls(v.type, count: column.count))
            }
        }
        return Batch(columns: columns, count: column.count)
    }

    /// Rows among `candidates` (all `n` rows when nil) whose entry the table keeps; NULL rows read the last slot.
    /// Written without branches: every candidate is stored, and the count moves on only when it is kept.
    private static func keep(_ candidates: [Int32]?, _ indices: [Int32], _ validity: Bitmap?, _ table: [UInt8], _ n: Int) -> [Int32] {
        let nullSlot = table.count - 1
        let total = candidates?.count ?? n
        return [Int32](unsafeUninitializedCapacity: max(total, 1)) { out, kept in
            guard let dst = out.baseAddress else { kept = 0; return }
            var k = 0
            indices.withUnsafeBufferPointer { idx in
                table.withUnsafeBufferPointer { t in
                    if let candidates {
                        candidates.withUnsafeBufferPointer { c in
                            for r in c {
                                let i = Int(r)
                                let slot = (validity?[i] ?? true) ? Int(idx[i]) : nullSlot
                                dst[k] = r
                                k &+= Int(t[slot])
                            }
                        }
                    } else if let validity {
                        for i in 0..<n {
                            dst[k] = Int32(truncatingIfNeeded: i)
                            k &+= Int(t[validity[i] ? Int(idx[i]) : nullSlot])
                        }
                    } else {
                        for i in 0..<n {
                            dst[k] = Int32(truncatingIfNeeded: i)
                            k &+= Int(t[Int(idx[i])])
                        }
                    }
                }
            }
            kept = k
        }
    }
}
