import PintailCLI

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Ctrl-C while a line is being edited: the handler only raises a flag, and `read` fails with EINTR (the handler is
/// installed without SA_RESTART) so the line editor returns and the shell abandons the line. While a statement runs
/// PintailCLI's StatementInterrupt handler takes over: Ctrl-C cancels the statement.
enum InterruptSignal {
    nonisolated(unsafe) static var raised: sig_atomic_t = 0

    static func catchWhileEditing() {
        raised = 0
        SignalHandler.installForInterrupt({ _ in InterruptSignal.raised = 1 }, restartReads: false)
    }

    static func restoreDefault() {
        signal(SIGINT, SIG_DFL)
    }
}
