/// The dictionary indices of one flat data page, decoded a batch at a time from the page buffer instead of all at
/// once: each batch's indices land in a small reused buffer that stays in cache, and the values are gathered from
/// the dictionary straight into the batch (no page-sized index or value arrays).
/// Every index handed out has been checked against the dictionary's size, so gathers need no bounds checks.
final class DictionaryIndexStream {
    /// Keeps the bytes the decoder reads alive.
    private let buffer: PageBuffer
    private var decoder: RleBitPackedDecoder
    let dictionaryCount: Int
    /// Non-NULL values (indices) on the page.
    let valueCount: Int
    /// Whether the batch keeps byte values in dictionary shape (indices over the dictionary) instead of gathering.
    let keepsDictionaryShape: Bool
    /// Indices decoded so far.
    private(set) var position = 0
    private var scratch: UnsafeMutablePointer<Int32>
    private var scratchCapacity: Int

    /// `start` is where the index section (bit width byte, then RLE / bit-packed runs) begins in `buffer`.
    init(buffer: PageBuffer, start: Int, valueCount: Int, dictionaryCount: Int, keepsDictionaryShape: Bool)
        throws(ParquetDecodeError)
    {
        guard start >= 0, start <= buffer.count, valueCount >= 0 else { throw ParquetDecodeError("page values out of range") }
        let data = UnsafeRawBufferPointer(rebasing: buffer.bytes[start...])
        if valueCount == 0 {
            decoder = try RleBitPackedDecoder(UnsafeRawBufferPointer(start: nil, count: 0), bitWidth: 0)
        } else {
            guard !data.isEmpty else { throw ParquetDecodeError("dictionary indices missing") }
            decoder = try RleBitPackedDecoder(UnsafeRawBufferPointer(rebasing: data[1...]), bitWidth: Int(data[0]))
        }
        self.buffer = buffer
        self.valueCount = valueCount
        self.dictionaryCount = dictionaryCount
        self.keepsDictionaryShape = keepsDictionaryShape
        scratchCapacity = 0
        scratch = .allocate(capacity: 1)
    }

    deinit { scratch.deallocate() }

    /// Decodes the next `count` indices; the buffer is valid until the next call.
    func next(_ count: Int) throws(ParquetDecodeError) -> UnsafeBufferPointer<Int32> {
        guard count >= 0, count <= valueCount - position else {
            throw ParquetDecodeError("page holds fewer dictionary indices than its levels")
        }
        if count > scratchCapacity {
            scratch.deallocate()
            scratch = .allocate(capacity: count)
            scratchCapacity = count
        }
        guard count > 0 else { return UnsafeBufferPointer(start: scratch, count: 0) }
        try decoder.decode(into: scratch, count: count)
        position += count
        let out = UnsafeBufferPointer(start: UnsafePointer(scratch), count: count)
        // Negative indices become huge as UInt32, so one maximum checks both bounds (and vectorizes).
        let largest = out.reduce(UInt32(0)) { Swift.max($0, UInt32(bitPattern: $1)) }
        if UInt64(largest) >= UInt64(dictionaryCount) {
            throw ParquetDecodeError("dictionary index out of range (dictionary holds \(dictionaryCount) values)")
        }
        return out
    }

    /// Passes over indices up to value `target` (rows a row selection or a filter passed over) without
    /// unpacking whole groups; indices passed over are not checked against the dictionary.
    func skip(to target: Int) throws(ParquetDecodeError) {
        guard target >= position, target <= valueCount else { throw ParquetDecodeError("dictionary indices read out of order") }
        try decoder.skip(target - position)
        position = target
    }
}
