/// Variable-length values (varchar, varbinary, ...) in two contiguous buffers: `offsets` has count + 1 entries and
/// value `i` is `bytes[offsets[i] ..< offsets[i + 1]]`. NULL rows hold an empty value.
public struct ByteColumn: Sendable, Equatable {
    public var offsets: [Int32]
    public var bytes: [UInt8]

    public init() {
        offsets = [0]
        bytes = []
    }

    public init(offsets: [Int32], bytes: [UInt8]) {
        self.offsets = offsets
        self.bytes = bytes
    }

    public init<S: Sequence>(strings: S) where S.Element == String {
        self.init()
        for s in strings { append(s) }
    }

    public var count: Int { offsets.count - 1 }

    public mutating func reserve(values: Int, bytes byteCount: Int) {
        offsets.reserveCapacity(values + 1)
        bytes.reserveCapacity(byteCount)
    }

    @inline(__always)
    public mutating func append(_ value: UnsafeRawBufferPointer) {
        bytes.append(contentsOf: value)
        offsets.append(Int32(truncatingIfNeeded: bytes.count))
    }

    public mutating func append(_ value: String) {
        var v = value
        v.withUTF8 { bytes.append(contentsOf: $0) }
        offsets.append(Int32(truncatingIfNeeded: bytes.count))
    }

    public mutating func append(bytes value: [UInt8]) {
        bytes.append(contentsOf: value)
        offsets.append(Int32(truncatingIfNeeded: bytes.count))
    }

    /// Appends an empty value (used for NULL rows).
    @inline(__always)
    public mutating func appendEmpty() {
        offsets.append(Int32(truncatingIfNeeded: bytes.count))
    }

    public func string(at i: Int) -> String {
        let start = Int(offsets[i]), end = Int(offsets[i + 1])
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self) }
    }

    public func value(at i: Int) -> [UInt8] {
        Array(bytes[Int(offsets[i])..<Int(offsets[i + 1])])
    }

    @inlinable
    public func length(at i: Int) -> Int { Int(offsets[i + 1] - offsets[i]) }

    /// The values at `indices`, in order.
    public func gather(_ indices: UnsafeBufferPointer<Int32>) -> ByteColumn {
        var result = ByteColumn()
        var total = 0
        for i in indices { total += length(at: Int(i)) }
        result.reserve(values: indices.count, bytes: total)
        bytes.withUnsafeBytes { raw in
            for i in indices {
                let s = Int(offsets[Int(i)]), e = Int(offsets[Int(i) + 1])
                result.append(UnsafeRawBufferPointer(rebasing: raw[s..<e]))
            }
        }
        return result
    }
}
