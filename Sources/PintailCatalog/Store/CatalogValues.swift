import Foundation

/// Conversions between model values and what the SQLite columns hold.
enum CatalogValues {
    /// Timestamps are stored as epoch milliseconds.
    static func millis(_ date: Date) -> Int64 {
        let value = (date.timeIntervalSince1970 * 1000).rounded()
        guard value.isFinite, abs(value) < 9.2e18 else { return 0 }
        return Int64(value)
    }

    static func date(_ millis: Int64) -> Date { Date(timeIntervalSince1970: Double(millis) / 1000) }

    static func nowMillis() -> Int64 { millis(Date()) }

    /// Names are case-insensitive and stored lower case (as Glue does).
    static func normalizedName(_ name: String, what: String) throws(CatalogError) -> String {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw CatalogError(.invalidName, "\(what) name must not be empty") }
        guard trimmed.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) else {
            throw CatalogError(.invalidName, "\(what) name '\(trimmed)' contains control characters")
        }
        guard trimmed.utf8.count <= 255 else {
            throw CatalogError(.invalidName, "\(what) name '\(trimmed.prefix(40))...' is longer than 255 bytes")
        }
        return trimmed.lowercased()
    }
}
