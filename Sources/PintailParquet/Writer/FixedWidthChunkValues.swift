import PintailCore

/// The buffered values of one fixed-width column chunk: dictionary ids (or PLAIN values) of the current page, the
/// chunk's dictionary and its bounds. Its methods run specialized per type (see `FixedWidthValue.append`).
struct FixedWidthChunkValues<T: FixedWidthValue> {
    let dictionary = FixedWidthDictionary()
    let ids = WriterBuffer<UInt32>()
    let plain = WriterBuffer<T>()
    var useDictionary: Bool
    /// Non-NULL values of the chunk so far.
    var chunkValues = 0
    var minimum: T?
    var maximum: T?

    init(useDictionary: Bool) {
        self.useDictionary = useDictionary
    }

    /// Appends the non-NULL values among `rows`, as dictionary ids or PLAIN, and folds them into the bounds.
    mutating func append(_ values: UnsafeBufferPointer<T>, _ rows: Range<Int>, _ validity: Bitmap?, column: String) throws {
        guard let base = values.baseAddress, !rows.isEmpty else { return }
        guard rows.lowerBound >= 0, rows.upperBound <= values.count else {
            throw ParquetWriteError.schemaMismatch("column '\(column)' holds fewer values than the batch has rows")
        }
        // Non-optional bounds in the loop; `hasBounds` turns true at the first non-NaN value.
        var hasBounds = minimum != nil
        var lo = minimum ?? base[rows.lowerBound], hi = maximum ?? base[rows.lowerBound]
        var written = 0
        if useDictionary {
            ids.reserve(rows.count)
            let out = ids.end
            let dictionary = self.dictionary
            for i in rows {
                if let validity, !validity[i] { continue }
                let v = base[i]
                Self.fold(v, &lo, &hi, &hasBounds)
                out[written] = UInt32(bitPattern: dictionary.id(for: v.bitPattern64))
                written += 1
            }
            ids.count += written
        } else {
            plain.reserve(rows.count)
            let out = plain.end
            for i in rows {
                if let validity, !validity[i] { continue }
                let v = base[i]
                Self.fold(v, &lo, &hi, &hasBounds)
                out[written] = v
                written += 1
            }
            plain.count += written
        }
        chunkValues += written
        if hasBounds {
            minimum = lo
            maximum = hi
        }
    }

    @inline(__always)
    private static func fold(_ v: T, _ lo: inout T, _ hi: inout T, _ hasBounds: inout Bool) {
        if v.isNaNValue { return }
        if !hasBounds {
            lo = v
            hi = v
            hasBounds = true
        }
        if v < lo { lo = v }
        if v > hi { hi = v }
    }

    /// The dictionary's values, PLAIN-encoded, in id order: the low 4 or 8 bytes of each 64-bit pattern. Written
    /// without per-value generic calls, as this runs unspecialized (from the generic writer class).
    func dictionaryPage() -> [UInt8] {
        let width = MemoryLayout<T>.size
        let patterns = dictionary.values.buffer
        return [UInt8](unsafeUninitializedCapacity: patterns.count * width) { out, initialized in
            guard let base = out.baseAddress else { initialized = 0; return }
            let raw = UnsafeMutableRawPointer(base)
            if width == 4 {
                for (i, pattern) in patterns.enumerated() {
                    raw.storeBytes(of: UInt32(truncatingIfNeeded: pattern).littleEndian, toByteOffset: 4 * i, as: UInt32.self)
                }
            } else {
                for (i, pattern) in patterns.enumerated() {
                    raw.storeBytes(of: pattern.littleEndian, toByteOffset: 8 * i, as: UInt64.self)
                }
            }
            initialized = patterns.count * width
        }
    }
}
