import Foundation
import PintailCore
import Testing
@testable import PintailParquet

/// Column and offset indexes from parquet-testing's page-indexed files, and reading only selected pages.
@Suite struct PageIndexTests {
    static let tinyPages = Corpus.path("data/alltypes_tiny_pages.parquet")
    static let tinyPagesPlain = Corpus.path("data/alltypes_tiny_pages_plain.parquet")

    @Test func decodesOffsetAndColumnIndexes() throws {
        let file = try ParquetFile.open(path: Self.tinyPages)
        let rows = Int(file.metadata.rowGroups[0].numRows)
        for leaf in file.schema.leaves.indices {
            // parquet-mr writes no column index for INT96, whose order is undefined; the offset index is there.
            let int96 = file.schema.leaves[leaf].physicalType == .int96
            #expect(file.hasPageIndex(rowGroup: 0, leaf: leaf) == !int96)
            let offsets = try #require(try file.offsetIndex(rowGroup: 0, leaf: leaf))
            #expect(offsets.pageCount > 1)
            // Pages tile the row group.
            var next = 0
            for p in 0..<offsets.pageCount {
                #expect(offsets.rows(ofPage: p).lowerBound == next)
                next = offsets.rows(ofPage: p).upperBound
            }
            #expect(next == rows)
            if int96 { continue }
            let columns = try #require(try file.columnIndex(rowGroup: 0, leaf: leaf))
            #expect(columns.nullPages.count == offsets.pageCount)
        }
        // id ascends through the file: page bounds are its rows' ids and ordered.
        let idLeaf = try #require(file.schema.fieldIndex(named: "id"))
        let pages = try #require(try file.pageStatistics(rowGroup: 0, leaf: idLeaf))
        let columns = try #require(try file.columnIndex(rowGroup: 0, leaf: idLeaf))
        #expect(columns.boundaryOrder != nil)
        let (_, all) = try readAllRows(Self.tinyPages)
        for page in pages {
            let ids = all[page.rows].map { $0[idLeaf] }
            let lo = try #require(page.statistics.lowerBound), hi = try #require(page.statistics.upperBound)
            for id in ids {
                #expect((StatisticsOrdering.compare(lo, id) ?? 1) <= 0 && (StatisticsOrdering.compare(id, hi) ?? 1) <= 0)
            }
        }
    }

    @Test func nullPagesReadAsAllNull() throws {
        let file = try ParquetFile.open(path: Corpus.path("data/int32_with_null_pages.parquet"))
        let pages = try #require(try file.pageStatistics(rowGroup: 0, leaf: 0))
        let columns = try #require(try file.columnIndex(rowGroup: 0, leaf: 0))
        #expect(columns.nullPages.contains(true))
        for (page, isNull) in zip(pages, columns.nullPages) where isNull {
            #expect(page.statistics.nullCount == Int64(page.rows.count))
            #expect(page.statistics.lowerBound == nil && page.statistics.upperBound == nil)
        }
    }

    /// Selected rows read through the page index equal the same rows of a full read, in every column, and pages
    /// outside the selection are never read.
    @Test(arguments: [tinyPages, tinyPagesPlain]) func selectedRowsMatchAFullRead(path: String) throws {
        let (_, all) = try readAllRows(path)
        let selections: [[Range<Int>]] = [
            [0..<1], [7299..<7300], [100..<180], [5..<6, 3000..<3050, 7000..<7300], [0..<7300], [1234..<1235, 1236..<1240],
        ]
        for ranges in selections {
            let file = try ParquetFile.open(path: path)
            let footer = file.bytesRead
            let selection = RowSelection(ranges)
            let reader = try file.readRowGroup(0, columns: Array(file.schema.fields.indices), batchSize: 37, rows: selection)
            var rows: [[Value]] = []
            while let batch = try reader.next() {
                for r in 0..<batch.count { rows.append(batch.columns.map { $0.value(at: r) }) }
            }
            let expected = selection.ranges.flatMap { all[$0] }
            #expect(rows.count == expected.count, "\(ranges)")
            #expect(zip(rows, expected).allSatisfy { "\($0)" == "\($1)" }, "\(ranges)")
            let chunks = file.metadata.rowGroups[0].columns.reduce(0) { $0 + Int($1.metaData?.totalCompressedSize ?? 0) }
            if selection.rowCount < 100 {
                #expect(reader.pagesSkipped > 0, "\(ranges)")
                // The dictionary-encoded file still reads every dictionary page, which outweigh its tiny data pages.
                let share = path == Self.tinyPagesPlain ? 4 : 2
                #expect(file.bytesRead - footer < chunks / share, "\(ranges): read \(file.bytesRead - footer) of \(chunks)")
            } else if selection.rowCount == 7300 {
                #expect(reader.pagesSkipped == 0)
            }
        }
    }

    /// Nested columns (read whole, then trimmed) and flat columns (read by page) stay aligned under a selection.
    @Test func nestedColumnsFollowTheSelection() throws {
        let path = Corpus.fixtures.appendingPathComponent("nested_pageindex.parquet").path
        let (_, all) = try readAllRows(path)
        for ranges in [[0..<1], [2999..<3000], [100..<180, 1500..<1507], [0..<3000]] {
            let file = try ParquetFile.open(path: path)
            let selection = RowSelection(ranges)
            let reader = try file.readRowGroup(0, columns: Array(file.schema.fields.indices), batchSize: 64, rows: selection)
            var rows: [[Value]] = []
            while let batch = try reader.next() {
                for r in 0..<batch.count { rows.append(batch.columns.map { $0.value(at: r) }) }
            }
            let expected = selection.ranges.flatMap { all[$0] }
            #expect(rows.count == expected.count && zip(rows, expected).allSatisfy { "\($0)" == "\($1)" }, "\(ranges)")
            if selection.rowCount < 100 { #expect(reader.pagesSkipped > 0, "\(ranges)") }
        }
    }

    /// Without an offset index every page is read and the selection still trims the rows.
    @Test func selectionWithoutAPageIndexTrimsRows() throws {
        let path = Corpus.path("data/alltypes_plain.parquet")
        let (_, all) = try readAllRows(path)
        let file = try ParquetFile.open(path: path)
        #expect(!file.hasPageIndex(rowGroup: 0, leaf: 0))
        let selection = RowSelection([1..<3, 5..<6])
        let reader = try file.readRowGroup(0, columns: Array(file.schema.fields.indices), batchSize: 2, rows: selection)
        var rows: [[Value]] = []
        while let batch = try reader.next() {
            for r in 0..<batch.count { rows.append(batch.columns.map { $0.value(at: r) }) }
        }
        #expect(rows.map { "\($0)" } == [1, 2, 5].map { "\(all[$0])" })
        #expect(reader.pagesSkipped == 0)
    }

    @Test func selectionOutsideTheRowGroupIsRefused() throws {
        let file = try ParquetFile.open(path: Self.tinyPages)
        #expect(throws: ParquetError.self) { try file.readRowGroup(0, columns: [0], rows: RowSelection([7000..<7301])) }
    }

    @Test func rowSelectionNormalizes() {
        let s = RowSelection([5..<9, 0..<2, 2..<3, 8..<12, 20..<20])
        #expect(s.ranges == [0..<3, 5..<12])
        #expect(s.rowCount == 10)
        #expect(s.overlaps(2..<5) && !s.overlaps(3..<5) && s.overlaps(11..<30) && !s.overlaps(12..<30))
    }

    /// A damaged offset index is a clear error naming the file and column, never a crash or wrong rows.
    @Test func corruptOffsetIndexNamesTheFile() throws {
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Self.tinyPagesPlain)))
        let file = try ParquetFile.open(path: Self.tinyPagesPlain)
        let chunk = file.metadata.rowGroups[0].columns[0]
        let start = try #require(chunk.offsetIndexOffset), length = try #require(chunk.offsetIndexLength)
        for i in Int(start)..<Int(start) + Int(length) { bytes[i] = 0xFF }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pintail-pageindex-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let damaged = folder.appendingPathComponent("damaged.parquet").path
        try Data(bytes).write(to: URL(fileURLWithPath: damaged))
        let broken = try ParquetFile.open(path: damaged)
        do {
            _ = try broken.offsetIndex(rowGroup: 0, leaf: 0)
            Issue.record("no error")
        } catch let e as ParquetError {
            #expect("\(e)".contains("damaged.parquet") && "\(e)".contains("offset index"), "\(e)")
        }
    }
}
