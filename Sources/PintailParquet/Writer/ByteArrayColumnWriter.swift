import PintailCodecs
import PintailCore

/// BYTE_ARRAY columns (strings, binary) and FIXED_LEN_BYTE_ARRAY decimals: RLE_DICTIONARY while the dictionary
/// stays under the limit, PLAIN after. Statistics compare bytes unsigned (signed first byte for decimals).
final class ByteArrayColumnWriter: ColumnWriter {
    /// Value width for FIXED_LEN_BYTE_ARRAY, 0 for BYTE_ARRAY.
    private let fixedWidth: Int
    private var dictionary = BytesDictionary()
    private var ids: [UInt32] = []
    private var plain: [UInt8] = []
    private var useDictionary: Bool
    private var fallBackAfterPage = false
    private var chunkValues = 0
    private var minimum: [UInt8]?
    private var maximum: [UInt8]?

    override init(column: ParquetColumn, layout: WriterColumnLayout, settings: ColumnWriterSettings,
                  compressor: BlockCompressor) {
        fixedWidth = Int(layout.typeLength ?? 0)
        useDictionary = settings.dictionaryEnabled
        super.init(column: column, layout: layout, settings: settings, compressor: compressor)
    }

    override func appendValues(_ vector: Vector, _ rows: Range<Int>) throws {
        let validity = vector.validity
        switch vector.storage {
        case .bytes(let column):
            try column.bytes.withUnsafeBytes { raw in
                try column.offsets.withUnsafeBufferPointer { offsets in
                    for i in rows {
                        if let validity, !validity[i] { continue }
                        let start = Int(offsets[i]), end = Int(offsets[i + 1])
                        guard start >= 0, start <= end, end <= raw.count else {
                            throw ParquetWriteError.schemaMismatch("column '\(self.column.name)': corrupt string offsets")
                        }
                        try add(UnsafeRawBufferPointer(rebasing: raw[start..<end]))
                    }
                }
            }
        case .int128(let values) where fixedWidth > 0:
            var bigEndian = [UInt8](repeating: 0, count: fixedWidth)
            for i in rows {
                if let validity, !validity[i] { continue }
                Self.twosComplementBigEndian(values[i], into: &bigEndian)
                try bigEndian.withUnsafeBytes { try add($0) }
            }
        default:
            throw ParquetWriteError.schemaMismatch("column '\(column.name)' cannot store a \(vector.type) vector")
        }
        if useDictionary && !fallBackAfterPage {
            let tooLarge = dictionary.bytes.count + 4 * dictionary.count > settings.dictionaryPageBytes
            let mostlyDistinct = chunkValues >= 4096 && dictionary.count * 10 > chunkValues * 9
            fallBackAfterPage = tooLarge || mostlyDistinct
        }
    }

    @inline(__always)
    private func add(_ value: UnsafeRawBufferPointer) throws {
        guard value.count <= Int(Int32.max) else {
            throw ParquetWriteError.valueTooLarge(column: column.name, bytes: value.count)
        }
        if useDictionary {
            // Bounds of dictionary-encoded values come from the dictionary's distinct entries at the end.
            ids.append(UInt32(bitPattern: dictionary.id(for: value)))
        } else {
            updateBounds(value)
            if fixedWidth == 0 { appendLength(value.count, to: &plain) }
            plain.append(contentsOf: value)
        }
        chunkValues += 1
    }

    override func estimatedPageBytes() -> Int {
        if fallBackAfterPage { return Int.max }
        return useDictionary ? ids.count * 2 : plain.count
    }

    override func takePageValues() throws -> ([UInt8], WriterEncoding) {
        if useDictionary && dictionary.count == 0 { return ([], .plain) }  // only NULLs so far
        if useDictionary {
            let encoded = Self.encodeIndices(ids, dictionarySize: dictionary.count)
            ids.removeAll(keepingCapacity: true)
            if fallBackAfterPage {
                useDictionary = false
                fallBackAfterPage = false
            }
            return (encoded, .rleDictionary)
        }
        defer { plain.removeAll(keepingCapacity: true) }
        return (plain, .plain)
    }

    /// Called before `takeStatistics`, so the dictionary's entries also fold into the bounds here.
    override func takeDictionaryPage() throws -> (values: [UInt8], count: Int)? {
        defer {
            dictionary.reset()
            chunkValues = 0
        }
        guard dictionary.count > 0 else { return nil }
        var page: [UInt8] = []
        page.reserveCapacity(dictionary.bytes.count + 4 * dictionary.count)
        let offsets = dictionary.offsets
        dictionary.bytes.withUnsafeBytes { raw in
            for i in 0..<dictionary.count {
                let start = Int(offsets[i]), end = Int(offsets[i + 1])
                let value = UnsafeRawBufferPointer(rebasing: raw[start..<end])
                updateBounds(value)
                if fixedWidth == 0 { appendLength(end - start, to: &page) }
                page.append(contentsOf: value)
            }
        }
        return (page, dictionary.count)
    }

    @inline(__always)
    private func updateBounds(_ value: UnsafeRawBufferPointer) {
        if minimum.map({ compare(value, $0) < 0 }) ?? true { minimum = Array(value) }
        if maximum.map({ compare(value, $0) > 0 }) ?? true { maximum = Array(value) }
    }

    override func takeStatistics(nullCount: Int64) -> ColumnStatistics {
        defer { minimum = nil; maximum = nil }
        var stats = ColumnStatistics(nullCount: nullCount)
        guard let minimum, let maximum else { return stats }
        if fixedWidth > 0 {
            stats.min = minimum
            stats.max = maximum
        } else {
            let bounds = ColumnStatistics.truncatedBounds(min: minimum, max: maximum)
            stats.min = bounds.min
            stats.minIsExact = bounds.minExact
            stats.max = bounds.max
            stats.maxIsExact = bounds.maxExact
        }
        return stats
    }

    /// Unsigned lexicographic order; decimals (fixed width) compare their first byte as signed.
    @inline(__always)
    private func compare(_ a: UnsafeRawBufferPointer, _ b: [UInt8]) -> Int {
        b.withUnsafeBytes { b in
            let n = min(a.count, b.count)
            for i in 0..<n where a[i] != b[i] {
                if i == 0 && fixedWidth > 0 { return Int(Int8(bitPattern: a[0])) < Int(Int8(bitPattern: b[0])) ? -1 : 1 }
                return a[i] < b[i] ? -1 : 1
            }
            return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
        }
    }

    private func appendLength(_ n: Int, to out: inout [UInt8]) {
        let v = UInt32(truncatingIfNeeded: n)
        out.append(UInt8(truncatingIfNeeded: v))
        out.append(UInt8(truncatingIfNeeded: v >> 8))
        out.append(UInt8(truncatingIfNeeded: v >> 16))
        out.append(UInt8(truncatingIfNeeded: v >> 24))
    }

    private static func twosComplementBigEndian(_ value: Int128, into out: inout [UInt8]) {
        var v = value
        for i in stride(from: out.count - 1, through: 0, by: -1) {
            out[i] = UInt8(truncatingIfNeeded: v)
            v >>= 8
        }
    }
}
