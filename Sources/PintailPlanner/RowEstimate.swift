import PintailCore

/// Estimated rows a plan produces, from the table row counts the binder put on its scans (Parquet footers, text
/// file sizes), scaled by rules of thumb for filters, aggregates and joins. Pure arithmetic over the plan: no I/O.
/// Used to order comma joins and to pick each hash join's build side, so only the order of magnitude matters.
public enum RowEstimate {
    /// Rows assumed for a scan whose table could not be measured.
    static let unknownTableRows = 1_000.0

    public static func rows(_ plan: LogicalPlan) -> Double {
        switch plan {
        case .scan(let s): return scanRows(s)
        case .values(let rows, _): return Double(rows.count)
        case .filter(let input, let p): return max(1, rows(input) * FilterSelectivity.of(p))
        case .project(let input, _, _), .sort(let input, _), .window(let input, _): return rows(input)
        case .aggregate(let input, let keys, _, _): return keys.isEmpty ? 1 : groups(input, keys)
        case .limit(let input, let offset, let count):
            let left = max(0, rows(input) - Double(offset))
            return count.map { min(left, Double($0)) } ?? left
        case .unionAll(let inputs, _): return inputs.map(rows).reduce(0, +)
        case .join(let l, let r, let c): return joinRows(l, r, c)
        case .shared(let s): return rows(s.plan)
        }
    }

    /// A scan's rows: its table's, times the share of the table's partitions it still reads.
    static func scanRows(_ s: Scan) -> Double {
        let table = s.tableRows ?? unknownTableRows
        guard let kept = s.partitions, !s.table.partitions.isEmpty else { return table }
        return table * Double(kept.count) / Double(s.table.partitions.count)
    }

    /// Groups of a GROUP BY: at most the product of the keys' domains, and taken as a tenth of the input rows
    /// (line items per order, orders per customer) when the domains say nothing smaller.
    static func groups(_ input: LogicalPlan, _ keys: [BoundExpr]) -> Double {
        let inputRows = rows(input)
        var product = 1.0
        for k in keys { product *= domain(input, k) ?? inputRows }
        return max(1, min(product, inputRows / 10))
    }

    /// Rows a join produces. Equi-joins follow the textbook |L|·|R| / max(distinct keys), each side's distinct
    /// keys bounded by its rows and by the table the key column comes from; a key from a larger table than the
    /// other side's is taken as a foreign key into it, so its distinct values are bounded by that table too
    /// (line items' supplier keys take at most the 10,000 suppliers' values).
    static func joinRows(_ l: LogicalPlan, _ r: LogicalPlan, _ c: JoinCondition) -> Double {
        let lRows = rows(l), rRows = rows(r)
        var matched = lRows * rRows
        var matchedShare = 1.0  // of left rows with a partner, for semi and anti joins
        for k in c.keys {
            let lDomain = domain(l, k.left) ?? lRows, rDomain = domain(r, k.right) ?? rRows
            var lDistinct = min(lDomain, lRows), rDistinct = min(rDomain, rRows)
            if lDomain > rDomain { lDistinct = min(lDistinct, rDomain) }
            if rDomain > lDomain { rDistinct = min(rDistinct, lDomain) }
            matched = min(matched, lRows * rRows / max(lDistinct, rDistinct, 1))
            matchedShare = min(matchedShare, rDistinct / max(lDistinct, 1))
        }
        if let residual = c.residual {
            let s = FilterSelectivity.of(residual)
            matched *= s
            matchedShare *= s
        }
        switch c.kind {
        case .inner: return max(1, matched)
        case .left: return max(lRows, matched)
        case .right: return max(rRows, matched)
        case .full: return max(lRows, rRows, matched)
        case .semi: return max(1, lRows * min(1, matchedShare))
        case .anti: return max(1, lRows * max(0.1, 1 - min(1, matchedShare)))
        }
    }

    /// How many distinct values `e` over `plan`'s output can take at most, where it is a column traced to a table
    /// or a group key (nil when unknown).
    static func domain(_ plan: LogicalPlan, _ e: BoundExpr) -> Double? {
        switch e {
        case .column(let i, _): return columnDomain(plan, i)
        case .cast(let x, _, _): return domain(plan, x)
        default: return nil
        }
    }

    private static func columnDomain(_ plan: LogicalPlan, _ c: Int) -> Double? {
        switch plan {
        case .scan(let s): return s.tableRows ?? unknownTableRows
        case .values(let rows, _): return Double(rows.count)
        case .filter(let input, _), .sort(let input, _), .limit(let input, _, _): return columnDomain(input, c)
        case .window(let input, _): return c < input.fields.count ? columnDomain(input, c) : nil
        case .project(let input, let expressions, _): return c < expressions.count ? domain(input, expressions[c]) : nil
        case .aggregate(_, let keys, _, _): return c < keys.count ? rows(plan) : nil
        case .join(let l, let r, _):
            let leftCount = l.fields.count
            return c < leftCount ? columnDomain(l, c) : columnDomain(r, c - leftCount)
        case .unionAll: return nil
        case .shared(let s): return columnDomain(s.plan, c)
        }
    }
}
