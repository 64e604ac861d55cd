import PintailCodecs
import PintailCore

/// BOOLEAN columns: PLAIN, one bit per value, least significant bit first.
final class BooleanColumnWriter: ColumnWriter {
    private var packed: [UInt8] = []
    private var bitCount = 0
    private var sawFalse = false
    private var sawTrue = false

    override func appendValues(_ vector: Vector, _ rows: Range<Int>) throws {
        guard case .bool(let values) = vector.storage else {
            throw ParquetWriteError.schemaMismatch("column '\(column.name)' expects booleans but got \(vector.type)")
        }
        let validity = vector.validity
        values.withUnsafeBufferPointer { values in
            for i in rows {
                if let validity, !validity[i] { continue }
                let bit = values[i] != 0
                if bit { sawTrue = true } else { sawFalse = true }
                if bitCount & 7 == 0 { packed.append(0) }
                if bit { packed[packed.count - 1] |= 1 << UInt8(bitCount & 7) }
                bitCount += 1
            }
        }
    }

    override func estimatedPageBytes() -> Int { packed.count }

    override func encodePageValues(into body: WriterBuffer<UInt8>) throws -> WriterEncoding {
        packed.withUnsafeBytes { body.append($0) }
        packed.removeAll(keepingCapacity: true)
        bitCount = 0
        return .plain
    }

    override func takeStatistics(nullCount: Int64) -> ColumnStatistics {
        defer { sawFalse = false; sawTrue = false }
        var stats = ColumnStatistics(nullCount: nullCount)
        if sawFalse || sawTrue {
            stats.min = [sawFalse ? 0 : 1]
            stats.max = [sawTrue ? 1 : 0]
        }
        return stats
    }
}
