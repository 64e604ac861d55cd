import PintailCore

/// Accumulates one batch of a flat column: values (with zero / empty values under NULL rows) or dictionary
/// indices, and a validity bitmap built only when a NULL appears.
struct OutputBuilder {
    let type: DataType
    var values: ColumnStorage
    var indices: [Int32]?
    var pending = PendingPlainValues()
    private var validity: [UInt64] = []
    private var hasNull = false
    var count = 0
    let capacity: Int
    /// Keep dictionary-encoded values of any type as indices over the dictionary (a filter looks them up).
    let dictionaryShape: Bool

    init(type: DataType, capacity: Int, dictionaryShape: Bool = false) {
        self.type = type
        self.capacity = capacity
        self.dictionaryShape = dictionaryShape
        values = .empty(for: type)
    }

    /// Appends `rows` of `page` whose first non-null value is `valueStart`; returns the values consumed.
    mutating func append(_ page: DecodedPage, rows: Range<Int>, valueStart: Int, dictionary: ColumnStorage?,
                         maxDef: Int32) throws -> Int {
        let defs = page.definitionLevels
        let used: Int
        if let defs {
            used = defs.withUnsafeBufferPointer { d in
                var n = 0
                for i in rows where d[i] == maxDef { n += 1 }
                return n
            }
        } else {
            used = rows.count
        }
        guard valueStart + used <= page.valueCount else { throw ParquetDecodeError("page holds fewer values than its levels") }
        appendValidity(defs, rows, maxDef)
        if let pageIndices = page.dictionaryIndices {
            if indices == nil && count == 0 { indices = [] ; indices!.reserveCapacity(capacity) }
            if indices != nil {
                pageIndices.withUnsafeBufferPointer { src in
                    Self.scatter(src, valueStart, defs, rows, maxDef, zero: 0, into: &indices!)
                }
            } else if let dictionary {
                // The batch already holds plain values: materialize these indices.
                pending.flush(into: &values)
                let slice = Array(pageIndices[valueStart..<valueStart + used])
                appendValues(dictionary.gather(slice), 0, defs, rows, maxDef)
            }
        } else if let stream = page.indexStream {
            try appendIndices(stream, rows: rows, valueStart: valueStart, used: used, dictionary: dictionary, defs: defs, maxDef: maxDef)
        } else if let plain = page.plain {
            flattenIndices(dictionary)
            let (byte, payload) = try plain.span(first: valueStart, count: used)
            try pending.add(PlainSegment(values: plain, byte: byte, payload: payload, rows: rows, defs: defs, maxDef: maxDef),
                            for: values)
        } else if let pageValues = page.values {
            flattenIndices(dictionary)
            pending.flush(into: &values)
            appendValues(pageValues, valueStart, defs, rows, maxDef)
        } else {
            throw ParquetDecodeError("dictionary-encoded page without a dictionary")
        }
        count += rows.count
        return used
    }

    /// Rows of a page whose indices are decoded now: kept as indices (byte columns in dictionary shape) or
    /// gathered from the dictionary straight into the batch's values.
    private mutating func appendIndices(_ stream: DictionaryIndexStream, rows: Range<Int>, valueStart: Int, used: Int,
                                        dictionary: ColumnStorage?, defs: [Int32]?, maxDef: Int32) throws {
        guard let dictionary else { throw ParquetDecodeError("dictionary-encoded page without a dictionary") }
        try stream.skip(to: valueStart)
        let picked = try stream.next(used)
        if stream.keepsDictionaryShape || dictionaryShape {
            if indices == nil && count == 0 { indices = [] ; indices!.reserveCapacity(capacity) }
            if indices != nil {
                Self.scatter(picked, 0, defs, rows, maxDef, zero: 0, into: &indices!)
                return
            }
        }
        flattenIndices(dictionary)
        pending.flush(into: &values)
        if !DictionaryGather.append(dictionary, picked, defs, rows, maxDef, into: &values) {
            appendValues(dictionary.gather(picked), 0, defs, rows, maxDef)
        }
    }

    /// Dictionary fallback inside this batch: flattens the indices collected so far into plain values.
    mutating func flattenIndices(_ dictionary: ColumnStorage?) {
        if let held = indices, let dictionary {
            values = dictionary.gather(held)
            indices = nil
        }
    }

    /// Validity bits are only materialized once a NULL shows up; until then every row is valid.
    mutating func appendValidity(_ defs: [Int32]?, _ rows: Range<Int>, _ maxDef: Int32) {
        let newCount = count + rows.count
        let words = (newCount + 63) >> 6
        guard let defs else {
            if hasNull { setBits(count..<newCount, words: words) }
            return
        }
        if !hasNull {
            let anyNull = defs.withUnsafeBufferPointer { d in rows.contains { d[$0] != maxDef } }
            guard anyNull else { return }
            hasNull = true
            validity = []
            setBits(0..<count, words: (count + 63) >> 6)
        }
        if validity.count < words { validity.append(contentsOf: repeatElement(0, count: words - validity.count)) }
        defs.withUnsafeBufferPointer { d in
            validity.withUnsafeMutableBufferPointer { bits in
                var at = count
                for i in rows {
                    if d[i] == maxDef { bits[at >> 6] |= 1 << UInt64(at & 63) }
                    at += 1
                }
            }
        }
    }

    private mutating func setBits(_ range: Range<Int>, words: Int) {
        if validity.count < words { validity.append(contentsOf: repeatElement(0, count: words - validity.count)) }
        validity.withUnsafeMutableBufferPointer { bits in
            for at in range { bits[at >> 6] |= 1 << UInt64(at & 63) }
        }
    }

    mutating func appendValues(_ src: ColumnStorage, _ start: Int, _ defs: [Int32]?, _ rows: Range<Int>, _ maxDef: Int32) {
        let dst = values
        values = .bool([])  // release the reference so the payload below is uniquely owned
        switch (dst, src) {
        case (.bool(var d), .bool(let s)): Self.scatterArray(s, start, defs, rows, maxDef, 0, &d); values = .bool(d)
        case (.int8(var d), .int8(let s)): Self.scatterArray(s, start, defs, rows, maxDef, 0, &d); values = .int8(d)
        case (.int16(var d), .int16(let s)): Self.scatterArray(s, start, defs, rows, maxDef, 0, &d); values = .int16(d)
        case (.int32(var d), .int32(let s)): Self.scatterArray(s, start, defs, rows, maxDef, 0, &d); values = .int32(d)
        case (.int64(var d), .int64(let s)): Self.scatterArray(s, start, defs, rows, maxDef, 0, &d); values = .int64(d)
        case (.int128(var d), .int128(let s)): Self.scatterArray(s, start, defs, rows, maxDef, 0, &d); values = .int128(d)
        case (.float32(var d), .float32(let s)): Self.scatterArray(s, start, defs, rows, maxDef, 0, &d); values = .float32(d)
        case (.float64(var d), .float64(let s)): Self.scatterArray(s, start, defs, rows, maxDef, 0, &d); values = .float64(d)
        case (.bytes(var d), .bytes(let s)): Self.scatterBytes(s, start, defs, rows, maxDef, &d); values = .bytes(d)
        default: values = dst
        }
    }

    private static func scatterArray<T>(_ src: [T], _ start: Int, _ defs: [Int32]?, _ rows: Range<Int>, _ maxDef: Int32,
                                        _ zero: T, _ dst: inout [T]) {
        src.withUnsafeBufferPointer { s in scatter(s, start, defs, rows, maxDef, zero: zero, into: &dst) }
    }

    @inline(__always)
    static func scatter<T>(_ src: UnsafeBufferPointer<T>, _ start: Int, _ defs: [Int32]?, _ rows: Range<Int>,
                                   _ maxDef: Int32, zero: T, into dst: inout [T]) {
        guard let defs else {
            dst.append(contentsOf: UnsafeBufferPointer(rebasing: src[start..<start + rows.count]))
            return
        }
        defs.withUnsafeBufferPointer { d in
            var v = start
            for i in rows {
                if d[i] == maxDef { dst.append(src[v]); v += 1 } else { dst.append(zero) }
            }
        }
    }

    private static func scatterBytes(_ src: ByteColumn, _ start: Int, _ defs: [Int32]?, _ rows: Range<Int>, _ maxDef: Int32,
                                     _ dst: inout ByteColumn) {
        src.bytes.withUnsafeBytes { raw in
            src.offsets.withUnsafeBufferPointer { off in
                if defs == nil {
                    let s = Int(off[start]), e = Int(off[start + rows.count])
                    let base = Int32(dst.bytes.count) - off[start]
                    dst.bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[s..<e]))
                    for i in start + 1...start + rows.count { dst.offsets.append(off[i] &+ base) }
                    return
                }
                defs!.withUnsafeBufferPointer { d in
                    var v = start
                    for i in rows {
                        if d[i] == maxDef {
                            dst.append(UnsafeRawBufferPointer(rebasing: raw[Int(off[v])..<Int(off[v + 1])]))
                            v += 1
                        } else {
                            dst.appendEmpty()
                        }
                    }
                }
            }
        }
    }

    mutating func finish(dictionary: ColumnStorage?) -> Vector {
        pending.flush(into: &values)
        let bitmap = hasNull ? Bitmap(words: validity, count: count) : nil
        if let indices, let dictionary {
            // Only NULLs can point into an empty dictionary.
            if dictionary.count == 0 && type.physical != .bytes { return .nulls(type, count: count) }
            // NULL rows point at index 0, so an empty dictionary gets one empty value.
            let storage = dictionary.count == 0 ? ColumnStorage.bytes(ByteColumn(offsets: [0, 0], bytes: [])) : dictionary
            return Vector(type: type, count: count, storage: storage, validity: bitmap, shape: .dictionary(indices: indices))
        }
        return Vector(type: type, count: count, storage: values, validity: bitmap)
    }
}
