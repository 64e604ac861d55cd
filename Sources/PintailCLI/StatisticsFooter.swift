import PintailEngine

/// The line printed after each result, Athena style: `(10 rows in 0.03 s, 1.2 MB scanned)`.
enum StatisticsFooter {
    static func text(rows: Int, statistics: QueryStatistics) -> String {
        "(\(rows) \(rows == 1 ? "row" : "rows") in \(seconds(statistics.elapsedSeconds)) s, "
            + "\(dataSize(statistics.bytesScanned)) scanned)"
    }

    /// Seconds with two decimals (`0.03`); a negative or non-finite time shows as `0.00`.
    static func seconds(_ value: Double) -> String {
        guard value.isFinite, value > 0 else { return "0.00" }
        let hundredths = Int((value * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// Bytes in binary units as Athena's console shows them: `512 B`, `1.2 KB`, `34.5 MB`, `2.0 GB`; one decimal
    /// below 100 units, none above.
    static func dataSize(_ bytes: Int) -> String {
        guard bytes >= 1024 else { return "\(max(0, bytes)) B" }
        let units = ["KB", "MB", "GB", "TB", "PB", "EB"]
        var value = Double(bytes) / 1024
        var unit = 0
        while value >= 1024 && unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        let tenths = Int((value * 10).rounded())
        if tenths >= 1000 { return "\(tenths / 10) \(units[unit])" }
        return "\(tenths / 10).\(tenths % 10) \(units[unit])"
    }
}
