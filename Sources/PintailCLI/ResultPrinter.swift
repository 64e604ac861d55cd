import PintailCore
import PintailEngine

/// Prints statement results and errors in the chosen format. Rows go to `output`; the footer, DDL messages and
/// warnings go to `output` after a table or Markdown result but to `diagnostics` for machine-readable formats, so
/// that piped csv/tsv/json stays clean. Errors always go to `diagnostics`.
public final class ResultPrinter {
    public let settings: PrintSettings
    public let output: TextChannel
    public let diagnostics: TextChannel

    public init(settings: PrintSettings, output: TextChannel, diagnostics: TextChannel) {
        self.settings = settings
        self.output = output
        self.diagnostics = diagnostics
    }

    private var notes: TextChannel { settings.format.isMachineReadable ? diagnostics : output }

    public func print(_ result: StatementResult) {
        if result.hasRows {
            render(result)
            if settings.footer {
                output.flush()
                notes.writeLine(StatisticsFooter.text(rows: result.rowCount, statistics: result.statistics))
            }
        } else if let message = result.message {
            output.flush()
            notes.writeLine(message)
        }
        output.flush()
        for warning in result.warnings { diagnostics.writeLine("WARNING: " + warning) }
        diagnostics.flush()
    }

    private func render(_ result: StatementResult) {
        switch settings.format {
        case .table: TableRenderer(maxCellWidth: settings.maxCellWidth).render(result, to: output)
        case .csv: DelimitedRenderer(style: .csv, header: settings.header).render(result, to: output)
        case .tsv: DelimitedRenderer(style: .tsv, header: settings.header).render(result, to: output)
        case .json: JSONLinesRenderer().render(result, to: output)
        case .markdown: MarkdownRenderer().render(result, to: output)
        }
    }

    /// Prints an error as the user should see it: a PintailError's `line L:C: message`, the SQL line and a caret.
    /// `script` fills in the SQL text when the error has a position but no text of its own.
    public func printError(_ error: any Error, script: String? = nil) {
        output.flush()
        diagnostics.writeLine(Self.errorText(error, script: script))
        diagnostics.flush()
    }

    public static func errorText(_ error: any Error, script: String? = nil) -> String {
        guard var pintailError = error as? PintailError else { return "Error: \(error)" }
        if pintailError.sql == nil, pintailError.line != nil { pintailError.sql = script }
        return pintailError.rendered
    }
}
