/// A problem in page data found by a decoder; the reader wraps it into a `ParquetError` naming file and column.
struct ParquetDecodeError: Error, Sendable, CustomStringConvertible {
    var message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}
