#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Ctrl-C while a line is being edited: the handler only raises a flag, and `read` fails with EINTR (the handler is
/// installed without SA_RESTART) so the line editor returns and the shell abandons the line. While a statement runs
/// the default action is back, so Ctrl-C stops a runaway query by ending the program.
enum InterruptSignal {
    nonisolated(unsafe) static var raised: sig_atomic_t = 0

    static func catchWhileEditing() {
        raised = 0
        install { _ in InterruptSignal.raised = 1 }
    }

    static func restoreDefault() {
        signal(SIGINT, SIG_DFL)
    }

    private static func install(_ handler: @escaping @convention(c) (Int32) -> Void) {
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = handler
        #else
        action.__sigaction_u.__sa_handler = handler
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
    }
}
