import Foundation

/// A bounds-checked reader of the safetensors format: an 8-byte little-endian header length, a JSON header
/// naming each tensor's dtype, shape and byte range, then raw little-endian data.
public struct SafeTensors: Sendable {
    public struct Entry: Sendable {
        public let dtype: String
        public let shape: [Int]
        let range: Range<Int>
    }

    public let file: String
    public let entries: [String: Entry]
    /// String metadata from the header's `__metadata__` object.
    public let metadata: [String: String]
    private let data: Data
    private let dataStart: Int

    public init(file: String) throws(ModelError) {
        try self.init(data: ModelFolder.read(file), file: file)
    }

    public init(data: Data, file: String) throws(ModelError) {
        self.file = file
        self.data = data
        guard data.count >= 8 else { throw ModelError(.malformed, "safetensors file shorter than its header length", file: file) }
        var headerLength: UInt64 = 0
        for i in (0..<8).reversed() { headerLength = headerLength << 8 | UInt64(data[data.startIndex + i]) }
        guard headerLength <= UInt64(data.count - 8) else {
            throw ModelError(.malformed, "safetensors header length \(headerLength) exceeds the file", file: file)
        }
        dataStart = 8 + Int(headerLength)
        let headerBytes = data.subdata(in: data.startIndex + 8..<data.startIndex + dataStart)
        let header = try JSONObject(data: headerBytes, file: file)
        let dataSize = data.count - dataStart
        var entries: [String: Entry] = [:]
        var metadata: [String: String] = [:]
        for (name, value) in header.dictionary {
            if name == "__metadata__" {
                for (key, item) in (value as? [String: Any]) ?? [:] { metadata[key] = item as? String }
                continue
            }
            guard let fields = value as? [String: Any], let dtype = fields["dtype"] as? String,
                let shapeValues = fields["shape"] as? [NSNumber], let offsets = fields["data_offsets"] as? [NSNumber],
                offsets.count == 2
            else { throw ModelError(.malformed, "tensor \(name): header entry lacks dtype, shape or data_offsets", file: file) }
            let shape = shapeValues.map(\.intValue)
            let begin = offsets[0].int64Value, end = offsets[1].int64Value
            guard begin >= 0, end >= begin, end <= Int64(dataSize) else {
                throw ModelError(.malformed, "tensor \(name): byte range \(begin)..<\(end) outside the data (\(dataSize) bytes)", file: file)
            }
            guard shape.allSatisfy({ $0 >= 0 && $0 < 1 << 31 }) else {
                throw ModelError(.malformed, "tensor \(name): bad shape \(shape)", file: file)
            }
            entries[name] = Entry(dtype: dtype, shape: shape, range: Int(begin)..<Int(end))
        }
        self.entries = entries
        self.metadata = metadata
    }

    public func contains(_ name: String) -> Bool { entries[name] != nil }

    /// The F32 tensor `name`, checked against `shape` when one is given.
    public func floats(_ name: String, shape expected: [Int]? = nil) throws(ModelError) -> [Float] {
        guard let entry = entries[name] else { throw ModelError(.missingTensor, "tensor \(name) not found", file: file) }
        guard entry.dtype == "F32" else {
            throw ModelError(.malformed, "tensor \(name) has dtype \(entry.dtype), expected F32", file: file)
        }
        if let expected, expected != entry.shape {
            throw ModelError(.malformed, "tensor \(name) has shape \(entry.shape), expected \(expected)", file: file)
        }
        var count = 1
        for dim in entry.shape {
            let (product, overflow) = count.multipliedReportingOverflow(by: dim)
            guard !overflow else { throw ModelError(.malformed, "tensor \(name): shape overflows", file: file) }
            count = product
        }
        guard count * 4 == entry.range.count else {
            throw ModelError(.malformed, "tensor \(name): \(entry.range.count) bytes for \(count) floats", file: file)
        }
        var result = [Float](repeating: 0, count: count)
        let start = data.startIndex + dataStart + entry.range.lowerBound
        result.withUnsafeMutableBytes { out in
            data.withUnsafeBytes { raw in
                out.copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[start - data.startIndex..<start - data.startIndex + count * 4]))
            }
        }
        #if _endian(big)
            for i in result.indices { result[i] = Float(bitPattern: UInt32(littleEndian: result[i].bitPattern)) }
        #endif
        return result
    }
}
