import PintailCore
import PintailEngine

@testable import PintailCLI

/// Hand-built statement results for printer tests.
enum TestResults {
    static func result(_ columns: [(String, DataType)], _ rows: [[Value]], batchSize: Int = 2) -> StatementResult {
        var batches: [Batch] = []
        var start = 0
        while start < rows.count {
            let chunk = rows[start..<min(rows.count, start + batchSize)]
            let vectors = columns.enumerated().map { c, column in
                var builder = VectorBuilder(type: column.1)
                for row in chunk { builder.append(row[c]) }
                return builder.finish()
            }
            batches.append(Batch(columns: vectors, count: chunk.count))
            start += batchSize
        }
        var statistics = QueryStatistics()
        statistics.rows = rows.count
        statistics.elapsedSeconds = 0.034
        statistics.bytesScanned = 1_258_291
        return StatementResult(
            columns: columns.map { ResultColumn(name: $0.0, type: $0.1) }, batches: batches, statistics: statistics)
    }

    /// Three rows covering text, numbers, NULL and a value that needs quoting or escaping.
    static let mixed = result(
        [("name", .string), ("stars", .integer), ("avg", .double)],
        [
            [.string("Books"), .int(5), .double(4.5)],
            [.string("a,\"b\"\tc\nd"), .null, .double(1.0e10)],
            [.string(""), .int(-12), .null],
        ])

    static func printed(_ result: StatementResult, _ settings: PrintSettings) -> (out: String, err: String) {
        let out = TextChannel.capture(), err = TextChannel.capture()
        ResultPrinter(settings: settings, output: out, diagnostics: err).print(result)
        return (out.text, err.text)
    }
}
