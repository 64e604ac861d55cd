#if canImport(Glibc)
import Glibc
#endif
import PintailCore
import PintailParquet
import PintailPlanner
import PintailText

/// Reads morsels from a shared queue (text files or Parquet row groups) and produces batches in the scan's column
/// order, with partition columns filled in as constant vectors. Several of these can share one queue, one per
/// worker thread. A filter directly above may hand its predicate down (`filterRows`): Parquet row groups are then
/// read filter-first (the predicate's columns, then the others for the surviving rows only).
final class TableScanOperator: Operator {
    private let scan: Scan
    private let queue: ScanMorselQueue
    private let statistics: ExecutionStatistics
    private let textOptions: DelimitedTextOptions?
    /// Projected data columns (indices into table.columns), in output order of the data columns.
    private let dataColumns: [Int]
    private var textReader: DelimitedTextReader? = nil
    private var parquetReader: ParquetBatchReader? = nil
    private var parquetMapping: [Int?] = []
    private var currentPartition: [String?] = []
    /// The predicate of the filter above, applied here when it handed it down.
    private var filter: CompiledExpression? = nil
    /// Data columns (positions in `dataColumns`) the filter reads.
    private var filterDataColumns: Set<Int> = []
    /// Positions in the open Parquet reader's columns to read first, nil to read the row group whole and filter.
    private var firstPositions: Set<Int>? = nil
    /// The filter's one-column conjuncts, looked up per dictionary entry, and the reader positions they read.
    private var dictionaryFilter: DictionaryFilter? = nil
    private var dictionaryShaped: Set<Int> = []
    /// Hash joins' keys over this scan (`RuntimeKeyFilter`) and a top-N's cut-off (`TopNScanFilter`): rows that
    /// cannot matter are dropped here, with filter-first reading before the other columns are decoded. Run the
    /// most selective first (see `selection`).
    private var runtimeFilters: [ScanRowFilter] = []
    private var filteredBatches = 0

    init(scan: Scan, queue: ScanMorselQueue, statistics: ExecutionStatistics) throws {
        self.scan = scan
        self.queue = queue
        self.statistics = statistics
        let format = scan.table.format.uppercased()
        switch format {
        case "TEXTFILE": textOptions = try TableScanOperator.textOptions(scan.table)
        case "PARQUET": textOptions = nil
        default: throw ExecutionError("Reading \(format) tables is not supported (table \(scan.table.qualifiedName))")
        }
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

    /// Takes over the filter directly above (its compiled predicate and its expression over the scan's output):
    /// every batch returned from now on holds only the rows where it is true, as the filter would have kept them.
    func filterRows(_ predicate: @escaping CompiledExpression, _ expression: BoundExpr) {
        var columns: Set<Int> = []
        expression.collectColumns(into: &columns)
        filter = predicate
        dictionaryFilter = DictionaryFilter(expression, scan: scan)
        var positions: Set<Int> = []
        var k = 0
        for (p, c) in scan.columns.enumerated() where c < scan.table.columns.count {
            if columns.contains(p) { positions.insert(k) }
            k += 1
        }
        filterDataColumns = positions
    }

    /// Takes a join's runtime filter or a top-N's cut-off, whose expressions read `expressions` of the scan's output.
    /// Set before the first row group opens (a join sets it when it loads its table, before it asks for probe rows).
    func filterRows(byKeys runtime: ScanRowFilter, reading expressions: [BoundExpr]) {
        guard textOptions == nil else { return }  // text rows are parsed whole: nothing to save
        runtimeFilters.append(runtime)
        var columns: Set<Int> = []
        for e in expressions { e.collectColumns(into: &columns) }
        var k = 0
        for (p, c) in scan.columns.enumerated() where c < scan.table.columns.count {
            if columns.contains(p) { filterDataColumns.insert(k) }
            k += 1
        }
    }

    /// The rows of `batch` the handed-down filter and the runtime filter keep.
    private func selection(_ batch: Batch) throws -> [Int32] {
        var keep: [Int32]? = nil  // nil: every row
        if let filter {
            if !dictionaryShaped.isEmpty, let kept = try dictionaryFilter?.select(batch) { keep = kept }
            else { keep = Logic.selection(try filter(batch)) }
        }
        for runtimeFilter in runtimeFilters { keep = try runtimeFilter.keep(batch, rows: keep) }
        if runtimeFilters.count > 1 {
            // The most selective filter first, so that the others see fewer rows (TPC-H Q9: part's 5 % before the
            // orders and partsupp keys that every line item has). Ties and unknown rates keep their order.
            filteredBatches += 1
            if filteredBatches % 8 == 0 {
                runtimeFilters = runtimeFilters.enumerated().sorted { a, b in
                    let x = a.element.passRate ?? 0.5, y = b.element.passRate ?? 0.5
                    return x != y ? x < y : a.offset < b.offset
                }.map(\.element)
            }
        }
        return keep ?? batch.allRowPositions
    }

    /// Whether a filter handed down reads Parquet filter-first, and looks one-column conjuncts up per dictionary
    /// entry: `PINTAIL_FILTER_FIRST=off` turns both off, `=nodict` the lookups alone (for comparisons).
    static let filterFirstMode: String = getenv("PINTAIL_FILTER_FIRST").map { String(cString: $0) } ?? "on"
    static var readsFilterFirst: Bool { filterFirstMode != "off" }
    static var looksUpDictionaries: Bool { filterFirstMode != "off" && filterFirstMode != "nodict" }

    func next() throws -> Batch? {
        while true {
            try StatementControl.checkCancelled()
            if let reader = textReader {
                let batch: Batch?
                do { batch = try reader.next() } catch let e as TextFileError { throw ExecutionError(e.description) }
                if let batch {
                    guard let kept = try filtered(assemble(batch)) else { continue }
                    return kept
                }
                statistics.addFile(bytes: reader.fileBytesRead, badFields: reader.badFields)
                textReader = nil
            }
            if let reader = parquetReader {
                if let first = firstPositions {
                    if let batch = try readFilterFirst(reader, first) {
                        if batch.count == 0 { continue }
                        return batch
                    }
                } else {
                    let batch: Batch?
                    do { batch = try reader.next() } catch { throw ExecutionError("\(error)") }
                    if let batch {
                        guard let kept = try filtered(assemble(try conformParquet(batch))) else { continue }
                        return kept
                    }
                }
                queue.counters?.addPages(read: reader.pagesRead, skipped: reader.pagesSkipped)
                parquetReader = nil
            }
            guard let morsel = queue.next() else { return nil }
            currentPartition = morsel.partitionValues
            switch morsel.source {
            case .text(let path): try openText(path)
            case .parquet(let file, let group): try openParquet(file, group, pages: morsel.pages)
            }
        }
    }

    /// The rows of `batch` the handed-down filter keeps (as `FilterOperator` keeps them), nil when none.
    private func filtered(_ batch: Batch) throws -> Batch? {
        guard filter != nil || !runtimeFilters.isEmpty else { return batch }
        let keep = try selection(batch)
        if keep.isEmpty { return nil }
        return keep.count == batch.count ? batch : batch.sliced(keep)
    }

    /// One batch of `reader` read filter-first: the predicate runs over the predicate's columns (the others are
    /// NULL placeholders it never reads), then the other columns are decoded for the kept rows only.
    private func readFilterFirst(_ reader: ParquetBatchReader, _ first: Set<Int>) throws -> Batch? {
        do {
            guard let batch = try reader.next(readingFirst: first, dictionaryShaped: dictionaryShaped, select: { vectors, n in
                try self.selection(self.assemble(try self.conformParquet(vectors, count: n)))
            }) else { return nil }
            return assemble(try conformParquet(batch))
        } catch let e as ExecutionError {
            throw e
        } catch {
            throw ExecutionError("\(error)")
        }
    }

    private func openText(_ path: String) throws {
        guard let options = textOptions else { return }
        do {
            let source: ByteChunkSource
            if TextCompression.forFile(path, tableCompression: scan.table.tableProperties["compressionType"]) == .gzip {
                source = try GzipChunkSource(path: path)
            } else {
                source = try FileChunkSource(path: path)
            }
            textReader = try DelimitedTextReader(path: path, source: source, options: options,
                                                 columnTypes: dataColumns.map { scan.table.columns[$0].type },
                                                 projection: dataColumns)
        } catch let e as TextFileError {
            throw ExecutionError(e.description)
        }
    }

    /// Columns are matched by name, as Athena and Hive do: a column missing from the file reads as NULL.
    private func openParquet(_ file: ParquetFile, _ group: Int, pages: PageSelection?) throws {
        var fileColumns: [Int] = []
        parquetMapping = []
        for c in dataColumns {
            let column = scan.table.columns[c]
            guard let f = file.schema.fieldIndex(named: column.name) else { parquetMapping.append(nil); continue }
            let fileType = file.schema.fields[f].type
            guard ParquetTypeMatch.compatible(file: fileType, table: column.type) else {
                throw ExecutionError("\(file.path): column '\(column.name)' is \(fileType) in the file but \(column.type) in table \(scan.table.qualifiedName)")
            }
            parquetMapping.append(fileColumns.count)
            fileColumns.append(f)
        }
        do {
            parquetReader = try file.readRowGroup(group, columns: fileColumns, rows: pages?.rows,
                                                  offsetIndexes: pages?.offsetIndexes ?? [:])
        } catch {
            throw ExecutionError("\(error)")
        }
        firstPositions = nil
        // Filter-first pays when some flat column is not read by the predicate; nested columns keep the whole read.
        guard filter != nil || !runtimeFilters.isEmpty, Self.readsFilterFirst, fileColumns.allSatisfy({ file.schema.fields[$0].isFlat })
        else { return }
        let first = Set(filterDataColumns.compactMap { parquetMapping[$0] })
        guard first.count < fileColumns.count else { return }
        firstPositions = first
        // Dictionary lookups need the file's values as the table types them (no cast in between).
        dictionaryFilter?.reset()
        dictionaryShaped = []
        for c in dictionaryFilter?.conjuncts ?? [] where Self.looksUpDictionaries {
            if let i = parquetMapping[c.dataColumn], file.schema.fields[fileColumns[i]].type == scan.table.columns[dataColumns[c.dataColumn]].type {
                dictionaryShaped.insert(i)
            }
        }
    }

    /// Puts the file's columns in table order, adding NULL columns for those the file lacks and casting where
    /// the table declares a wider type.
    private func conformParquet(_ batch: Batch) throws -> Batch {
        try conformParquet(batch.columns, count: batch.count)
    }

    /// The same for columns of which some are not read yet (nil): those become NULL placeholders.
    private func conformParquet(_ read: [Vector?], count: Int) throws -> Batch {
        var columns: [Vector] = []
        for (k, c) in dataColumns.enumerated() {
            let type = scan.table.columns[c].type
            guard let i = parquetMapping[k], var v = read[i] else { columns.append(.nulls(type, count: count)); continue }
            if v.type != type {
                if v.type.physical == type.physical && (v.type.isString || v.type == .varbinary) && type.physical == .bytes {
                    v.type = type
                } else {
                    v = try Casts.cast(v, from: v.type, to: type, isTry: false)
                }
            }
            columns.append(v)
        }
        return Batch(columns: columns, count: count)
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

/// Which Parquet column types a table column may declare.
enum ParquetTypeMatch {
    static func compatible(file: DataType, table: DataType) -> Bool {
        if file == table { return true }
        if (file.isString || file == .varbinary) && (table.isString || table == .varbinary || table == .hyperLogLog) { return true }
        if file.isInteger && (table.isInteger || table == .double || table == .real) { return true }
        if file == .real && table == .double { return true }
        if case .decimal = file, case .decimal = table { return true }
        if case .timestamp = file, case .timestamp = table { return true }
        if file == .date, case .timestamp = table { return true }
        if case .array = file, case .array = table { return true }
        if case .map = file, case .map = table { return true }
        if case .row = file, case .row = table { return true }
        return false
    }
}
