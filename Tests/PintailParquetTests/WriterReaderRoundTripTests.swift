import Foundation
import PintailCodecs
import PintailCore
import Testing
@testable import PintailParquet

/// Files from ParquetWriter read back through Pintail's own ParquetFile reader: same types, same values.
@Suite struct WriterReaderRoundTripTests {
    @Test(arguments: [CompressionCodec.zstd, .snappy, .gzip, .uncompressed])
    func everyTypeRoundTrips(codec: CompressionCodec) throws {
        let folder = try WriterTestSupport.temporaryFolder("roundtrip")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("t.parquet").path
        _ = try WriterPyarrowTests.write(path, codec: codec)
        let file = try ParquetFile.open(path: path)
        let samples = WriterPyarrowTests.samples
        #expect(file.numRows == Int64(WriterPyarrowTests.rowCount))
        #expect(file.createdBy == "pintail version 0.1")
        #expect(file.metadata.rowGroups.count == 3)
        for (field, sample) in zip(file.schema.fields, samples) {
            #expect(field.name == sample.column.name)
            if case .varchar = sample.column.type { #expect(field.type.isString) } else {
                #expect(field.type == sample.column.type, "\(field.name)")
            }
        }
        var row = 0
        var mismatches = 0
        for group in 0..<file.metadata.rowGroups.count {
            let reader = try file.readRowGroup(group, columns: Array(samples.indices), batchSize: 333)
            while let batch = try reader.next() {
                for i in 0..<batch.count {
                    for (c, sample) in samples.enumerated() where batch.columns[c].value(at: i) != sample.value(row + i) {
                        if mismatches < 5 {
                            Issue.record("\(codec) \(sample.column.name) row \(row + i): \(batch.columns[c].value(at: i)) != \(sample.value(row + i))")
                        }
                        mismatches += 1
                    }
                }
                row += batch.count
            }
        }
        #expect(row == WriterPyarrowTests.rowCount)
        #expect(mismatches == 0)
    }

    /// Dictionary- and constant-shaped input vectors are written as their rows.
    @Test func dictionaryAndConstantVectorsAreAccepted() throws {
        let folder = try WriterTestSupport.temporaryFolder("shapes")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("s.parquet").path
        let words = Vector(type: .string, count: 3, storage: .bytes(ByteColumn(strings: ["a", "bb", "ccc"])))
        let picked = words.sliced([2, 0, 2, 1, 0])
        let constant = Vector(value: .int(7), type: .bigint, count: 5)
        let nulls = Vector.nulls(.integer, count: 5)
        let writer = try ParquetWriter(path: path, columns: [ParquetColumn(name: "w", type: .string),
                                                             ParquetColumn(name: "k", type: .bigint),
                                                             ParquetColumn(name: "n", type: .integer)])
        try writer.write(Batch(columns: [picked, constant, nulls], count: 5))
        try writer.close()
        let file = try ParquetFile.open(path: path)
        let batch = try #require(try file.readRowGroup(0, columns: [0, 1, 2]).next())
        #expect((0..<5).map { batch.columns[0].value(at: $0) } == ["ccc", "a", "ccc", "bb", "a"].map { Value.string($0) })
        #expect((0..<5).map { batch.columns[1].value(at: $0) } == Array(repeating: Value.int(7), count: 5))
        #expect((0..<5).map { batch.columns[2].value(at: $0) } == Array(repeating: Value.null, count: 5))
    }
}
