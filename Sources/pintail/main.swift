// pintail: run SQL over the local data lake, one-shot (-c, -f, standard input) or in an interactive shell.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PintailCLI
import PintailEngine

let output = TextChannel(fileDescriptor: 1)
let diagnostics = TextChannel(fileDescriptor: 2)

@MainActor func fail(_ message: String, status: Int32) -> Never {
    output.flush()
    diagnostics.writeLine(message)
    diagnostics.flush()
    exit(status)
}

let request: CommandLineRequest
do {
    request = try CommandLineOptions.parse(Array(CommandLine.arguments.dropFirst()))
} catch {
    fail("pintail: \(error.message)\nTry 'pintail --help' for the options.", status: 2)
}

switch request {
case .help:
    output.writeLine(UsageText.help)
    output.flush()
case .version:
    output.writeLine(UsageText.version)
    output.flush()
case .crawl(let options):
    // One line per run; with --every the loop runs until Ctrl-C ends the process.
    let settings = CrawlerSettings(root: options.folder, database: options.database, tablePrefix: options.prefix,
                                   schemaChangePolicy: options.logSchemaChanges ? .log : .updateInDatabase)
    do {
        let crawler = Crawler(engine: try Engine(options: EngineOptions(home: options.catalog)), settings: settings)
        while true {
            let report = try crawler.run()
            for problem in report.problems { diagnostics.writeLine("pintail: crawl: \(problem)") }
            diagnostics.flush()
            output.writeLine("crawl \(report.crawlerName): \(report.summary)")
            output.flush()
            guard let every = options.every else { break }
            sleep(UInt32(every))
        }
    } catch {
        fail(ResultPrinter.errorText(error), status: 1)
    }
case .run(let options):
    // Read every script first, so that a missing file stops the run before any statement changes the catalog.
    var scripts: [String] = []
    do {
        for source in options.sources {
            switch source {
            case .command(let sql): scripts.append(sql)
            case .file(let path): scripts.append(try ScriptReader.read(path: path))
            }
        }
    } catch {
        fail("pintail: \(error.message)", status: 2)
    }
    let interactive = options.sources.isEmpty && isatty(0) == 1
    if options.sources.isEmpty && !interactive { scripts.append(ScriptReader.readAll(fileDescriptor: 0)) }

    let engine: Engine
    do {
        engine = try Engine(options: EngineOptions(home: options.catalog, threads: options.threads))
    } catch {
        fail(ResultPrinter.errorText(error), status: 1)
    }
    let printer = ResultPrinter(settings: options.print, output: output, diagnostics: diagnostics)
    let runner = ScriptRunner(session: engine.makeSession(database: options.database), printer: printer)
    if interactive {
        InteractiveShell(runner: runner, historyFolder: engine.homePath).run()
    } else {
        for script in scripts where !runner.run(script) { exit(1) }
    }
    output.flush()
}
