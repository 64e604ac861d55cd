import PintailCore

/// The binder's per-statement memo of table measures: every scan of one table in a statement shares one
/// `TableMeasures`, so its folders are listed and its footers read at most once per statement.
final class TableRowCounts {
    private var known: [String: TableMeasures] = [:]

    func measures(of table: TableHandle) -> TableMeasures {
        let key = table.qualifiedName + "\u{0}" + table.location
        if let m = known[key] { return m }
        let m = TableMeasures(table)
        known[key] = m
        return m
    }
}
