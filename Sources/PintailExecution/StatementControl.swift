import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Progress and cancellation of the running statement, process-wide: a front end (the CLI) asks for cancellation
/// from a signal handler and watches progress while a statement runs. The request is checked where long work
/// loops: after every mini-batch of model texts, every scanned batch, every joined batch and every result batch.
public enum StatementControl {
    /// What a progress observer is told: texts scored since the statement began and the seconds it has run.
    public struct Progress: Sendable {
        public var textsScored: Int
        public var seconds: Double
        public var textsPerSecond: Double { seconds > 0 ? Double(textsScored) / seconds : 0 }
    }

    private static let cancelRequested = Atomic<Bool>(false)
    private static let scored = Atomic<Int>(0)
    private static let state = Mutex<(observer: (@Sendable (Progress) -> Void)?, start: Double, lastReport: Double)>(
        (nil, 0, 0))

    /// Called before a statement starts: clears an old request and the counters, sets (or clears) the observer.
    /// Touching the atomics here also initializes them before a signal handler can reach them.
    public static func beginStatement(observer: (@Sendable (Progress) -> Void)?) {
        cancelRequested.store(false, ordering: .sequentiallyConsistent)
        scored.store(0, ordering: .relaxed)
        let now = monotonicSeconds()
        state.withLock { $0 = (observer, now, now) }
    }

    /// Async-signal-safe: only stores to an atomic.
    public static func requestCancel() {
        cancelRequested.store(true, ordering: .sequentiallyConsistent)
    }

    public static var isCancelRequested: Bool { cancelRequested.load(ordering: .relaxed) }

    /// The error a cancelled statement ends with.
    static let cancelledMessage = "Query cancelled"

    /// A cancellation point: throws when the front end asked to cancel the statement. One relaxed atomic load.
    @inline(__always) static func checkCancelled() throws {
        if isCancelRequested { throw ExecutionError(cancelledMessage) }
    }

    /// Counts `count` more scored texts and tells the observer, at most five times a second.
    static func didScore(_ count: Int) {
        let total = scored.wrappingAdd(count, ordering: .relaxed).newValue
        let now = monotonicSeconds()
        let due: (observer: (@Sendable (Progress) -> Void), start: Double)? = state.withLock { s in
            guard let observer = s.observer, now - s.lastReport >= 0.2 else { return nil }
            s.lastReport = now
            return (observer, s.start)
        }
        if let due { due.observer(Progress(textsScored: total, seconds: now - due.start)) }
    }

    static func monotonicSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}
