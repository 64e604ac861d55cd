import Foundation
import PintailCore
import Testing
@testable import PintailParquet

@Suite struct ReaderApiTests {
    @Test func readsTheBrotliFixture() throws {
        let (file, rows) = try readAllRows(Corpus.fixtures.appendingPathComponent("brotli_small.parquet").path)
        #expect(file.metadata.rowGroups.count == 2)
        #expect(file.metadata.rowGroups[0].columns[0].metaData?.codec == .brotli)
        #expect(rows.count == 50)
        #expect(rows[7] == [.int(7), .string("name-0"), .double(10.5), .array([.string("t0")])])
        #expect(rows[10][2] == .null)
        #expect(rows[49][3] == .array([.string("t0")]))
    }

    @Test func schemaTypesAndLeafPaths() throws {
        let file = try ParquetFile.open(path: Corpus.fixtures.appendingPathComponent("brotli_small.parquet").path)
        #expect(file.schema.fields.map(\.name) == ["id", "name", "score", "tags"])
        #expect(file.schema.fields.map(\.type) == [.bigint, .string, .double, .array(.string)])
        #expect(file.schema.fields[3].isFlat == false)
        #expect(file.schema.leaves[3].path == ["tags", "list", "element"])
        #expect(file.schema.fieldIndex(named: "NAME") == 1)
    }

    @Test func projectionReadsOnlyItsChunksAndCountsBytes() throws {
        let file = try ParquetFile.open(path: Corpus.path("data/alltypes_plain.parquet"))
        let afterFooter = file.bytesRead
        let reader = try file.readRowGroup(0, columns: [9], batchSize: 3)
        let batches = try reader.readAll()
        #expect(batches.map(\.count) == [3, 3, 2])
        #expect(batches.allSatisfy { $0.columns.count == 1 })
        let chunkSize = Int(file.metadata.rowGroups[0].columns[9].metaData?.totalCompressedSize ?? 0)
        #expect(file.bytesRead - afterFooter == chunkSize)
    }

    @Test func dictionaryEncodedStringsStayDictionaryShaped() throws {
        let file = try ParquetFile.open(path: Corpus.fixtures.appendingPathComponent("brotli_small.parquet").path)
        let batch = try #require(try file.readRowGroup(0, columns: [1], batchSize: 100).next())
        guard case .dictionary(let indices) = batch.columns[0].shape else {
            Issue.record("expected a dictionary-shaped vector")
            return
        }
        #expect(indices.count == 30)
        #expect(batch.columns[0].storage.count == 7)
        #expect(batch.columns[0].value(at: 8) == .string("name-1"))
    }

    @Test func zeroColumnsStillCountRows() throws {
        let file = try ParquetFile.open(path: Corpus.path("data/alltypes_plain.parquet"))
        let batches = try file.readRowGroup(0, columns: [], batchSize: 5).readAll()
        #expect(batches.map(\.count) == [5, 3])
    }

    @Test func badArgumentsThrow() throws {
        let file = try ParquetFile.open(path: Corpus.path("data/alltypes_plain.parquet"))
        #expect(throws: ParquetError.self) { _ = try file.readRowGroup(5, columns: [0]) }
        #expect(throws: ParquetError.self) { _ = try file.readRowGroup(0, columns: [99]) }
        #expect(throws: ParquetError.self) { _ = try ParquetFile.open(path: "/nonexistent/file.parquet") }
    }

    @Test func rowGroupsReadConcurrently() async throws {
        let file = try ParquetFile.open(path: Corpus.path("data/geospatial/geography-points.parquet"))
        let groups = file.metadata.rowGroups.count
        let counts = try await withThrowingTaskGroup(of: Int.self) { group in
            for g in 0..<groups {
                group.addTask { try file.readRowGroup(g, columns: [0, 1]).readAll().reduce(0) { $0 + $1.count } }
            }
            return try await group.reduce(0, +)
        }
        #expect(counts == Int(file.numRows))
    }

    @Test func unsupportedColumnFailsAloneWithItsName() throws {
        // A decimal wider than Presto allows cannot be read; the other column still can.
        var wide = SchemaElement()
        wide.name = "wide"
        wide.type = .fixedLenByteArray
        wide.typeLength = 20
        wide.repetition = .optional
        wide.logicalType = .decimal(precision: 45, scale: 2)
        var plain = SchemaElement()
        plain.name = "id"
        plain.type = .int32
        plain.repetition = .required
        var root = SchemaElement()
        root.name = "schema"
        root.numChildren = 2
        let schema = try ParquetSchema([root, wide, plain])
        #expect(schema.fields[0].unsupportedReason?.contains("wide") == true)
        #expect(schema.fields[1].unsupportedReason == nil)
        #expect(schema.fields[1].type == .integer)
    }
}
