import Foundation
import PintailCodecs
import PintailCore
import Testing
@testable import PintailParquet

/// Bad schemas and batches are refused with clear errors, never a crash.
@Suite struct WriterErrorTests {
    static func path(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("pintail-writer-\(name)-\(UUID().uuidString).parquet").path
    }

    @Test func nullInRequiredColumnThrows() throws {
        let p = Self.path("required")
        defer { try? FileManager.default.removeItem(atPath: p) }
        let writer = try ParquetWriter(path: p, columns: [ParquetColumn(name: "id", type: .integer, nullable: false)])
        var builder = VectorBuilder(type: .integer)
        builder.append(.int(1))
        builder.appendNull()
        #expect(throws: ParquetWriteError.self) { try writer.write(Batch(columns: [builder.finish()], count: 2)) }
    }

    @Test func unsupportedTypeAndBadSchemaThrow() {
        #expect(throws: ParquetWriteError.self) {
            _ = try ParquetWriter(path: Self.path("array"), columns: [ParquetColumn(name: "a", type: .array(.integer))])
        }
        #expect(throws: ParquetWriteError.self) {
            _ = try ParquetWriter(path: Self.path("dup"), columns: [ParquetColumn(name: "a", type: .integer),
                                                                    ParquetColumn(name: "a", type: .bigint)])
        }
        #expect(throws: ParquetWriteError.self) { _ = try ParquetWriter(path: Self.path("none"), columns: []) }
        #expect(throws: (any Error).self) {
            _ = try ParquetWriter(path: "/nonexistent-folder/x.parquet", columns: [ParquetColumn(name: "a", type: .integer)])
        }
    }

    @Test func mismatchedBatchThrows() throws {
        let p = Self.path("mismatch")
        defer { try? FileManager.default.removeItem(atPath: p) }
        let writer = try ParquetWriter(path: p, columns: [ParquetColumn(name: "a", type: .bigint)])
        let strings = Vector(type: .string, count: 1, storage: .bytes(ByteColumn(strings: ["x"])))
        #expect(throws: ParquetWriteError.self) { try writer.write(Batch(columns: [strings], count: 1)) }
        #expect(throws: ParquetWriteError.self) { try writer.write(Batch(columns: [], count: 0)) }
        try writer.close()
        #expect(throws: ParquetWriteError.self) { try writer.close() }
    }

    @Test func thriftCompactEncodingMatchesTheSpec() {
        var e = ThriftCompactEncoder()
        e.beginStruct()
        e.i32(1, -1)          // delta 1, type i32 (5): 0x15, zigzag(-1) = 1
        e.i64(20, 150)        // delta 19 > 15: long form 0x06, zigzag id 40, zigzag(150) = 300 = 0xAC 0x02
        e.bool(21, true)      // delta 1, type true (1): 0x11
        e.listHeader(22, element: .i32, count: 2)
        e.i32Element(3)
        e.i32Element(-2)
        e.endStruct()
        #expect(e.bytes == [0x15, 0x01, 0x06, 0x28, 0xAC, 0x02, 0x11, 0x19, 0x25, 0x06, 0x03, 0x00])
    }

    @Test func rleHybridRunsAndBitPacking() {
        var out: [UInt8] = []
        let values: [UInt32] = Array(repeating: 1, count: 10) + [0, 1, 0]
        values.withUnsafeBufferPointer { RleHybridEncoder.encode($0, bitWidth: 1, into: &out) }
        // Ten ones: an RLE run (header 10 << 1 = 20, value 1); then 0,1,0 bit-packed as one group (header 3).
        #expect(out == [20, 1, 3, 0b010])
    }

    @Test func decimalWidths() {
        #expect(WriterColumnLayout.decimalByteWidth(precision: 19) == 9)
        #expect(WriterColumnLayout.decimalByteWidth(precision: 38) == 16)
        #expect(WriterColumnLayout.decimalByteWidth(precision: 30) == 13)
    }

    @Test func gzipStreamIsReadableByGzip() throws {
        let folder = try WriterTestSupport.temporaryFolder("gzip")
        defer { try? FileManager.default.removeItem(at: folder) }
        var compressed: [UInt8] = []
        let writer = try GzipStreamWriter(level: 1) { compressed.append(contentsOf: $0) }
        var expected: [UInt8] = []
        for i in 0..<2000 {
            let line = Array("line \(i)\twith some text \(i * i)\n".utf8)
            expected += line
            try writer.write(line)
        }
        try writer.finish()
        #expect(compressed.count < expected.count / 2)
        let file = folder.appendingPathComponent("x.gz")
        try Data(compressed).write(to: file)
        let decoded = try WriterTestSupport.run("/bin/gzip", ["-dc", file.path])
        #expect(Array(decoded) == expected)
        #expect(throws: CompressError.self) { try writer.write([1]) }
    }

    @Test func blockCompressorRefusesUnwritableCodecs() {
        #expect(throws: CompressError.self) { _ = try BlockCompressor(codec: .lzo) }
        #expect(throws: CompressError.self) { _ = try BlockCompressor(codec: .lz4) }
    }
}
