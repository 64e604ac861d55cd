import PintailEngine

/// Runs SQL text in one session and prints each statement's result as soon as it is complete.
public final class ScriptRunner {
    public let session: Session
    public let printer: ResultPrinter

    public init(session: Session, printer: ResultPrinter) {
        self.session = session
        self.printer = printer
    }

    /// Runs every statement of `sql`; returns false after the first failing statement, whose error has been
    /// printed. Text with nothing but blanks and comments succeeds without asking the engine.
    @discardableResult
    public func run(_ sql: String) -> Bool {
        if StatementSplitter.isBlank(sql) { return true }
        do {
            try session.execute(script: sql) { printer.print($0) }
            return true
        } catch {
            printer.printError(error, script: sql)
            return false
        }
    }
}
