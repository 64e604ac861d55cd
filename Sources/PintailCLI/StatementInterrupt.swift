#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PintailEngine
import Synchronization

/// While a statement runs: Ctrl-C asks the engine to cancel it (the statement ends with "Query cancelled" and the
/// shell goes on); a second Ctrl-C, should a statement not reach a cancellation point soon, ends the program.
/// When standard error is a terminal, model calls show their progress there on one line, which is cleared before
/// results are printed.
enum StatementInterrupt {
    /// Runs `body` with the handler installed and the progress line shown; restores SIGINT's default afterwards.
    static func during<T>(showProgress: Bool, _ body: () throws -> T) rethrows -> T {
        let show: @Sendable (Int, Double) -> Void = { scored, seconds in ProgressLine.show(scored, seconds) }
        StatementMonitor.begin(progress: showProgress ? show : nil)
        SignalHandler.installForInterrupt(handleInterrupt, restartReads: true)
        // A parent may have started us with SIGINT blocked (the mask is inherited); Ctrl-C must get through.
        var interrupt = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &interrupt, nil)
        defer {
            signal(SIGINT, SIG_DFL)
            ProgressLine.clear()
        }
        return try body()
    }
}

/// The SIGINT handler while a statement runs: only async-signal-safe calls (an atomic load and store, write, _exit).
private func handleInterrupt(_: Int32) {
    if StatementMonitor.isCancelRequested { _exit(130) }
    StatementMonitor.requestCancel()
    let note: StaticString = "\r\u{1B}[K^C cancelling the statement (Ctrl-C again quits)\n"
    _ = write(2, note.utf8Start, note.utf8CodeUnitCount)
}

/// "scored 12,345 texts, 1,234 texts/s" on standard error, rewritten in place.
enum ProgressLine {
    private static let shown = Atomic<Bool>(false)

    static func show(_ scored: Int, _ seconds: Double) {
        let rate = seconds > 0 ? Int(Double(scored) / seconds) : 0
        emit("\r\u{1B}[K  model: scored \(grouped(scored)) texts, \(grouped(rate)) texts/s, \(Int(seconds)) s")
        shown.store(true, ordering: .relaxed)
    }

    static func clear() {
        guard shown.exchange(false, ordering: .relaxed) else { return }
        emit("\r\u{1B}[K")
    }

    static func grouped(_ n: Int) -> String {
        var digits = String(n), out = ""
        while digits.count > 3 {
            out = "," + digits.suffix(3) + out
            digits.removeLast(3)
        }
        return digits + out
    }

    private static func emit(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    }
}
