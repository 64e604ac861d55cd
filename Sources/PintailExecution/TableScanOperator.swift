import PintailCore
import PintailPlanner
import PintailText

/// Reads a table's files one after another: delimited text today (plain or gzip), with partition columns filled in
/// as constant vectors from the partition's values.
final class TableScanOperator: Operator {
    private let scan: Scan
    private let statistics: ExecutionStatistics
    /// (file, partition values) still to read.
    private var pending: [(FileListing.Entry, [String?])] = []
    private var reader: DelimitedTextReader? = nil
    private var currentPartition: [String?] = []
    private let textOptions: DelimitedTextOptions
    /// For each output column: its data column index, or nil for a partition column.
    private let dataColumns: [Int]
    private var listed = false

    init(scan: Scan, statistics: ExecutionStatistics) throws {
        self.scan = scan
        self.statistics = statistics
        let format = scan.table.format.uppercased()
        guard format == "TEXTFILE" else {
            throw ExecutionError("Reading \(format) tables is not available in this build (table \(scan.table.qualifiedName))")
        }
        textOptions = try TableScanOperator.textOptions(scan.table)
        dataColumns = scan.columns.filter { $0 < scan.table.columns.count }
    }

    static func textOptions(_ t: TableHandle) throws -> DelimitedTextOptions {
        var o = DelimitedTextOptions()
        func byte(_ key: String) throws -> UInt8? {
            guard let v = t.serdeProperties[key] else { return nil }
            if let n = Int(v), n >= 0, n < 256, v.count > 1 { return UInt8(n) }
            guard let b = v.utf8.first, v.utf8.count == 1 else {
                throw ExecutionError("Table \(t.qualifiedName): '\(key)' must be a single character, not '\(v)'")
            }
            return b
        }
        if let d = try byte("field.delim") ?? byte("separatorChar") { o.fieldDelimiter = d }
        if let e = try byte("escape.delim") { o.escape = e }
        if let l = try byte("line.delim") { o.lineTerminator = l }
        if let n = t.serdeProperties["serialization.null.format"] { o.nullMarker = Array(n.utf8) }
        if let h = t.tableProperties["skip.header.line.count"] {
            guard let n = Int(h), n >= 0 else {
                throw ExecutionError("Table \(t.qualifiedName): skip.header.line.count must be a non-negative integer, not '\(h)'")
            }
            o.headerLines = n
        }
        return o
    }

    private func listFiles() throws {
        listed = true
        let table = scan.table
        if table.partitionKeys.isEmpty {
            guard FileListing.isDirectory(table.location) else {
                throw ExecutionError("Table location '\(table.location)' does not exist (table \(table.qualifiedName))")
            }
            pending = try FileListing.dataFiles(in: table.location).map { ($0, []) }
        } else {
            for p in scan.partitions ?? table.partitions where FileListing.isDirectory(p.location) {
                pending += try FileListing.dataFiles(in: p.location).map { ($0, p.values) }
            }
        }
        pending.reverse()
    }

    func next() throws -> Batch? {
        if !listed { try listFiles() }
        while true {
            if let reader {
                let batch: Batch?
                do { batch = try reader.next() } catch let e as TextFileError { throw ExecutionError(e.description) }
                if let batch { return assemble(batch) }
                statistics.addFile(bytes: reader.fileBytesRead, badFields: reader.badFields)
                self.reader = nil
            }
            guard let (file, values) = pending.popLast() else { return nil }
            currentPartition = values
            let source: ByteChunkSource
            do {
                if TextCompression.forFile(file.path, tableCompression: scan.table.tableProperties["compressionType"]) == .gzip {
                    source = try GzipChunkSource(path: file.path)
                } else {
                    source = try FileChunkSource(path: file.path)
                }
                let types = dataColumns.map { scan.table.columns[$0].type }
                reader = try DelimitedTextReader(path: file.path, source: source, options: textOptions,
                                                 columnTypes: types, projection: dataColumns)
            } catch let e as TextFileError {
                throw ExecutionError(e.description)
            }
        }
    }

    /// Puts data columns and partition constants in the scan's output order.
    private func assemble(_ batch: Batch) -> Batch {
        var columns: [Vector] = []
        var next = 0
        let table = scan.table
        for c in scan.columns {
            if c < table.columns.count {
                columns.append(batch.columns[next])
                next += 1
            } else {
                let key = table.partitionKeys[c - table.columns.count]
                let raw = currentPartition[c - table.columns.count]
                let value = raw.flatMap { try? ValueCast.cast(.string($0), from: .string, to: key.type) } ?? .null
                columns.append(Vector(value: value, type: key.type, count: batch.count))
            }
        }
        return Batch(columns: columns, count: batch.count)
    }
}
