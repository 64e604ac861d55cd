import PintailCore
import PintailEngine
import Testing

@testable import PintailCLI

@Suite struct ResultPrinterTests {
    @Test func tableAlignsColumnsAndPutsTheFooterOnStandardOutput() {
        let (out, err) = TestResults.printed(TestResults.mixed, PrintSettings(format: .table))
        let expected = """
                name     | stars |  avg
            -------------+-------+--------
             Books       |     5 |    4.5
             a,"b"\\tc\\nd |  NULL | 1.0E10
                         |   -12 |   NULL
            (3 rows in 0.03 s, 1.2 MB scanned)

            """
        #expect(out == expected)
        #expect(err == "")
    }

    @Test func tableCutsWideCellsAndEscapesControlCharacters() {
        let long = String(repeating: "x", count: 150)
        let result = TestResults.result([("t", .string)], [[.string(long)], [.string("\u{1b}[31mred")]])
        let (out, _) = TestResults.printed(result, PrintSettings(format: .table, footer: false, maxCellWidth: 20))
        let lines = out.split(separator: "\n")
        #expect(lines[2] == " " + String(repeating: "x", count: 17) + "...")
        #expect(lines[3] == " \\x1b[31mred")
        let (unlimited, _) = TestResults.printed(result, PrintSettings(format: .table, footer: false, maxCellWidth: 0))
        #expect(unlimited.contains(long))
    }

    @Test func tableCountsWideCharactersAsTwoColumns() {
        let result = TestResults.result([("w", .string), ("n", .integer)], [[.string("日本"), .int(1)], [.string("ab"), .int(2)]])
        let (out, _) = TestResults.printed(result, PrintSettings(format: .table, footer: false))
        #expect(out == "  w   | n\n------+---\n 日本 | 1\n ab   | 2\n")
    }

    @Test func csvQuotesPerRFC4180AndSendsTheFooterToStandardError() {
        let (out, err) = TestResults.printed(TestResults.mixed, PrintSettings(format: .csv))
        #expect(out == "name,stars,avg\nBooks,5,4.5\n\"a,\"\"b\"\"\tc\nd\",,1.0E10\n\"\",-12,\n")
        #expect(err == "(3 rows in 0.03 s, 1.2 MB scanned)\n")
    }

    @Test func csvWithoutHeader() {
        let (out, _) = TestResults.printed(TestResults.mixed, PrintSettings(format: .csv, header: false))
        #expect(out.hasPrefix("Books,5,4.5\n"))
    }

    @Test func tsvEscapesTabsAndNewlines() {
        let (out, err) = TestResults.printed(TestResults.mixed, PrintSettings(format: .tsv))
        #expect(out == "name\tstars\tavg\nBooks\t5\t4.5\na,\"b\"\\tc\\nd\t\t1.0E10\n\t-12\t\n")
        #expect(err.hasPrefix("(3 rows"))
    }

    @Test func jsonLinesKeyedByColumnName() {
        let (out, err) = TestResults.printed(TestResults.mixed, PrintSettings(format: .json))
        let expected = """
            {"name":"Books","stars":5,"avg":4.5}
            {"name":"a,\\"b\\"\\tc\\nd","stars":null,"avg":1.0E10}
            {"name":"","stars":-12,"avg":null}

            """
        #expect(out == expected)
        #expect(err.hasPrefix("(3 rows"))
    }

    @Test func jsonNestedValuesDatesAndSpecialDoubles() {
        let rowType = DataType.row([RowField(name: "x", type: .integer), RowField(name: "y", type: .string)])
        let result = TestResults.result(
            [("a", .array(.integer)), ("m", .map(key: .string, value: .double)), ("r", rowType), ("d", .date),
             ("n", .double), ("dec", .decimal(precision: 5, scale: 2)), ("b", .varbinary)],
            [[.array([.int(1), .null]), .map(keys: [.string("k")], values: [.double(0.5)]),
              .row([.int(7), .string("s")]), .int(19_000), .double(.nan), .decimal(1999), .bytes([0xca, 0xfe])]])
        let (out, _) = TestResults.printed(result, PrintSettings(format: .json))
        #expect(out == #"{"a":[1,null],"m":{"k":0.5},"r":{"x":7,"y":"s"},"d":"2022-01-08","n":"NaN","dec":19.99,"b":"ca fe"}"# + "\n")
    }

    @Test func markdownPipeTable() {
        let result = TestResults.result([("t", .string), ("n", .bigint)], [[.string("a|b\nc"), .int(3)], [.null, .null]])
        let (out, _) = TestResults.printed(result, PrintSettings(format: .markdown, footer: false))
        #expect(out == "| t | n |\n| --- | ---: |\n| a\\|b<br>c | 3 |\n| NULL | NULL |\n")
    }

    @Test func emptyResultStillPrintsTheHeader() {
        let result = TestResults.result([("x", .integer)], [])
        #expect(TestResults.printed(result, PrintSettings(format: .table)).out == " x\n---\n(0 rows in 0.03 s, 1.2 MB scanned)\n")
        #expect(TestResults.printed(result, PrintSettings(format: .csv)).out == "x\n")
        #expect(TestResults.printed(result, PrintSettings(format: .json)).out == "")
    }

    @Test func messagesAndWarnings() {
        let ddl = StatementResult(message: "CREATE TABLE", warnings: ["3 fields did not parse and became NULL"])
        let table = TestResults.printed(ddl, PrintSettings(format: .table))
        #expect(table.out == "CREATE TABLE\n")
        #expect(table.err == "WARNING: 3 fields did not parse and became NULL\n")
        let csv = TestResults.printed(ddl, PrintSettings(format: .csv))
        #expect(csv.out == "")
        #expect(csv.err == "CREATE TABLE\nWARNING: 3 fields did not parse and became NULL\n")
    }

    @Test func quietLeavesTheFooterOut() {
        let (out, err) = TestResults.printed(TestResults.mixed, PrintSettings(format: .csv, footer: false))
        #expect(out.hasPrefix("name,"))
        #expect(err == "")
    }

    @Test func invalidUTF8IsReplacedNotFatal() {
        var bytes = ByteColumn()
        bytes.append(bytes: [0x61, 0xff, 0xfe, 0x62])
        let vector = Vector(type: .string, count: 1, storage: .bytes(bytes))
        let result = StatementResult(
            columns: [ResultColumn(name: "s", type: .string)], batches: [Batch(columns: [vector], count: 1)])
        #expect(TestResults.printed(result, PrintSettings(format: .csv, footer: false)).out == "s\na\u{FFFD}\u{FFFD}b\n")
    }

    @Test func errorsRenderWithPositionAndCaret() {
        let error = PintailError(.semantic, "Column 'foo' cannot be resolved", line: 1, column: 8, sql: "SELECT foo FROM t")
        let out = TextChannel.capture(), err = TextChannel.capture()
        ResultPrinter(settings: PrintSettings(), output: out, diagnostics: err).printError(error)
        #expect(err.text == "line 1:8: Column 'foo' cannot be resolved\nSELECT foo FROM t\n       ^\n")
        let positionOnly = PintailError(.syntax, "mismatched input", line: 2, column: 3)
        #expect(ResultPrinter.errorText(positionOnly, script: "SELECT 1;\nSELEC 2") == "line 2:3: mismatched input\nSELEC 2\n  ^")
        struct Other: Error {}
        #expect(ResultPrinter.errorText(Other()) == "Error: Other()")
    }

    @Test(arguments: [
        (0, "0 B"), (1023, "1023 B"), (1024, "1.0 KB"), (1_258_291, "1.2 MB"), (150 * 1024 * 1024, "150 MB"),
        (3 * 1024 * 1024 * 1024, "3.0 GB"),
    ])
    func dataSizes(bytes: Int, expected: String) {
        #expect(StatisticsFooter.dataSize(bytes) == expected)
    }

    @Test func footerText() {
        var stats = QueryStatistics()
        stats.elapsedSeconds = 12.345
        #expect(StatisticsFooter.text(rows: 1, statistics: stats) == "(1 row in 12.35 s, 0 B scanned)")
        stats.elapsedSeconds = .nan
        #expect(StatisticsFooter.text(rows: 2, statistics: stats) == "(2 rows in 0.00 s, 0 B scanned)")
    }
}
