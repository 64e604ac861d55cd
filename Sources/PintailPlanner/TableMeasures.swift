import Foundation
import PintailCore
import PintailParquet
import Synchronization

/// A table's row count and byte size, measured the first time a rule asks (join ordering, build sides, semi-join
/// placement), so a single-table query lists no folders and opens no footers for them. Parquet files' footers give
/// exact counts; text files are guessed from their sizes and the schema's width. Files are listed from the table's
/// folder, or from the catalog's partitions, skipping hidden and marker files as the scan does.
public final class TableMeasures: Sendable {
    /// Footers opened per table at most; the other files are counted by their bytes at the rows-per-byte seen.
    static let maxFootersPerTable = 16

    private let table: TableHandle?
    private let measured = Mutex<(rows: Double??, bytes: Double?)>((nil, nil))

    init(_ table: TableHandle) { self.table = table }

    /// Fixed figures (tests, or callers that know them).
    public init(rows: Double?, bytes: Double = 0) {
        table = nil
        measured.withLock { $0 = (.some(rows), bytes) }
    }

    /// Rows of all of the table's files, nil when its files cannot be listed.
    public var rows: Double? {
        if let known = measured.withLock({ $0.rows }) { return known }
        let counted = table.flatMap(Self.count)
        measured.withLock { $0.rows = .some(counted) }
        return counted
    }

    /// Bytes of the files under the table's location, subfolders included (at most the first 20,000 files).
    public var bytes: Double {
        if let known = measured.withLock({ $0.bytes }) { return known }
        let total = table.map { Self.walkBytes($0.location) } ?? 0
        measured.withLock { $0.bytes = total }
        return total
    }

    private static func walkBytes(_ location: String) -> Double {
        let fm = FileManager.default
        var total = 0.0, files = 0
        if let walker = fm.enumerator(at: URL(fileURLWithPath: location), includingPropertiesForKeys: [.fileSizeKey, .isRegularFileKey]) {
            for case let url as URL in walker {
                guard let v = try? url.resourceValues(forKeys: [.fileSizeKey, .isRegularFileKey]), v.isRegularFile == true else { continue }
                total += Double(v.fileSize ?? 0)
                files += 1
                if files >= 20_000 { break }
            }
        }
        return total
    }

    private static func count(_ table: TableHandle) -> Double? {
        let folders = table.partitionKeys.isEmpty ? [table.location] : table.partitions.map(\.location)
        var files: [(path: String, bytes: Double)] = []
        var listedAny = false
        for folder in folders {
            guard let found = dataFiles(in: folder) else { continue }
            listedAny = true
            files += found
        }
        guard listedAny else { return nil }
        let totalBytes = files.reduce(0) { $0 + $1.bytes }
        guard table.format.uppercased() == "PARQUET" else { return textRows(bytes: totalBytes, files: files, table) }
        var rows = 0.0, bytesCounted = 0.0
        for f in files.prefix(maxFootersPerTable) {
            // A file that does not open is the scan's error to report; here it only counts by its size.
            guard let pf = try? ParquetFile.open(path: f.path) else { continue }
            rows += Double(pf.numRows)
            bytesCounted += f.bytes
        }
        guard bytesCounted > 0 else { return textRows(bytes: totalBytes, files: files, table) }
        return rows * totalBytes / bytesCounted
    }

    /// Rows of delimited text: bytes (compressed files taken as a quarter of their text) over a guessed row width.
    private static func textRows(bytes: Double, files: [(path: String, bytes: Double)], _ table: TableHandle) -> Double {
        let compressed = files.filter { [".gz", ".zst", ".bz2", ".snappy", ".lz4", ".deflate"].contains(where: $0.path.hasSuffix) }
        let textBytes = bytes + 3 * compressed.reduce(0) { $0 + $1.bytes }
        return textBytes / rowWidth(table.columns)
    }

    /// Bytes a row of these columns takes as text, roughly (separators included).
    static func rowWidth(_ columns: [Field]) -> Double {
        var width = 0.0
        for c in columns {
            switch c.type {
            case .boolean, .tinyint, .smallint: width += 3
            case .integer, .date: width += 8
            case .bigint, .real, .double, .decimal: width += 10
            case .timestamp: width += 20
            default: width += 16
            }
        }
        return max(width, 1)
    }

    /// Regular files directly in `folder`, skipping names starting with `.` or `_`; nil when it cannot be read.
    private static func dataFiles(in folder: String) -> [(path: String, bytes: Double)]? {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: folder) else { return nil }
        var files: [(path: String, bytes: Double)] = []
        for name in names where !name.hasPrefix(".") && !name.hasPrefix("_") {
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            guard let attributes = try? fm.attributesOfItem(atPath: path),
                  attributes[.type] as? FileAttributeType == .typeRegular else { continue }
            files.append((path, Double((attributes[.size] as? NSNumber)?.int64Value ?? 0)))
        }
        return files
    }
}
