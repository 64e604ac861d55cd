/// One value of a query result in the form every engine can be compared in: integers and doubles are both numbers
/// (engines disagree on widths and on decimal versus double), dates and other values are their text.
enum ResultCell: Equatable, Sendable, CustomStringConvertible {
    case null
    case integer(Int64)
    case double(Double)
    case text(String)

    var number: Double? {
        switch self {
        case .integer(let i): return Double(i)
        case .double(let d): return d
        case .null, .text: return nil
        }
    }

    var description: String {
        switch self {
        case .null: return "NULL"
        case .integer(let i): return String(i)
        case .double(let d): return String(d)
        case .text(let s): return "'" + s + "'"
        }
    }

    /// A total order (NULL, then numbers, then text) so that rows of unordered results can be sorted before they
    /// are compared.
    static func precedes(_ a: ResultCell, _ b: ResultCell) -> Bool {
        switch (a, b) {
        case (.null, .null): return false
        case (.null, _): return true
        case (_, .null): return false
        case (.text(let x), .text(let y)): return x < y
        case (.text, _): return false
        case (_, .text): return true
        default: return (a.number ?? 0) < (b.number ?? 0)
        }
    }
}

extension ResultCell: Codable {
    /// Peers answer in JSON: null, true/false (kept as 1/0), numbers, or text (dates as ISO text).
    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .integer(b ? 1 : 0) }
        else if let s = try? c.decode(String.self) { self = .text(s) }
        else if let i = try? c.decode(Int64.self) { self = .integer(i) }
        else { self = .double(try c.decode(Double.self)) }
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .integer(let i): try c.encode(i)
        case .double(let d): if d.isFinite { try c.encode(d) } else { try c.encode(String(d)) }
        case .text(let s): try c.encode(s)
        }
    }
}

/// What one engine returned for one query: the row count, and the rows when there were few enough to keep.
/// In JSON (the peers' answers and `pintail-bench compare` files): {"columns": [...], "rows": n, "data": [[...]]}.
struct ResultSet: Codable, Sendable {
    var columns: [String]
    var rowCount: Int
    /// nil when the result had more rows than the benchmark keeps; then only the counts are compared.
    var rows: [[ResultCell]]?

    static let maxKeptRows = 10_000

    enum CodingKeys: String, CodingKey {
        case columns, rowCount = "rows", rows = "data"
    }
}
