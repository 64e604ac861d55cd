/// Where the SQL of a one-shot run comes from.
public enum ScriptSource: Sendable, Equatable {
    /// `-c SQL`.
    case command(String)
    /// `-f PATH`; `-` is standard input.
    case file(String)
}

/// Everything the command line asked for.
public struct CommandLineOptions: Sendable, Equatable {
    /// Scripts to run in order; empty means standard input, or the interactive shell on a terminal.
    public var sources: [ScriptSource] = []
    public var print = PrintSettings()
    public var database = "default"
    /// The folder holding catalog.db (`--catalog`); nil leaves the choice to `PINTAIL_HOME` or `~/.pintail`.
    public var catalog: String?
    public var threads: Int?

    public init() {}
}

/// What `pintail` should do.
public enum CommandLineRequest: Sendable, Equatable {
    case run(CommandLineOptions)
    /// `pintail crawl FOLDER ...`.
    case crawl(CrawlOptions)
    case help
    case version
}

/// A command-line mistake, reported before any SQL runs (exit status 2).
public struct UsageError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

extension CommandLineOptions {
    /// Parses the arguments after the program name. Options take their value as the next argument or after `=`
    /// (`--format csv`, `--format=csv`).
    public static func parse(_ arguments: [String]) throws(UsageError) -> CommandLineRequest {
        if arguments.first == "crawl" { return try CrawlOptions.parse(Array(arguments.dropFirst())) }
        var options = CommandLineOptions()
        var i = 0
        while i < arguments.count {
            let argument = arguments[i]
            i += 1
            var name = argument
            var inlineValue: String?
            if argument.hasPrefix("--"), let eq = argument.firstIndex(of: "=") {
                name = String(argument[..<eq])
                inlineValue = String(argument[argument.index(after: eq)...])
            }
            func value() throws(UsageError) -> String {
                if let inlineValue { return inlineValue }
                guard i < arguments.count else { throw UsageError("option \(name) needs a value") }
                i += 1
                return arguments[i - 1]
            }
            switch name {
            case "-h", "--help": return .help
            case "--version": return .version
            case "-c", "--command": options.sources.append(.command(try value()))
            case "-f", "--file": options.sources.append(.file(try value()))
            case "--format", "--output-format":
                let text = try value()
                guard let format = OutputFormat(rawValue: text.lowercased()) else {
                    let known = OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")
                    throw UsageError("unknown output format '\(text)' (choose one of \(known))")
                }
                options.print.format = format
            case "--no-header": options.print.header = false
            case "-q", "--quiet": options.print.footer = false
            case "-d", "--database", "--schema":
                let database = try value()
                guard !database.isEmpty else { throw UsageError("option \(name) needs a database name") }
                options.database = database
            case "--catalog":
                let folder = try value()
                guard !folder.isEmpty else { throw UsageError("option --catalog needs a folder") }
                options.catalog = folder
            case "--threads":
                options.threads = try positiveInteger(try value(), option: name, allowZero: false)
            case "--max-width":
                options.print.maxCellWidth = try positiveInteger(try value(), option: name, allowZero: true)
            default:
                if inlineValue == nil && argument.hasPrefix("-") && argument != "-" {
                    throw UsageError("unknown option '\(argument)'")
                }
                if inlineValue != nil { throw UsageError("unknown option '\(name)'") }
                throw UsageError("unexpected argument '\(argument)' (use -c to run SQL or -f to run a file)")
            }
        }
        return .run(options)
    }

    static func positiveInteger(_ text: String, option: String, allowZero: Bool) throws(UsageError) -> Int {
        guard let n = Int(text), n > 0 || (allowZero && n == 0), n <= 1 << 20 else {
            throw UsageError("option \(option) needs a \(allowZero ? "non-negative" : "positive") whole number, got '\(text)'")
        }
        return n
    }
}

/// `pintail crawl FOLDER [--database D] [--prefix P] [--every SECONDS] [--on-schema-change update|log]
/// [--catalog DIR]`: register each dataset folder under FOLDER as a table, once or on a timer.
public struct CrawlOptions: Sendable, Equatable {
    public var folder = ""
    public var database = "default"
    public var prefix = ""
    /// Seconds between runs; nil runs once.
    public var every: Int?
    /// Log schema changes of existing tables instead of updating them.
    public var logSchemaChanges = false
    public var catalog: String?

    static func parse(_ arguments: [String]) throws(UsageError) -> CommandLineRequest {
        var options = CrawlOptions()
        var i = 0
        func value(_ name: String) throws(UsageError) -> String {
            guard i < arguments.count, !arguments[i].isEmpty else { throw UsageError("option \(name) needs a value") }
            i += 1
            return arguments[i - 1]
        }
        while i < arguments.count {
            let argument = arguments[i]
            i += 1
            switch argument {
            case "-h", "--help": return .help
            case "-d", "--database": options.database = try value(argument)
            case "--prefix": options.prefix = try value(argument)
            case "--catalog": options.catalog = try value(argument)
            case "--every":
                options.every = try CommandLineOptions.positiveInteger(try value(argument), option: argument, allowZero: false)
            case "--on-schema-change":
                switch try value(argument) {
                case "update": options.logSchemaChanges = false
                case "log": options.logSchemaChanges = true
                case let other: throw UsageError("option --on-schema-change takes update or log, not '\(other)'")
                }
            default:
                guard !argument.hasPrefix("-"), options.folder.isEmpty else {
                    throw UsageError(argument.hasPrefix("-") ? "unknown crawl option '\(argument)'"
                        : "crawl takes one folder; '\(argument)' is a second one")
                }
                options.folder = argument
            }
        }
        guard !options.folder.isEmpty else { throw UsageError("crawl needs a folder: pintail crawl FOLDER") }
        return .crawl(options)
    }
}
