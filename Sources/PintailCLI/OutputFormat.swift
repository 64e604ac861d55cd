/// How result rows are printed.
public enum OutputFormat: String, Sendable, CaseIterable, Equatable {
    /// Aligned columns with a header, as Trino's CLI prints them (the default).
    case table
    /// RFC 4180 comma-separated values with a header line.
    case csv
    /// Tab-separated values, tabs and newlines inside values escaped as `\t` and `\n`.
    case tsv
    /// JSON Lines: one object per row keyed by column name.
    case json
    /// A GitHub-flavoured Markdown pipe table.
    case markdown

    /// Formats meant for other programs: footers, messages and warnings go to standard error so that the data on
    /// standard output stays clean.
    public var isMachineReadable: Bool {
        switch self {
        case .csv, .tsv, .json: return true
        case .table, .markdown: return false
        }
    }
}

/// Printing choices taken from the command line.
public struct PrintSettings: Sendable, Equatable {
    public var format: OutputFormat
    /// Print the header line in csv and tsv.
    public var header: Bool
    /// Print the `(N rows in T s, B scanned)` line after each result.
    public var footer: Bool
    /// Table cells wider than this many terminal columns are cut and end in `...`; 0 means never cut.
    public var maxCellWidth: Int

    public init(format: OutputFormat = .table, header: Bool = true, footer: Bool = true, maxCellWidth: Int = 100) {
        self.format = format
        self.header = header
        self.footer = footer
        self.maxCellWidth = maxCellWidth
    }
}
