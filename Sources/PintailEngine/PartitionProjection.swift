import PintailCore
import PintailExecution
import PintailPlanner

/// Athena partition projection: a table with `'projection.enabled'='true'` in TBLPROPERTIES gets its partitions
/// computed from `projection.<col>.*` properties instead of listed from the catalog (MSCK REPAIR is not needed).
///
/// Design: `CatalogAdapter.handle` calls `apply(to:)`, which computes every partition when all columns are
/// `integer`, `date` or `enum`. An `injected` column's values come from the query, which the catalog lookup cannot
/// see; for those tables the handle carries no partitions and `resolveInjected` (run by the optimizer right after
/// `push_down_filters`, before `prune_partitions`) reads the scan's pushed `col = v` / `col IN (...)` conjuncts and
/// fills in the candidate partitions. Ordinary partition pruning then narrows the list like a catalog's, so EXPLAIN
/// shows `partitions=selected/projected`. A projected partition whose folder does not exist reads no files.
struct PartitionProjection: Sendable {
    enum Column: Sendable {
        case fixed([String])
        case injected
    }

    static let maxPartitions = 1_000_000

    let table: String
    let keys: [String]
    let columns: [Column]
    /// `storage.location.template` with `${col}` placeholders, or nil for `<location>/<col>=<value>/...`.
    let template: String?
    let location: String

    static func isEnabled(_ properties: [String: String]) -> Bool {
        properties.first { $0.key.lowercased() == "projection.enabled" }.map { trimSpaces($0.value).lowercased() == "true" } ?? false
    }

    /// The table with its projected partitions (none yet when a column is injected); unchanged without projection.
    static func apply(to table: TableHandle) throws -> TableHandle {
        guard let projection = try PartitionProjection(table) else { return table }
        var t = table
        t.partitions = projection.hasInjected ? [] : try projection.partitions(injected: [:])
        return t
    }

    /// Reads the properties; nil when projection is not enabled or the table has no partition keys.
    init?(_ t: TableHandle, now: Int64 = DateProjection.currentTime()) throws {
        guard Self.isEnabled(t.tableProperties), !t.partitionKeys.isEmpty else { return nil }
        var props: [String: String] = [:]
        for (k, v) in t.tableProperties { props[k.lowercased()] = v }
        table = t.qualifiedName
        keys = t.partitionKeys.map { $0.name.lowercased() }
        location = t.location
        columns = try keys.map { key in
            let p = "projection.\(key)."
            let property = { (name: String) in props[p + name] }
            guard let type = property("type") else {
                throw SemanticError("Partition projection: '\(p)type' is required for partition column '\(key)' of \(t.qualifiedName)")
            }
            switch trimSpaces(type).lowercased() {
            case "integer": return .fixed(try Self.integerValues(key, property))
            case "date":
                guard let values = try DateProjection(column: key, property: property, now: now).values(limit: Self.maxPartitions) else {
                    throw SemanticError("Partition projection: '\(p)range' yields more than \(Self.maxPartitions) partitions")
                }
                return .fixed(values)
            case "enum":
                guard let text = property("values"), !text.isEmpty else {
                    throw SemanticError("Partition projection: '\(p)values' is required for enum columns")
                }
                // Athena keeps white space as part of enum values.
                return .fixed(text.split(separator: ",", omittingEmptySubsequences: false).map(String.init))
            case "injected": return .injected
            default:
                throw SemanticError("Partition projection: '\(p)type' must be integer, date, enum or injected, got '\(type)'")
            }
        }
        for (field, column) in zip(t.partitionKeys, columns) {
            guard case .fixed(let values) = column else { continue }
            try Self.checkValues(values, of: field)
        }
        if let raw = props["storage.location.template"] {
            template = try Self.checkTemplate(raw, keys: keys)
        } else {
            template = nil
        }
    }

    var hasInjected: Bool { columns.contains { if case .injected = $0 { return true } else { return false } } }

    /// Every combination of the columns' values (first key outermost), injected columns taking `injected[key]`.
    func partitions(injected: [Int: [String]]) throws -> [PartitionHandle] {
        let lists: [[String]] = columns.indices.map { i in
            if case .fixed(let values) = columns[i] { return values }
            return injected[i] ?? []
        }
        var total = 1
        for list in lists {
            let (n, overflow) = total.multipliedReportingOverflow(by: list.count)
            guard !overflow, n <= Self.maxPartitions else {
                throw SemanticError("Partition projection of \(table) yields more than \(Self.maxPartitions) partitions; narrow the projection.*.range or values properties")
            }
            total = n
        }
        var out: [PartitionHandle] = []
        out.reserveCapacity(total)
        var combo = [String](repeating: "", count: lists.count)
        func fill(_ depth: Int) {
            if depth == lists.count {
                out.append(PartitionHandle(values: combo, location: folder(combo)))
                return
            }
            for v in lists[depth] {
                combo[depth] = v
                fill(depth + 1)
            }
        }
        if total > 0 { fill(0) }
        return out
    }

    /// The folder of one partition: the template with values substituted, or Hive's `key=value` layout.
    func folder(_ values: [String]) -> String {
        guard var path = template else {
            return location + "/" + zip(keys, values).map { "\($0)=\(HivePath.escape($1))" }.joined(separator: "/")
        }
        for (k, v) in zip(keys, values) { path = path.replacing("${\(k)}", with: v) }
        return path
    }

    static func integerValues(_ key: String, _ property: (String) -> String?) throws -> [String] {
        let p = "projection.\(key)."
        guard let range = property("range") else { throw SemanticError("Partition projection: '\(p)range' is required") }
        let bounds = range.split(separator: ",", omittingEmptySubsequences: false).map { Int64(trimSpaces($0)) }
        guard bounds.count == 2, let lo = bounds[0], let hi = bounds[1], lo <= hi else {
            throw SemanticError("Partition projection: '\(p)range' must be two comma-separated integers, low first, got '\(range)'")
        }
        func positive(_ name: String) throws -> Int64? {
            guard let text = property(name) else { return nil }
            guard let n = Int64(trimSpaces(text)), n > 0 else {
                throw SemanticError("Partition projection: '\(p)\(name)' must be a positive integer, got '\(text)'")
            }
            return n
        }
        let interval = try positive("interval") ?? 1
        let digits = Int(min(try positive("digits") ?? 1, 40))
        let (span, overflow) = hi.subtractingReportingOverflow(lo)
        guard !overflow, span / interval < Int64(maxPartitions) else {
            throw SemanticError("Partition projection: '\(p)range' yields more than \(maxPartitions) partitions")
        }
        return (0...(span / interval)).map { k in
            let v = lo + k * interval
            let text = String(v.magnitude)
            return (v < 0 ? "-" : "") + String(repeating: "0", count: max(0, digits - text.count)) + text
        }
    }

    /// Projected values must read as the column's type, or pruning would see NULLs and silently select nothing.
    static func checkValues(_ values: [String], of field: Field) throws {
        let valid: (String) -> Bool
        switch field.type {
        case .tinyint, .smallint, .integer, .bigint: valid = { Int64($0) != nil }
        case .date: valid = { Calendar.parseDate($0) != nil }
        case .timestamp: valid = { Calendar.parseTimestamp($0) != nil }
        default: return
        }
        if let bad = values.first(where: { !valid($0) }) {
            throw SemanticError("Partition projection: value '\(bad)' from 'projection.\(field.name.lowercased()).*' is not a valid \(field.type) for partition column '\(field.name)'")
        }
    }

    /// Every partition key must appear as `${key}`, and nothing else may.
    static func checkTemplate(_ raw: String, keys: [String]) throws -> String {
        var rest = Substring(raw)
        while let open = rest.range(of: "${") {
            guard let close = rest[open.upperBound...].firstIndex(of: "}") else {
                throw SemanticError("Partition projection: 'storage.location.template' has an unclosed '${' in '\(raw)'")
            }
            let name = String(rest[open.upperBound..<close])
            guard keys.contains(name) else {
                throw SemanticError("Partition projection: 'storage.location.template' names '\(name)', which is not a partition column")
            }
            rest = rest[rest.index(after: close)...]
        }
        for k in keys where !raw.contains("${\(k)}") {
            throw SemanticError("Partition projection: 'storage.location.template' must contain ${\(k)}")
        }
        var path = raw
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        if path.hasPrefix("file://") { path.removeFirst(7) }
        guard path.hasPrefix("/") else {
            throw SemanticError("Partition projection: 'storage.location.template' must be an absolute path, got '\(raw)'")
        }
        return path
    }
}

/// The text without leading and trailing spaces, tabs and newlines.
func trimSpaces(_ s: some StringProtocol) -> String {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
    return String(s.drop(while: isSpace).reversed().drop(while: isSpace).reversed())
}
