import PintailCore
#if canImport(Glibc)
import Glibc
#endif

/// Streams one delimited text file into batches of typed vectors, in bounded memory: a buffer of about 1 MB that
/// grows only to hold the longest line.
///
/// Each run of complete lines in the buffer is split into field slices, then every projected column parses its
/// slices in one typed loop. A field that does not parse as its column's type becomes NULL and is counted in
/// `badFields`, as Athena does.
public final class DelimitedTextReader {
    public let path: String
    private var source: ByteChunkSource
    private let options: DelimitedTextOptions
    /// File column index of each output column.
    private let projection: [Int]
    private let columns: [TextColumnBuilder]
    private let batchSize: Int
    private var buffer: UnsafeMutableRawBufferPointer
    private var start = 0, end = 0
    private var atEOF = false
    private var headerLinesLeft: Int
    private var slices: [FieldSlices]
    /// For each file column up to the last projected one: its output slot, or -1.
    private let slotOfFileColumn: [Int]
    /// Longest line accepted before the file is reported as corrupt (no line terminator in sight).
    public static let maxLineBytes = 256 << 20

    public var badFields: Int { columns.reduce(0) { $0 + $1.badFields } }
    public var fileBytesRead: Int { source.fileBytesRead }

    /// - Parameters:
    ///   - columnTypes: the types of the output columns, parallel to `projection`.
    ///   - projection: for each output column, its 0-based field position in the file.
    public init(path: String, source: ByteChunkSource, options: DelimitedTextOptions, columnTypes: [DataType],
                projection: [Int], batchSize: Int = Batch.preferredSize) throws {
        self.path = path
        self.source = source
        self.options = options
        self.projection = projection
        self.batchSize = max(1, batchSize)
        var built: [TextColumnBuilder] = []
        for type in columnTypes {
            do { built.append(try TextColumnBuilder(type: type)) } catch {
                throw TextFileError(path: path, message: error.message)
            }
        }
        columns = built
        headerLinesLeft = options.headerLines
        slices = Array(repeating: FieldSlices(), count: projection.count)
        var slots = [Int](repeating: -1, count: (projection.max() ?? -1) + 1)
        for (slot, field) in projection.enumerated() { slots[field] = slot }
        slotOfFileColumn = slots
        buffer = .allocate(byteCount: 1 << 20, alignment: 16)
    }

    deinit { buffer.deallocate() }

    /// The next batch, or nil at the end of the file.
    public func next() throws -> Batch? {
        while columns.first.map({ $0.count }) ?? rowsWithoutColumns < batchSize {
            guard try hasCompleteLine() else { break }
            splitCompleteLines()
        }
        let rows = columns.first?.count ?? rowsWithoutColumns
        if rows == 0 { return nil }
        let vectors = columns.map { $0.finish() }
        rowsWithoutColumns = 0
        return Batch(columns: vectors, count: rows)
    }

    // A query that projects no column (count(*)) still needs the row count.
    private var rowsWithoutColumns = 0

    /// Makes sure the buffer holds at least one complete line (terminating the final line if needed); false at the
    /// end of the file.
    private func hasCompleteLine() throws -> Bool {
        while true {
            if start < end, let base = buffer.baseAddress,
               memchr(base + start, Int32(options.lineTerminator), end - start) != nil {
                return true
            }
            if atEOF {
                if start < end {
                    // The last line has no terminator: treat the end of the file as one.
                    try ensureCapacity(end - start + 1)
                    buffer[end] = options.lineTerminator
                    end += 1
                    continue
                }
                return false
            }
            try refill()
        }
    }

    private func refill() throws {
        if start > 0 {
            if end > start, let base = buffer.baseAddress { memmove(base, base + start, end - start) }
            end -= start
            start = 0
        }
        if end == buffer.count {
            guard buffer.count < Self.maxLineBytes else {
                throw TextFileError(path: path, message: "a line is longer than \(Self.maxLineBytes >> 20) MB; is this a delimited text file?")
            }
            try ensureCapacity(buffer.count * 2)
        }
        let n = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[end...]))
        if n == 0 { atEOF = true } else { end += n }
    }

    private func ensureCapacity(_ bytes: Int) throws {
        guard bytes > buffer.count else { return }
        let grown = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes, buffer.count * 2), alignment: 16)
        if end > start { grown.baseAddress!.copyMemory(from: buffer.baseAddress! + start, byteCount: end - start) }
        end -= start
        start = 0
        buffer.deallocate()
        buffer = grown
    }

    /// Splits every complete line now in the buffer (up to the batch size) into field slices and appends them.
    private func splitCompleteLines() {
        guard let base = buffer.baseAddress else { return }
        for i in slices.indices { slices[i].removeAll() }
        let want = batchSize - (columns.first?.count ?? rowsWithoutColumns)
        var lines = 0
        let delimiter = options.fieldDelimiter
        let escape = options.escape
        let lastField = slotOfFileColumn.count - 1
        while lines < want, start < end,
              let hit = memchr(base + start, Int32(options.lineTerminator), end - start) {
            var lineEnd = base.distance(to: hit)
            let next = lineEnd + 1
            if headerLinesLeft > 0 {
                headerLinesLeft -= 1
                start = next
                continue
            }
            if lineEnd > start, buffer[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            // Walk fields up to the last projected one.
            var fieldStart = start
            var field = 0
            while field <= lastField {
                var fieldEnd: Int
                if let escape {
                    fieldEnd = fieldStart
                    while fieldEnd < lineEnd, buffer[fieldEnd] != delimiter {
                        if buffer[fieldEnd] == escape {
                            for slot in slices.indices { slices[slot].sawEscape = true }
                            fieldEnd += 1
                        }
                        fieldEnd += 1
                    }
                    fieldEnd = min(fieldEnd, lineEnd)
                } else if fieldStart < lineEnd, let d = memchr(base + fieldStart, Int32(delimiter), lineEnd - fieldStart) {
                    fieldEnd = base.distance(to: d)
                } else {
                    fieldEnd = lineEnd
                }
                let slot = slotOfFileColumn[field]
                if slot >= 0 {
                    // A field starting past the line end is missing (the line has fewer fields): NULL.
                    if fieldStart <= lineEnd {
                        slices[slot].starts.append(fieldStart)
                        slices[slot].ends.append(fieldEnd)
                    } else {
                        slices[slot].starts.append(-1)
                        slices[slot].ends.append(-1)
                    }
                }
                field += 1
                fieldStart = fieldEnd + 1
            }
            start = next
            lines += 1
        }
        if columns.isEmpty {
            rowsWithoutColumns += lines
        } else {
            let view = UnsafeRawBufferPointer(buffer)
            for slot in columns.indices { columns[slot].append(slices[slot], buffer: view, options: options) }
        }
    }
}
