import PintailCore
import PintailParquet
import PintailPlanner

/// Row-group pruning: a Parquet row group is skipped when its column statistics prove that no row can pass one of
/// the scan's pushed predicates. Understood: comparisons of a data column (or a widening cast of one) with
/// constants, IN lists, IS [NOT] NULL, AND / OR / NOT of those. Anything else counts as "may match", so pruning
/// never changes a result; the Filter above the scan still checks every row that is read.
enum RowGroupPruning {
    /// The morsels that may hold a matching row, in order; counts the row groups kept and skipped on `counters`.
    /// Row groups kept are narrowed further by page indexes where the files have them (see `PagePruning`).
    static func prune(_ morsels: [ScanMorsel], scan: Scan, counters: ScanCounters) throws -> [ScanMorsel] {
        let predicates = scan.pushedPredicates.filter { PartitionPruning.isDeterministic($0) }
        var kept: [ScanMorsel] = []
        kept.reserveCapacity(morsels.count)
        var skipped = 0, read = 0
        var columns: RowGroupColumns? = nil
        for morsel in morsels {
            guard case .parquet(let file, let group) = morsel.source else { kept.append(morsel); continue }
            let current: RowGroupColumns
            if let c = columns, c.file === file { current = c } else { current = RowGroupColumns(file: file, scan: scan) }
            columns = current
            var evaluator = PredicateBounds(columns: current, rowGroup: group)
            guard predicates.allSatisfy({ evaluator.outcome($0).mayBeTrue }) else { skipped += 1; continue }
            var narrowed = morsel
            narrowed.pages = try PagePruning.select(columns: current, rowGroup: group, predicates: predicates, counters: counters)
            // Every page ruled out: the row group is skipped after all, without reading any of its data.
            if let rows = narrowed.pages?.rows, rows.isEmpty { skipped += 1; continue }
            kept.append(narrowed)
            read += 1
        }
        counters.addRowGroups(read: read, skipped: skipped)
        return kept
    }
}

/// What a predicate may evaluate to over the rows of one row group.
struct PruningOutcome {
    var mayBeTrue: Bool
    var mayBeFalse: Bool
    var mayBeNull: Bool
    static let unknown = PruningOutcome(mayBeTrue: true, mayBeFalse: true, mayBeNull: true)
    static let onlyNull = PruningOutcome(mayBeTrue: false, mayBeFalse: false, mayBeNull: true)
}

/// The range of one column over a row group, in some SQL type: inclusive bounds over its non-NULL values.
struct ColumnRange {
    var lower: Value?
    var upper: Value?
    var lowerIsExact: Bool
    var upperIsExact: Bool
    var nullCount: Int64?
    var rows: Int64
    /// Floating-point columns may hold NaN, which statistics leave out and which compares false (`<>`: true).
    var mayHoldNaN: Bool

    var allNull: Bool { nullCount == rows }
    var mayHoldNull: Bool { nullCount.map { $0 > 0 } ?? true }

    static func allNulls(rows: Int64) -> ColumnRange {
        ColumnRange(lower: nil, upper: nil, lowerIsExact: false, upperIsExact: false, nullCount: rows, rows: rows, mayHoldNaN: false)
    }

    /// The range after a monotonic (order-keeping) conversion to `to`; bounds that do not convert are dropped.
    func converted(from: DataType, to: DataType) -> ColumnRange {
        if from == to { return self }
        var r = self
        r.lower = lower.flatMap { MonotonicCast.convert($0, from: from, to: to) }
        r.upper = upper.flatMap { MonotonicCast.convert($0, from: from, to: to) }
        r.lowerIsExact = r.lower != nil && lowerIsExact
        r.upperIsExact = r.upper != nil && upperIsExact
        return r
    }
}

/// Per Parquet file: which leaf holds each scan output column, and each row group's ranges, read lazily.
final class RowGroupColumns {
    let file: ParquetFile
    private let scan: Scan
    /// Per output column: .some(leaf) for a readable flat column, .some(nil) when the file lacks it (all NULL),
    /// nil when statistics cannot help (partition keys, nested or mismatched columns).
    private var leaves: [Int: Int?] = [:]

    init(file: ParquetFile, scan: Scan) {
        self.file = file
        self.scan = scan
    }

    /// The range of scan output column `output` in its table type, or nil when unknown.
    func range(output: Int, rowGroup: Int) -> ColumnRange? {
        guard scan.columns.indices.contains(output), file.metadata.rowGroups.indices.contains(rowGroup) else { return nil }
        let rows = file.metadata.rowGroups[rowGroup].numRows
        guard let slot = leaf(for: output) else { return nil }
        guard let leaf = slot else { return .allNulls(rows: rows) }
        guard let s = file.columnStatistics(rowGroup: rowGroup, leaf: leaf), s.valueCount == rows else { return nil }
        return range(s, output: output)
    }

    /// Statistics of `output`'s leaf (a row group's or a page's) as a range in the column's table type.
    func range(_ s: ColumnChunkStatistics, output: Int) -> ColumnRange {
        let tableType = scan.table.columns[scan.columns[output]].type
        let floating = [DataType.real, .double].contains(s.type) || [DataType.real, .double].contains(tableType)
        let r = ColumnRange(lower: s.lowerBound, upper: s.upperBound, lowerIsExact: s.lowerBoundIsExact,
                            upperIsExact: s.upperBoundIsExact, nullCount: s.nullCount, rows: s.valueCount, mayHoldNaN: floating)
        return r.converted(from: s.type, to: tableType)
    }

    /// .some(leaf) for a readable flat column, .some(nil) when the file lacks it (all NULL), nil when unknown.
    func leaf(for output: Int) -> Int?? {
        if let known = leaves[output] { return known }
        var result: Int?? = nil
        let c = scan.columns[output]
        if c < scan.table.columns.count {
            let column = scan.table.columns[c]
            if let f = file.schema.fieldIndex(named: column.name) {
                let field = file.schema.fields[f]
                if field.isFlat, field.unsupportedReason == nil, MonotonicCast.keepsOrder(from: field.type, to: column.type) {
                    result = .some(field.leafRange.lowerBound)
                }
            } else {
                result = .some(nil)
            }
        }
        leaves[output] = result
        return result
    }
}

/// Evaluates pushed predicates over column ranges: one row group's, or (for page pruning) those of the pages that
/// hold a run of rows.
struct PredicateBounds {
    /// The range of scan output column `i` over the rows at hand, nil when unknown.
    private let ranges: (Int) -> ColumnRange?
    private var cache: [Int: ColumnRange?] = [:]

    init(columns: RowGroupColumns, rowGroup: Int) {
        ranges = { columns.range(output: $0, rowGroup: rowGroup) }
    }

    init(ranges: @escaping (Int) -> ColumnRange?) {
        self.ranges = ranges
    }

    mutating func outcome(_ e: BoundExpr) -> PruningOutcome {
        switch e {
        case .literal(.boolean(let b), _): return PruningOutcome(mayBeTrue: b, mayBeFalse: !b, mayBeNull: false)
        case .literal(.null, _): return .onlyNull
        case .and(let parts):
            let o = parts.map { outcome($0) }
            return PruningOutcome(mayBeTrue: o.allSatisfy(\.mayBeTrue), mayBeFalse: o.contains { $0.mayBeFalse },
                                  mayBeNull: o.contains { $0.mayBeNull })
        case .or(let parts):
            let o = parts.map { outcome($0) }
            return PruningOutcome(mayBeTrue: o.contains { $0.mayBeTrue }, mayBeFalse: o.allSatisfy(\.mayBeFalse),
                                  mayBeNull: o.contains { $0.mayBeNull })
        case .not(let x):
            let o = outcome(x)
            return PruningOutcome(mayBeTrue: o.mayBeFalse, mayBeFalse: o.mayBeTrue, mayBeNull: o.mayBeNull)
        case .isNull(let x):
            guard let r = range(of: x) else { return .unknown }
            return PruningOutcome(mayBeTrue: r.mayHoldNull, mayBeFalse: !r.allNull, mayBeNull: false)
        case .call(let name, let args, _) where args.count == 2:
            guard let op = ComparisonKind(name) else { return .unknown }
            if let r = range(of: args[0]), let c = Self.constant(args[1]) { return Self.compare(r, op, c) }
            if let r = range(of: args[1]), let c = Self.constant(args[0]) { return Self.compare(r, op.flipped, c) }
            return .unknown
        case .inList(let x, let items):
            guard let r = range(of: x) else { return .unknown }
            var values: [Value] = []
            for item in items {
                guard let v = Self.constant(item) else { return .unknown }
                values.append(v)
            }
            if r.allNull { return .onlyNull }
            let hasNullItem = values.contains { $0.isNull }
            let outcomes = values.filter { !$0.isNull }.map { Self.compare(r, .equal, $0) }
            return PruningOutcome(mayBeTrue: outcomes.contains { $0.mayBeTrue }, mayBeFalse: !hasNullItem,
                                  mayBeNull: r.mayHoldNull || hasNullItem)
        default:
            return .unknown
        }
    }

    /// The range of a column reference, through any chain of order-keeping casts; nil for anything else.
    private mutating func range(of e: BoundExpr) -> ColumnRange? {
        switch e {
        case .column(let i, _):
            if let cached = cache[i] { return cached }
            let r = ranges(i)
            cache[i] = r
            return r
        case .cast(let inner, let to, _):
            guard MonotonicCast.keepsOrder(from: inner.type, to: to), let r = range(of: inner) else { return nil }
            return r.converted(from: inner.type, to: to)
        default:
            return nil
        }
    }

    /// The value of a column-free constant expression (literals and casts of them); nil when not one.
    static func constant(_ e: BoundExpr) -> Value? {
        switch e {
        case .literal(let v, _): return v
        case .cast(let inner, let to, let isTry):
            guard let v = constant(inner) else { return nil }
            if let cast = try? ValueCast.cast(v, from: inner.type, to: to) { return cast }
            return isTry ? .null : nil
        default: return nil
        }
    }

    /// `column op constant` over a range.
    static func compare(_ r: ColumnRange, _ op: ComparisonKind, _ c: Value) -> PruningOutcome {
        if c.isNull || r.allNull { return .onlyNull }
        if case .double(let d) = c, d.isNaN { return .unknown }
        func order(_ bound: Value?) -> Int? { bound.flatMap { StatisticsOrdering.compare($0, c) } }
        let lo = order(r.lower), hi = order(r.upper)
        // Every non-NULL value equals c only when both bounds are the actual extremes and both equal c.
        let allEqual = lo == 0 && hi == 0 && r.lowerIsExact && r.upperIsExact
        var mayTrue = true, mayFalse = true
        switch op {
        case .equal:
            if let lo, lo > 0 { mayTrue = false }
            if let hi, hi < 0 { mayTrue = false }
            mayFalse = !allEqual
        case .notEqual:
            mayTrue = !allEqual
            if let lo, lo > 0 { mayFalse = false }
            if let hi, hi < 0 { mayFalse = false }
        case .less:
            if let lo, lo >= 0 { mayTrue = false }
            if let hi, hi < 0 { mayFalse = false }
        case .lessOrEqual:
            if let lo, lo > 0 { mayTrue = false }
            if let hi, hi <= 0 { mayFalse = false }
        case .greater:
            if let hi, hi <= 0 { mayTrue = false }
            if let lo, lo > 0 { mayFalse = false }
        case .greaterOrEqual:
            if let hi, hi < 0 { mayTrue = false }
            if let lo, lo >= 0 { mayFalse = false }
        }
        if r.mayHoldNaN {
            // NaN rows compare false, except `<>`, which they pass.
            if op == .notEqual { mayTrue = true } else { mayFalse = true }
        }
        return PruningOutcome(mayBeTrue: mayTrue, mayBeFalse: mayFalse, mayBeNull: r.mayHoldNull)
    }
}

enum ComparisonKind {
    case equal, notEqual, less, lessOrEqual, greater, greaterOrEqual

    init?(_ name: String) {
        switch name {
        case "$eq": self = .equal
        case "$ne": self = .notEqual
        case "$lt": self = .less
        case "$le": self = .lessOrEqual
        case "$gt": self = .greater
        case "$ge": self = .greaterOrEqual
        default: return nil
        }
    }

    /// The operator with its operands swapped: `c < x` is `x > c`.
    var flipped: ComparisonKind {
        switch self {
        case .equal, .notEqual: return self
        case .less: return .greater
        case .lessOrEqual: return .greaterOrEqual
        case .greater: return .less
        case .greaterOrEqual: return .lessOrEqual
        }
    }
}

/// Conversions that keep order (a <= b implies f(a) <= f(b)), so they map bounds to bounds: widening numeric
/// casts, date to timestamp, timestamp precision, varchar to varchar. Done here, not with `ValueCast`, so that
/// corrupt statistics overflow into "no bound" instead of trapping.
enum MonotonicCast {
    static func keepsOrder(from: DataType, to: DataType) -> Bool {
        if from == to { return true }
        switch (from, to) {
        case (_, .double), (_, .real): return from.isInteger || from == .real || isDecimal(from)
        case (_, .decimal): return from.isInteger || isDecimal(from)
        case (.date, .timestamp), (.timestamp, .timestamp): return true
        case (.varchar, .varchar): return true
        default: return from.isInteger && to.isInteger && rank(from) <= rank(to)
        }
    }

    static func convert(_ v: Value, from: DataType, to: DataType) -> Value? {
        guard keepsOrder(from: from, to: to) else { return nil }
        if from == to { return v }
        var v = v
        if isDecimal(from), case .int(let unscaled) = v { v = .decimal(Int128(unscaled)) }
        switch (v, to) {
        case (.int, _) where to.isInteger: return v
        case (.int(let i), .double): return .double(Double(i))
        case (.int(let i), .real): return .double(Double(Float(i)))
        case (.double(let d), .double): return .double(d)
        case (.decimal(let d), .double), (.decimal(let d), .real):
            let x = Double(d) / Double(Arithmetic.pow10(Arithmetic.scale(of: from)))
            return .double(to == .real ? Double(Float(x)) : x)
        case (.int(let i), .decimal): return rescale(Int128(i), from: 0, to: to)
        case (.decimal(let d), .decimal): return rescale(d, from: Arithmetic.scale(of: from), to: to)
        case (.int(let days), .timestamp) where from == .date:
            let (t, overflow) = days.multipliedReportingOverflow(by: Calendar.microsPerDay)
            return overflow ? nil : .int(t)
        case (.int, .timestamp): return v
        case (.string(let s), .varchar(let n)): return .string(n.map { String(s.prefix($0)) } ?? s)
        default: return nil
        }
    }

    private static func isDecimal(_ t: DataType) -> Bool { if case .decimal = t { return true } else { return false } }

    private static func rank(_ t: DataType) -> Int {
        switch t {
        case .tinyint: return 1
        case .smallint: return 2
        case .integer: return 3
        default: return 4
        }
    }

    /// An unscaled decimal at scale `s` rescaled to `to`'s scale (rounded, as casts do); nil past its precision.
    private static func rescale(_ d: Int128, from s: Int, to: DataType) -> Value? {
        guard case .decimal(let p, let t) = to, p <= 38, s <= 38, t <= 38 else { return nil }
        let limit = Arithmetic.pow10(p)
        let magnitudeLimit = Arithmetic.pow10(38 - max(0, t - s))
        guard d < magnitudeLimit, d > -magnitudeLimit else { return nil }
        let r = t >= s ? d * Arithmetic.pow10(t - s) : Arithmetic.divideRounded(d, Arithmetic.pow10(s - t))
        return r < limit && r > -limit ? .decimal(r) : nil
    }
}
