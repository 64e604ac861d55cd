#if canImport(Glibc)
import Glibc
#endif
import PintailCore

/// A runtime filter from a hash join's build side into the scan under its probe side: once the build table is
/// loaded, the scan drops rows whose join keys no build row holds, before it decodes their other columns (TPC-H
/// Q17 keeps 6,088 of 6M line items for 408 parts; Q7 145,703 of 1.5M orders). Only for joins whose probe rows
/// without a match produce nothing (inner, semi, right, and semi/anti joins that hash their outer rows). One per
/// probe copy, so it needs no lock. When most rows match, it only costs a second lookup per row, so it stops
/// filtering once it has seen that.
final class RuntimeKeyFilter: ScanRowFilter {
    private let keys: [CompiledExpression]
    private let table: JoinBuildTable
    private var seen = 0
    private var kept = 0
    private var active = true
    private let dictionaryLookup = DictionaryKeyLookup()
    /// Rows looked at before the pass rate may switch the filter off.
    static let trialRows = 100_000
    /// Rows looked at before a pass rate over 90 % switches the filter off.
    static let shortTrialRows = 10_000
    /// `PINTAIL_RUNTIME_FILTERS=off` turns runtime filters off (for comparisons).
    static let enabled: Bool = getenv("PINTAIL_RUNTIME_FILTERS").map { String(cString: $0) != "off" } ?? true

    var passRate: Double? {
        guard active else { return 1 }
        return seen > 0 ? Double(kept) / Double(seen) : nil
    }

    init(keys: [CompiledExpression], table: JoinBuildTable) {
        self.keys = keys
        self.table = table
    }

    /// The rows among `rows` of `batch` (all of them when nil) whose keys the build side holds.
    func keep(_ batch: Batch, rows: [Int32]?) throws -> [Int32] {
        let count = rows?.count ?? batch.count
        guard active, count > 0 else { return rows ?? batch.allRowPositions }
        let probed = probed(batch, rows: rows)
        let evaluated = try keys.map { try $0(probed) }
        var out: [Int32] = []
        // A string key in dictionary shape is looked up per entry, a dense single integer key tests one bit per
        // row; otherwise the hash table is probed.
        var found = try dictionaryLookup.lookup(evaluated, count: probed.count, in: table)
        if found == nil {
            let values = evaluated.map { $0.flattened() }
            if values.count != 1 || table.keyBitmap?.keep(values[0], rows: rows, into: &out) != true {
                out.removeAll(keepingCapacity: true)
                found = try table.lookup(values, count: probed.count)
            }
        }
        if let found {
            for i in 0..<count where found[i] >= 0 { out.append(rows?[i] ?? Int32(i)) }
        }
        seen += count
        kept += out.count
        // A filter that keeps nearly every row stops early: a join whose keys every probe row has (TPC-H Q9's
        // orders and partsupp under its part join) would otherwise probe a large table for nothing.
        if (seen >= Self.shortTrialRows && kept * 10 > seen * 9) || (seen >= Self.trialRows && kept * 2 > seen) {
            active = false
        }
        return out
    }
}
