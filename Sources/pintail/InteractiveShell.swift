#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PintailCLI

/// The read-run-print loop: statements end with `;` and may span lines (`      -> ` asks for more), `quit` or
/// `exit` (or Ctrl-D) leaves, Ctrl-C abandons the statement being typed. Errors are printed and the loop goes on.
struct InteractiveShell {
    let runner: ScriptRunner
    /// The folder holding the history file (PINTAIL_HOME); created when missing.
    let historyFolder: String

    static let prompt = "pintail> "
    static let continuationPrompt = "      -> "

    func run() {
        Self.useUTF8Locale()
        mkdir(historyFolder, 0o755)
        let editor = LineEditor(historyPath: historyFolder + "/history")
        var pending = ""
        while true {
            let prompt = pending.isEmpty ? Self.prompt : Self.continuationPrompt
            switch editor.read(prompt: prompt) {
            case .endOfInput:
                runner.printer.output.writeLine("")
                runner.printer.output.flush()
                return
            case .interrupted:
                pending = ""
                runner.printer.output.writeLine("")
                runner.printer.output.flush()
            case .line(let line):
                if pending.isEmpty && Self.isQuitCommand(line) { return }
                if !line.allSatisfy(\.isWhitespace) { editor.remember(line) }
                pending += pending.isEmpty ? line : "\n" + line
                let split = StatementSplitter.split(pending)
                for statement in split.statements { runner.run(statement) }
                if !split.statements.isEmpty { runner.session.releaseFreeMemory() }
                if Self.isQuitCommand(split.remainder) { return }
                pending = StatementSplitter.isBlank(split.remainder) ? "" : split.remainder
            }
        }
    }

    /// libedit shows and edits non-ASCII text only under a UTF-8 character locale; the C locale of a bare
    /// environment would hide every accented letter.
    static func useUTF8Locale() {
        if let name = setlocale(LC_CTYPE, ""), String(cString: name).lowercased().contains("utf") { return }
        if setlocale(LC_CTYPE, "C.UTF-8") == nil { _ = setlocale(LC_CTYPE, "en_US.UTF-8") }
    }

    static func isQuitCommand(_ line: String) -> Bool {
        let word = line.lowercased().trimmingCharacters(in: [" ", "\t", ";"])
        return word == "quit" || word == "exit"
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: Set<Character>) -> String {
        var s = Substring(self)
        while let c = s.first, set.contains(c) { s = s.dropFirst() }
        while let c = s.last, set.contains(c) { s = s.dropLast() }
        return String(s)
    }
}
