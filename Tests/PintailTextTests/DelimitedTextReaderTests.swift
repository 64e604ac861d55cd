import PintailCore
import Testing
@testable import PintailText

/// Feeds bytes from memory in small, uneven chunks so lines and fields straddle buffer refills.
struct MemorySource: ByteChunkSource {
    let data: [UInt8]
    let chunk: Int
    var position = 0
    var fileBytesRead: Int { position }

    init(_ text: String, chunk: Int = 7) {
        data = Array(text.utf8)
        self.chunk = chunk
    }

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let n = min(chunk, buffer.count, data.count - position)
        data.withUnsafeBytes { buffer.baseAddress!.copyMemory(from: $0.baseAddress! + position, byteCount: n) }
        position += n
        return n
    }
}

func readAll(_ text: String, types: [DataType], projection: [Int]? = nil, options: DelimitedTextOptions = tabs(),
             batchSize: Int = 3, chunk: Int = 7) throws -> ([[Value]], Int) {
    let reader = try DelimitedTextReader(path: "mem.tsv", source: MemorySource(text, chunk: chunk), options: options,
                                         columnTypes: types, projection: projection ?? Array(types.indices), batchSize: batchSize)
    var rows: [[Value]] = []
    while let b = try reader.next() {
        for r in 0..<b.count { rows.append(b.columns.map { $0.value(at: r) }) }
    }
    return (rows, reader.badFields)
}

func tabs() -> DelimitedTextOptions {
    var o = DelimitedTextOptions()
    o.fieldDelimiter = 0x09
    return o
}

@Test func typedFieldsNullsAndBadValues() throws {
    let text = "1\t2.5\tx\t2015-07-01\ttrue\n\\N\t\t\\N\t2015-02-30\tmaybe\n99999999999\tabc\t\tnot-a-date\tFALSE\n"
    let (rows, bad) = try readAll(text, types: [.integer, .double, .string, .date, .boolean])
    #expect(rows.count == 3)
    #expect(rows[0] == [.int(1), .double(2.5), .string("x"), .int(Int64(Calendar.parseDate("2015-07-01")!)), .boolean(true)])
    #expect(rows[1] == [.null, .null, .null, .null, .null])
    #expect(rows[2] == [.null, .null, .string(""), .null, .boolean(false)])
    // 2015-02-30, maybe, 99999999999 (out of int range), abc, not-a-date.
    #expect(bad == 5)
}

@Test func raggedRowsHeadersAndCarriageReturns() throws {
    var options = tabs()
    options.headerLines = 1
    let text = "a\tb\tc\r\n1\r\n2\t3\t4\t5\r\n\t\t\nlast\t9"
    let (rows, _) = try readAll(text, types: [.string, .integer, .string], options: options)
    #expect(rows == [[.string("1"), .null, .null], [.string("2"), .int(3), .string("4")],
                     [.string(""), .null, .string("")], [.string("last"), .int(9), .null]])
}

@Test func projectionReadsOnlyChosenFieldsInOrder() throws {
    let (rows, _) = try readAll("a\t1\tb\t2\nc\t3\td\t4\n", types: [.integer, .string], projection: [3, 0])
    #expect(rows == [[.int(2), .string("a")], [.int(4), .string("c")]])
}

@Test func escapesKeepDelimitersInsideValues() throws {
    var options = tabs()
    options.escape = 0x5C
    let (rows, _) = try readAll("a\\\tb\tc\\nd\n", types: [.string, .string], options: options)
    #expect(rows == [[.string("a\tb"), .string("c\nd")]])
}

@Test func customNullMarkerAndDecimals() throws {
    var options = tabs()
    options.nullMarker = Array("NULL".utf8)
    let (rows, _) = try readAll("NULL\t12.345\n\\N\t-0.5\n", types: [.string, .decimal(precision: 5, scale: 2)], options: options)
    #expect(rows == [[.null, .decimal(1235)], [.string("\\N"), .decimal(-50)]])
}

@Test func longLinesGrowTheBufferAndCountWithoutColumns() throws {
    // Longer than the reader's 1 MB buffer.
    let long = String(repeating: "x", count: 1_500_000)
    let (rows, _) = try readAll("\(long)\tend\nshort\tok\n", types: [.string, .string], chunk: 1 << 16)
    #expect(rows.count == 2)
    #expect(rows[0][1] == .string("end"))
    let (counted, _) = try readAll("1\n2\n3\n4\n", types: [], projection: [])
    #expect(counted.count == 4)
}

@Test func fieldParsersMatchHiveRules() {
    func with<T>(_ s: String, _ body: (UnsafeRawBufferPointer) -> T) -> T { Array(s.utf8).withUnsafeBytes(body) }
    #expect(with("-42") { TextFieldParsers.parseInteger($0) } == -42)
    #expect(with(" 42") { TextFieldParsers.parseInteger($0) } == nil)
    #expect(with("9223372036854775808") { TextFieldParsers.parseInteger($0) } == nil)
    #expect(with("1e3") { TextFieldParsers.parseDouble($0) } == 1000)
    #expect(with("0.1") { TextFieldParsers.parseDouble($0) } == 0.1)
    #expect(with("12abc") { TextFieldParsers.parseDouble($0) } == nil)
    #expect(with("1.005") { TextFieldParsers.parseDecimal($0, precision: 4, scale: 2) } == 101)
    #expect(with("123.4") { TextFieldParsers.parseDecimal($0, precision: 4, scale: 2) } == nil)
    #expect(with("TRUE") { TextFieldParsers.parseBoolean($0) } == true)
}
