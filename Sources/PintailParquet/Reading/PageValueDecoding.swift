import PintailCore

/// Decodes the value section of a data or dictionary page into dense physical storage (or dictionary indices).
enum PageValueDecoding {
    enum Result {
        case values(ColumnStorage)
        case indices([Int32])
        /// PLAIN values left in the page buffer (see `PlainPageValues`).
        case plain(PlainPageValues)
        /// Dictionary indices left in the page buffer (see `DictionaryIndexStream`).
        case indexStream(DictionaryIndexStream)
    }

    static func decode(_ data: UnsafeRawBufferPointer, encoding: ParquetEncoding, leaf: ParquetLeaf, count: Int,
                       dictionaryCount: Int?) throws -> Result {
        let type = leaf.physicalType
        switch encoding {
        case .plain:
            return .values(try PlainDecoder.decode(data, type: type, typeLength: leaf.typeLength, count: count).0)
        case .plainDictionary, .rleDictionary:
            guard let dictionaryCount else { throw ParquetDecodeError("dictionary-encoded page without a dictionary page") }
            if count == 0 { return .indices([]) }
            guard !data.isEmpty else { throw ParquetDecodeError("dictionary indices missing") }
            var decoder = try RleBitPackedDecoder(UnsafeRawBufferPointer(rebasing: data[1...]), bitWidth: Int(data[0]))
            let indices = try decoder.decode(count: count)
            // Negative indices become huge as UInt32, so one maximum checks both bounds (and vectorizes).
            let largest = indices.withUnsafeBufferPointer { buf in
                buf.reduce(UInt32(0)) { Swift.max($0, UInt32(bitPattern: $1)) }
            }
            if UInt64(largest) >= UInt64(dictionaryCount) { throw ParquetDecodeError("dictionary index out of range (dictionary holds \(dictionaryCount) values)") }
            return .indices(indices)
        case .rle:
            guard type == .boolean else { throw ParquetDecodeError("RLE value encoding on \(type)") }
            guard data.count >= 4 else { throw ParquetDecodeError("RLE boolean data too short") }
            let length = Int(UInt32(littleEndian: data.loadUnaligned(as: UInt32.self)))
            guard length <= data.count - 4 else { throw ParquetDecodeError("RLE boolean data runs past the page") }
            var decoder = try RleBitPackedDecoder(UnsafeRawBufferPointer(rebasing: data[4..<4 + length]), bitWidth: 1)
            return .values(.bool(try decoder.decode(count: count).map { UInt8(truncatingIfNeeded: $0) }))
        case .deltaBinaryPacked:
            var decoder = DeltaBinaryPackedDecoder(data)
            let values = try decoder.decode(expected: count)
            switch type {
            case .int32: return .values(.int32(values.map { Int32(truncatingIfNeeded: $0) }))
            case .int64: return .values(.int64(values))
            default: throw ParquetDecodeError("DELTA_BINARY_PACKED on \(type)")
            }
        case .deltaLengthByteArray:
            guard type == .byteArray else { throw ParquetDecodeError("DELTA_LENGTH_BYTE_ARRAY on \(type)") }
            return .values(.bytes(try DeltaByteArrayDecoding.deltaLength(data, count: count).0))
        case .deltaByteArray:
            guard type == .byteArray || type == .fixedLenByteArray else { throw ParquetDecodeError("DELTA_BYTE_ARRAY on \(type)") }
            let column = try DeltaByteArrayDecoding.deltaByteArray(data, count: count).0
            if type == .fixedLenByteArray, column.bytes.count != count * leaf.typeLength {
                throw ParquetDecodeError("DELTA_BYTE_ARRAY values are not \(leaf.typeLength) bytes long")
            }
            return .values(.bytes(column))
        case .byteStreamSplit:
            let width: Int
            switch type {
            case .int32, .float: width = 4
            case .int64, .double: width = 8
            case .fixedLenByteArray: width = leaf.typeLength
            default: throw ParquetDecodeError("BYTE_STREAM_SPLIT on \(type)")
            }
            let bytes = try ByteStreamSplitDecoding.decode(data, count: count, width: width)
            return .values(try bytes.withUnsafeBytes { (raw) throws in
                try PlainDecoder.decode(raw, type: type, typeLength: width, count: count).0
            })
        default:
            throw ParquetDecodeError("unsupported encoding \(encoding)")
        }
    }
}
