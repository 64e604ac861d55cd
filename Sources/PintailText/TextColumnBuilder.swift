import PintailCore
#if canImport(Glibc)
import Glibc
#endif

/// Field slices of one column for a run of lines: `starts[i] ..< ends[i]` in the reader's buffer, or
/// `starts[i] == -1` when the line had no such field.
struct FieldSlices {
    var starts: [Int] = []
    var ends: [Int] = []
    /// Whether any field of the run contains the escape byte (then string values are unescaped).
    var sawEscape = false

    mutating func removeAll() {
        starts.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        sawEscape = false
    }
}

/// Accumulates one output column. The kind is fixed at creation, so `append` switches once per run of lines and
/// then loops over the fields with a typed parser.
final class TextColumnBuilder {
    let type: DataType
    private var integers: [Int64] = []
    private var int32s: [Int32] = []
    private var doubles: [Double] = []
    private var wide: [Int128] = []
    private var bools: [UInt8] = []
    private var strings = ByteColumn()
    private var validity = Bitmap(count: 0, value: true)
    private var nullCount = 0
    /// Fields that were present but did not parse as the column type (Athena turns them into NULL).
    private(set) var badFields = 0

    init(type: DataType) throws(TextFileError) {
        self.type = type
        switch type {
        case .varchar, .char, .varbinary, .json: kind = .string
        case .tinyint: kind = .integer; minInteger = Int64(Int8.min); maxInteger = Int64(Int8.max)
        case .smallint: kind = .integer; minInteger = Int64(Int16.min); maxInteger = Int64(Int16.max)
        case .integer: kind = .int32; minInteger = Int64(Int32.min); maxInteger = Int64(Int32.max)
        case .bigint: kind = .integer
        case .real, .double: kind = .floating
        case .decimal: kind = .decimal
        case .boolean: kind = .boolean
        case .date: kind = .date
        case .timestamp: kind = .timestamp
        case .time: kind = .time
        default: throw TextFileError(path: "", message: "column type \(type) is not supported in delimited text tables")
        }
    }

    var count: Int { validity.count }

    /// The parser family of a column, fixed at creation so the per-field loops below never switch on the type.
    private enum Kind { case string, integer, int32, floating, decimal, boolean, date, timestamp, time }
    private let kind: Kind
    private var minInteger = Int64.min, maxInteger = Int64.max

    /// Appends one run of lines' fields: one switch, then a typed loop.
    func append(_ slices: FieldSlices, buffer: UnsafeRawBufferPointer, options: DelimitedTextOptions) {
        switch kind {
        case .string:
            let esc = slices.sawEscape ? options.escape : nil
            forEachField(slices, buffer, options) { field, isNull in
                if isNull { strings.appendEmpty() }
                else if let esc, field.contains(esc) { strings.append(bytes: Self.unescape(field, esc)) }
                else { strings.append(field) }
                return !isNull
            }
        case .integer, .int32:
            let narrow = kind == .int32
            forEachField(slices, buffer, options) { field, isNull in
                var v: Int64 = 0
                var valid = !isNull
                if valid {
                    if let parsed = TextFieldParsers.parseInteger(field), parsed >= minInteger, parsed <= maxInteger { v = parsed }
                    else { valid = false; countBad(field) }
                }
                if narrow { int32s.append(Int32(truncatingIfNeeded: v)) } else { integers.append(v) }
                return valid
            }
        case .floating:
            forEachField(slices, buffer, options) { field, isNull in
                var v = 0.0
                var valid = !isNull
                if valid {
                    if let parsed = TextFieldParsers.parseDouble(field) { v = parsed } else { valid = false; countBad(field) }
                }
                doubles.append(v)
                return valid
            }
        case .decimal:
            guard case .decimal(let p, let s) = type else { return }
            forEachField(slices, buffer, options) { field, isNull in
                var v: Int128 = 0
                var valid = !isNull
                if valid {
                    if let parsed = TextFieldParsers.parseDecimal(field, precision: p, scale: s) { v = parsed }
                    else { valid = false; countBad(field) }
                }
                wide.append(v)
                return valid
            }
        case .boolean:
            forEachField(slices, buffer, options) { field, isNull in
                var v = false
                var valid = !isNull
                if valid {
                    if let parsed = TextFieldParsers.parseBoolean(field) { v = parsed } else { valid = false; countBad(field) }
                }
                bools.append(v ? 1 : 0)
                return valid
            }
        case .date:
            forEachField(slices, buffer, options) { field, isNull in
                var v: Int32 = 0
                var valid = !isNull
                if valid {
                    if let parsed = Calendar.parseDate(field) { v = parsed } else { valid = false; countBad(field) }
                }
                int32s.append(v)
                return valid
            }
        case .timestamp, .time:
            let isTime = kind == .time
            forEachField(slices, buffer, options) { field, isNull in
                var v: Int64 = 0
                var valid = !isNull
                if valid {
                    var i = 0
                    let parsed = isTime ? Calendar.parseTimeOfDay(field, &i).flatMap { i == field.count ? $0 : nil }
                        : Calendar.parseTimestamp(field)
                    if let parsed { v = parsed } else { valid = false; countBad(field) }
                }
                integers.append(v)
                return valid
            }
        }
    }

    /// Calls `body(field, isNull)` for each line of the run; `body` returns whether it stored a value.
    @inline(__always)
    private func forEachField(_ slices: FieldSlices, _ buffer: UnsafeRawBufferPointer, _ options: DelimitedTextOptions,
                              _ body: (UnsafeRawBufferPointer, Bool) -> Bool) {
        let n = slices.starts.count
        slices.starts.withUnsafeBufferPointer { starts in
            slices.ends.withUnsafeBufferPointer { ends in
                options.nullMarker.withUnsafeBytes { nullBytes in
                    for i in 0..<n {
                        let s = starts[i]
                        let field = s < 0 ? UnsafeRawBufferPointer(start: nil, count: 0)
                            : UnsafeRawBufferPointer(rebasing: buffer[s..<ends[i]])
                        // A missing field, the null marker, or an empty non-string field is NULL.
                        let isNull = s < 0 || (field.count == nullBytes.count && memcmp(field.baseAddress!, nullBytes.baseAddress!, field.count) == 0)
                            || (field.count == 0 && kind != .string)
                        let valid = body(field, isNull)
                        validity.append(valid)
                        if !valid { nullCount += 1 }
                    }
                }
            }
        }
    }

    @inline(__always)
    private func countBad(_ field: UnsafeRawBufferPointer) { if field.count > 0 { badFields += 1 } }

    /// Hive's unescaping: the escape byte makes the next byte literal; `\n` and `\r` stand for line breaks.
    static func unescape(_ field: UnsafeRawBufferPointer, _ esc: UInt8) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(field.count)
        var i = 0
        while i < field.count {
            let c = field[i]
            if c == esc, i + 1 < field.count {
                let next = field[i + 1]
                out.append(next == 0x6E ? 0x0A : next == 0x72 ? 0x0D : next)
                i += 2
            } else {
                out.append(c)
                i += 1
            }
        }
        return out
    }

    /// The accumulated rows as a vector; the builder starts over empty.
    func finish() -> Vector {
        let n = validity.count
        let storage: ColumnStorage
        switch type {
        case .varchar, .char, .varbinary, .json: storage = .bytes(strings); strings = ByteColumn()
        case .tinyint: storage = .int8(integers.map { Int8(truncatingIfNeeded: $0) })
        case .smallint: storage = .int16(integers.map { Int16(truncatingIfNeeded: $0) })
        case .integer, .date: storage = .int32(int32s)
        case .bigint, .timestamp, .time: storage = .int64(integers)
        case .real: storage = .float32(doubles.map { Float($0) })
        case .double: storage = .float64(doubles)
        case .decimal(let p, _): storage = p <= 18 ? .int64(wide.map { Int64(truncatingIfNeeded: $0) }) : .int128(wide)
        case .boolean: storage = .bool(bools)
        default: storage = .bool([UInt8](repeating: 0, count: n))
        }
        let v = Vector(type: type, count: n, storage: storage, validity: nullCount > 0 ? validity : nil)
        integers = []; int32s = []; doubles = []; wide = []; bools = []
        validity = Bitmap(count: 0, value: true)
        nullCount = 0
        return v
    }
}
