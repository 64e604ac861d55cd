#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PintailEngine

/// Runs SQL text in one session and prints each statement's result as soon as it is complete.
public final class ScriptRunner {
    public let session: Session
    public let printer: ResultPrinter

    /// Model calls show "scored N texts, R texts/s" on standard error while they run: by default when it is a
    /// terminal; PINTAIL_PROGRESS=1 or 0 forces it on or off.
    public var showProgress: Bool

    public static var progressWanted: Bool {
        switch getenv("PINTAIL_PROGRESS").map({ String(cString: $0) }) {
        case "1"?: return true
        case "0"?: return false
        default: return isatty(2) == 1
        }
    }

    public init(session: Session, printer: ResultPrinter, showProgress: Bool = ScriptRunner.progressWanted) {
        self.session = session
        self.printer = printer
        self.showProgress = showProgress
    }

    /// Runs every statement of `sql`; returns false after the first failing statement, whose error has been
    /// printed. Text with nothing but blanks and comments succeeds without asking the engine.
    @discardableResult
    public func run(_ sql: String) -> Bool {
        if StatementSplitter.isBlank(sql) { return true }
        do {
            try StatementInterrupt.during(showProgress: showProgress) {
                try session.execute(script: sql) { result in
                    ProgressLine.clear()
                    printer.print(result)
                }
            }
            return true
        } catch {
            printer.printError(error, script: sql)
            return false
        }
    }
}
