import PintailCore
import PintailParquet
import PintailPlanner

/// The rows of a row group that page indexes left to read, and the offset indexes already read on the way (by
/// leaf), which the reader reuses. `rows` nil: every row.
struct PageSelection {
    var rows: RowSelection?
    var offsetIndexes: [Int: OffsetIndex]
}

/// Page-level pruning: in a row group that its statistics kept, the pushed predicates are evaluated again over the
/// bounds of each page of the columns they reference (Parquet column indexes). Pages of different columns end at
/// different rows, so the row group is cut at every page boundary of those columns; each run of rows between two
/// boundaries lies in exactly one page per column and is kept unless those pages prove no row can match. Columns
/// without a page index fall back to their row-group range. Rows kept are a superset of the matching rows; the
/// Filter above the scan still checks every row read.
enum PagePruning {
    /// Page indexes are read only for columns that the predicates reference and that the file indexes; nil when
    /// there are none (the row group is read whole, as without page indexes).
    static func select(columns: RowGroupColumns, rowGroup: Int, predicates: [BoundExpr], counters: ScanCounters) throws -> PageSelection? {
        let file = columns.file
        var referenced = Set<Int>()
        for p in predicates { collectColumns(p, into: &referenced) }
        var pages: [Int: [PageStatistics]] = [:]
        var offsetIndexes: [Int: OffsetIndex] = [:]
        do {
            for output in referenced.sorted() {
                guard let slot = columns.leaf(for: output), let leaf = slot, file.hasPageIndex(rowGroup: rowGroup, leaf: leaf),
                      let offsets = try file.offsetIndex(rowGroup: rowGroup, leaf: leaf),
                      let statistics = try file.pageStatistics(rowGroup: rowGroup, leaf: leaf, offsetIndex: offsets) else { continue }
                offsetIndexes[leaf] = offsets
                pages[output] = statistics
            }
        } catch {
            throw ExecutionError("\(error)")
        }
        guard !pages.isEmpty else { return nil }
        counters.notePageIndexUsed()
        let rowCount = Int(file.metadata.rowGroups[rowGroup].numRows)
        var boundaries = Set([rowCount])
        for list in pages.values { for page in list { boundaries.insert(page.rows.lowerBound) } }
        let cuts = boundaries.sorted()
        var kept: [Range<Int>] = []
        var cursor = pages.mapValues { _ in 0 }
        for k in 0..<cuts.count - 1 {
            let run = cuts[k]..<cuts[k + 1]
            var ranges: [Int: ColumnRange] = [:]
            for (output, list) in pages {
                var i = cursor[output] ?? 0
                while i + 1 < list.count && list[i].rows.upperBound <= run.lowerBound { i += 1 }
                cursor[output] = i
                ranges[output] = columns.range(list[i].statistics, output: output)
            }
            var bounds = PredicateBounds { output in ranges[output] ?? columns.range(output: output, rowGroup: rowGroup) }
            if predicates.allSatisfy({ bounds.outcome($0).mayBeTrue }) { kept.append(run) }
        }
        let selection = RowSelection(kept)
        return PageSelection(rows: selection.rowCount == rowCount ? nil : selection, offsetIndexes: offsetIndexes)
    }

    /// Scan output columns in the forms `PredicateBounds` can prune on (column op constant, IN, IS NULL).
    private static func collectColumns(_ e: BoundExpr, into set: inout Set<Int>) {
        switch e {
        case .and(let parts), .or(let parts): for p in parts { collectColumns(p, into: &set) }
        case .not(let x): collectColumns(x, into: &set)
        case .isNull(let x): column(of: x).map { _ = set.insert($0) }
        case .call(let name, let args, _) where args.count == 2 && ComparisonKind(name) != nil:
            if PredicateBounds.constant(args[1]) != nil, let c = column(of: args[0]) { set.insert(c) }
            if PredicateBounds.constant(args[0]) != nil, let c = column(of: args[1]) { set.insert(c) }
        case .inList(let x, let items) where items.allSatisfy({ PredicateBounds.constant($0) != nil }):
            column(of: x).map { _ = set.insert($0) }
        default: break
        }
    }

    /// The column under a chain of order-keeping casts.
    private static func column(of e: BoundExpr) -> Int? {
        switch e {
        case .column(let i, _): return i
        case .cast(let inner, let to, _): return MonotonicCast.keepsOrder(from: inner.type, to: to) ? column(of: inner) : nil
        default: return nil
        }
    }
}
