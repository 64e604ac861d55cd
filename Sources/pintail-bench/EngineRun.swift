/// The outcome of running one query once on one engine.
struct EngineRun: Sendable {
    enum Status: String, Sendable {
        case ok
        /// The engine does not run this query (yet): its error is kept.
        case unsupported
        /// The engine's process failed (crashed or stopped answering).
        case failed
    }

    var status: Status
    var seconds: Double
    var result: ResultSet?
    var error: String?
    /// Peak resident memory during this query, KiB (0 when unknown).
    var peakKB: Int

    static func unsupported(_ message: String, seconds: Double = 0) -> EngineRun {
        EngineRun(status: .unsupported, seconds: seconds, result: nil, error: message, peakKB: 0)
    }

    static func failed(_ message: String) -> EngineRun {
        EngineRun(status: .failed, seconds: 0, result: nil, error: message, peakKB: 0)
    }
}

/// Something that runs benchmark queries: Pintail in process, or a peer behind its Python driver.
protocol QueryEngine: AnyObject {
    var name: EngineName { get }
    /// The engine's version, for the report.
    var version: String { get }
    func run(_ query: BenchQuery) -> EngineRun
    /// Peak resident memory of the engine's process over the whole benchmark, KiB.
    func lifetimePeakKB() -> Int
}
