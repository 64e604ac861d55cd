import PintailCodecs
import PintailCore

/// BYTE_ARRAY columns (strings, binary) and FIXED_LEN_BYTE_ARRAY decimals: RLE_DICTIONARY while the dictionary
/// stays under the limit, PLAIN after. Statistics compare bytes unsigned (signed first byte for decimals).
final class ByteArrayColumnWriter: ColumnWriter {
    /// Value width for FIXED_LEN_BYTE_ARRAY, 0 for BYTE_ARRAY.
    private let fixedWidth: Int
    private var dictionary = BytesDictionary()
    private let ids = WriterBuffer<UInt32>()
    /// PLAIN page values, after `pageGap` free bytes for the levels.
    private let plain: WriterBuffer<UInt8>
    private var useDictionary: Bool
    private var fallBackAfterPage = false
    private var chunkValues = 0
    private let bounds: ByteArrayBounds

    override init(column: ParquetColumn, layout: WriterColumnLayout, settings: ColumnWriterSettings,
                  compressor: BlockCompressor) {
        fixedWidth = Int(layout.typeLength ?? 0)
        useDictionary = settings.dictionaryEnabled
        bounds = ByteArrayBounds(signedFirstByte: fixedWidth > 0)
        // A PLAIN-only column fills whole pages: size the buffer for one up front rather than growing it.
        let plain = WriterBuffer<UInt8>(
            capacity: settings.dictionaryEnabled ? 1 << 16 : min(settings.pageBytes + (1 << 16), 1 << 24))
        plain.count = ColumnWriter.pageGap
        self.plain = plain
        super.init(column: column, layout: layout, settings: settings, compressor: compressor)
    }

    override func appendValues(_ vector: Vector, _ rows: Range<Int>) throws {
        let validity = vector.validity
        switch vector.storage {
        case .bytes(let column):
            try appendBytes(column, rows, validity)
        case .int128(let values) where fixedWidth > 0:
            var bigEndian = [UInt8](repeating: 0, count: fixedWidth)
            for i in rows {
                if let validity, !validity[i] { continue }
                Self.twosComplementBigEndian(values[i], into: &bigEndian)
                bigEndian.withUnsafeBytes { add($0) }
            }
        default:
            throw ParquetWriteError.schemaMismatch("column '\(column.name)' cannot store a \(vector.type) vector")
        }
        updateFallback()
    }

    /// Decides, after each batch of values, whether the dictionary is dropped after the current page.
    private func updateFallback() {
        if useDictionary && !fallBackAfterPage {
            let tooLarge = dictionary.bytes.count + 4 * dictionary.count > settings.dictionaryPageBytes
            let mostlyDistinct = chunkValues >= 4096 && dictionary.count * 10 > chunkValues * 9
            fallBackAfterPage = tooLarge || mostlyDistinct
        }
    }

    /// A constant's value while the dictionary is on: one lookup, then the same id `count` times.
    override func appendRepeated(_ single: Vector, count: Int) throws -> Bool {
        guard useDictionary, case .bytes(let values) = single.storage, values.offsets.count >= 2 else { return false }
        let start = Int(values.offsets[0]), end = Int(values.offsets[1])
        guard start >= 0, start <= end, end <= values.bytes.count else { return false }
        let id = values.bytes.withUnsafeBytes { raw in
            dictionary.id(for: (raw.baseAddress ?? UnsafeRawPointer(ids.base)) + start, length: end - start)
        }
        ids.reserve(count)
        ids.end.initialize(repeating: UInt32(bitPattern: id), count: count)
        ids.count += count
        chunkValues += count
        updateFallback()
        return true
    }

    /// The whole-range paths: offsets checked once per value in a first pass, then one tight loop.
    private func appendBytes(_ values: ByteColumn, _ rows: Range<Int>, _ validity: Bitmap?) throws {
        guard rows.lowerBound >= 0, values.offsets.count > rows.upperBound else {
            throw ParquetWriteError.schemaMismatch("column '\(column.name)' holds fewer values than the batch has rows")
        }
        let byteCount = values.bytes.count
        // An empty byte buffer may have no address; every value is then empty and any address will do.
        let bytes = values.bytes.isEmpty ? [0] : values.bytes
        try bytes.withUnsafeBytes { raw in
            try values.offsets.withUnsafeBufferPointer { offsets in
                guard let base = raw.baseAddress, let offsets = offsets.baseAddress else { return }
                func corrupt() -> ParquetWriteError {
                    .schemaMismatch("column '\(self.column.name)': corrupt string offsets")
                }
                var total = 0
                var valid = 0
                if let validity {
                    for i in rows where validity[i] {
                        let start = Int(offsets[i]), end = Int(offsets[i + 1])
                        guard start >= 0, start <= end, end <= byteCount else { throw corrupt() }
                        total += end - start
                        valid += 1
                    }
                } else {
                    // Without NULLs every value is in range when the offsets ascend from >= 0 to <= byteCount:
                    // one branch-free (vectorizable) pass.
                    var descending: UInt8 = 0
                    for i in rows { descending |= offsets[i] > offsets[i + 1] ? 1 : 0 }
                    let first = Int(offsets[rows.lowerBound]), last = Int(offsets[rows.upperBound])
                    guard descending == 0, first >= 0, last <= byteCount else { throw corrupt() }
                    total = last - first
                    valid = rows.count
                }
                if useDictionary {
                    appendIds(base, offsets, rows, validity, valid)
                } else {
                    bounds.fold(base, offsets, rows, validity)
                    appendPlain(base, byteCount, offsets, rows, validity, total, valid)
                }
                chunkValues += valid
            }
        }
    }

    private func appendIds(_ base: UnsafeRawPointer, _ offsets: UnsafePointer<Int32>, _ rows: Range<Int>,
                           _ validity: Bitmap?, _ valid: Int) {
        // Bounds of dictionary-encoded values come from the dictionary's distinct entries at the end.
        ids.reserve(valid)
        let out = ids.end
        let dictionary = self.dictionary
        var n = 0
        for i in rows {
            if let validity, !validity[i] { continue }
            let start = Int(offsets[i])
            out[n] = UInt32(bitPattern: dictionary.id(for: base + start, length: Int(offsets[i + 1]) - start))
            n += 1
        }
        ids.count += n
    }

    private func appendPlain(_ base: UnsafeRawPointer, _ byteCount: Int, _ offsets: UnsafePointer<Int32>,
                             _ rows: Range<Int>, _ validity: Bitmap?, _ total: Int, _ valid: Int) {
        let prefix = fixedWidth == 0 ? 4 : 0
        plain.reserve(total + prefix * valid + 16)  // 16: short values are copied as two whole words
        let first = UnsafeMutableRawPointer(plain.end)
        var out = first
        for i in rows {
            if let validity, !validity[i] { continue }
            let start = Int(offsets[i]), length = Int(offsets[i + 1]) - start
            if prefix != 0 {
                out.storeBytes(of: UInt32(truncatingIfNeeded: length).littleEndian, as: UInt32.self)
                out += 4
            }
            if length <= 16 && start + 16 <= byteCount {
                out.storeBytes(of: base.loadUnaligned(fromByteOffset: start, as: UInt64.self), as: UInt64.self)
                (out + 8).storeBytes(of: base.loadUnaligned(fromByteOffset: start + 8, as: UInt64.self), as: UInt64.self)
            } else {
                copyBytes(out, base + start, length)
            }
            out += length
        }
        plain.count += out - first
    }

    /// One value (decimals): dictionary id or PLAIN bytes.
    private func add(_ value: UnsafeRawBufferPointer) {
        if useDictionary {
            ids.append(UInt32(bitPattern: dictionary.id(for: value.baseAddress ?? UnsafeRawPointer(ids.base),
                                                        length: value.count)))
        } else {
            bounds.fold(value)
            if fixedWidth == 0 { plain.appendUInt32(UInt32(truncatingIfNeeded: value.count)) }
            plain.append(value)
        }
        chunkValues += 1
    }

    override func estimatedPageBytes() -> Int {
        if fallBackAfterPage { return Int.max }
        return useDictionary ? ids.count * 2 : plain.count - ColumnWriter.pageGap
    }

    override func gappedPlainValues() -> WriterBuffer<UInt8>? { useDictionary ? nil : plain }

    override func clearPageValues() { plain.count = ColumnWriter.pageGap }

    override func encodePageValues(into body: WriterBuffer<UInt8>) throws -> WriterEncoding {
        if useDictionary && dictionary.count == 0 { return .plain }  // only NULLs so far
        if useDictionary {
            Self.encodeIndices(ids, dictionarySize: dictionary.count, into: body)
            ids.removeAll()
            if fallBackAfterPage {
                useDictionary = false
                fallBackAfterPage = false
            }
            return .rleDictionary
        }
        body.append(UnsafeRawBufferPointer(rebasing: plain.rawBuffer[ColumnWriter.pageGap...]))
        clearPageValues()
        return .plain
    }

    /// Called before `takeStatistics`, so the dictionary's entries also fold into the bounds here.
    override func takeDictionaryPage() throws -> (values: [UInt8], count: Int)? {
        defer {
            dictionary = BytesDictionary()
            chunkValues = 0
        }
        let count = dictionary.count
        guard count > 0 else { return nil }
        let base = UnsafeRawPointer(dictionary.bytes.base), offsets = dictionary.offsets.base
        bounds.fold(base, offsets, 0..<count, nil)
        let prefix = fixedWidth == 0 ? 4 : 0
        let total = dictionary.bytes.count + prefix * count
        let page = [UInt8](unsafeUninitializedCapacity: total) { out, initialized in
            initialized = 0
            guard let first = out.baseAddress else { return }
            var dst = UnsafeMutableRawPointer(first)
            for i in 0..<count {
                let start = Int(offsets[i]), length = Int(offsets[i + 1]) - start
                if prefix != 0 {
                    dst.storeBytes(of: UInt32(truncatingIfNeeded: length).littleEndian, as: UInt32.self)
                    dst += 4
                }
                copyBytes(dst, base + start, length)
                dst += length
            }
            initialized = total
        }
        return (page, count)
    }

    override func takeStatistics(nullCount: Int64) -> ColumnStatistics {
        var stats = ColumnStatistics(nullCount: nullCount)
        guard let (minimum, maximum) = bounds.take() else { return stats }
        if fixedWidth > 0 {
            stats.min = minimum
            stats.max = maximum
        } else {
            let truncated = ColumnStatistics.truncatedBounds(min: minimum, max: maximum)
            stats.min = truncated.min
            stats.minIsExact = truncated.minExact
            stats.max = truncated.max
            stats.maxIsExact = truncated.maxExact
        }
        return stats
    }

    private static func twosComplementBigEndian(_ value: Int128, into out: inout [UInt8]) {
        var v = value
        for i in stride(from: out.count - 1, through: 0, by: -1) {
            out[i] = UInt8(truncatingIfNeeded: v)
            v >>= 8
        }
    }
}
