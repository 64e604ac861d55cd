#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Installs a SIGINT handler with sigaction(2), the one portable way to choose whether an interrupted read restarts.
public enum SignalHandler {
    /// - Parameter restartReads: true keeps blocking reads going (SA_RESTART); false makes them fail with EINTR.
    public static func installForInterrupt(_ handler: @escaping @convention(c) (Int32) -> Void, restartReads: Bool) {
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = handler
        #else
        action.__sigaction_u.__sa_handler = handler
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = restartReads ? SA_RESTART : 0
        sigaction(SIGINT, &action, nil)
    }
}
