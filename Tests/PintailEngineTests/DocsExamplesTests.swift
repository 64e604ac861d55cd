import Foundation
import PintailPlanner
import Testing

/// Keeps the user documentation true: every ```sql block of Docs/GettingStarted.md, SQLReference.md and
/// Functions.md runs through the `pintail` binary, in order, in one fresh catalog per document, from the repository
/// root (so relative LOCATIONs such as 'Datasets/amazon-reviews/tsv' resolve as they do for a user). When a plain
/// ``` block follows a sql block, it is the expected output:
/// - standard output of `pintail -q -c <sql>` (table format), compared exactly;
/// - if its last line is a footer `(N rows in T s, B scanned)`, the run keeps the footer and only T is ignored;
/// - if the statement fails, standard error must be exactly that text (how the documents show errors).
/// A sql block without an output block must just succeed.
@Suite struct DocsExamplesTests {
    static let repoRoot = String(#filePath.dropLast("/Tests/PintailEngineTests/DocsExamplesTests.swift".count))

    @Test(arguments: ["GettingStarted.md", "SQLReference.md", "Functions.md"])
    func examplesRunAndPrintWhatTheDocumentShows(_ document: String) throws {
        let path = Self.repoRoot + "/Docs/" + document
        let examples = DocExample.parse(try String(contentsOfFile: path, encoding: .utf8))
        #expect(examples.count >= 10, "\(document): too few sql examples found; is the markdown fenced as ```sql?")
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("pintail-docs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        for example in examples {
            let where_ = "\(document):\(example.line)"
            let lastLine = example.expected?.split(separator: "\n").last ?? ""
            let keepsFooter = DocExample.isFooter(lastLine)
            let run = try DocExample.runPintail((keepsFooter ? [] : ["-q"]) + ["-c", example.sql], home: home.path,
                                                directory: Self.repoRoot)
            guard let expected = example.expected else {
                #expect(run.status == 0, "\(where_): failed: \(run.err)")
                continue
            }
            if run.status != 0 {
                // An error example: the document shows what pintail prints on standard error.
                #expect(run.status == 1, "\(where_): exit status \(run.status)")
                #expect(run.err.trimmingTrailingNewlines() == expected, "\(where_): failed: \(run.err)")
                continue
            }
            #expect(DocExample.maskingTimes(run.out.trimmingTrailingNewlines()) == DocExample.maskingTimes(expected),
                    "\(where_): output differs\n--- document\n\(expected)\n--- pintail\n\(run.out)")
        }
    }

    /// Every function the binder knows has a `### name` entry (or is named in one) in Docs/Functions.md.
    @Test func functionsDocumentNamesEveryRegisteredFunction() throws {
        let text = try String(contentsOfFile: Self.repoRoot + "/Docs/Functions.md", encoding: .utf8)
        let headings = text.split(separator: "\n").filter { $0.hasPrefix("### ") }.joined(separator: "\n")
        let bindersOwn = ["coalesce", "if", "nullif", "try", "current_date"]
        let names = FunctionTyping.scalarNames + FunctionTyping.aggregates.sorted() + bindersOwn
        let missing = names.filter { name in
            !headings.contains("`\(name)(") && !headings.contains("`\(name)`")
        }
        #expect(missing.isEmpty, "Docs/Functions.md has no ### heading for: \(missing.joined(separator: ", "))")
    }

    @Test func theParserPairsSQLWithItsOutputAndSkipsOtherBlocks() {
        let markdown = """
            Text.
            ```sh
            pintail -c "SELECT 1"
            ```
            ```sql
            SELECT 1 AS one
            ```

            ```
             one
            -----
               1
            ```
            ```sql
            CREATE DATABASE d
            ```
            Some text.
            ```
            not an output: text came between
            ```
            """
        let examples = DocExample.parse(markdown)
        #expect(examples.count == 2)
        #expect(examples.first?.sql == "SELECT 1 AS one")
        #expect(examples.first?.expected == " one\n-----\n   1")
        #expect(examples.first?.line == 5)
        #expect(examples.last?.sql == "CREATE DATABASE d")
        #expect(examples.last?.expected == nil)
        #expect(DocExample.maskingTimes("(2 rows in 0.25 s, 1.5 KB scanned)") == "(2 rows in _ s, 1.5 KB scanned)")
    }
}

/// One ```sql block of a markdown document and the output block that follows it, if any.
struct DocExample {
    var sql: String
    var expected: String?
    /// 1-based line of the opening fence.
    var line: Int

    static func parse(_ markdown: String) -> [DocExample] {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var blocks: [(info: String, body: String, start: Int, end: Int)] = []
        var i = 0
        while i < lines.count {
            guard lines[i].hasPrefix("```") else { i += 1; continue }
            let info = String(lines[i].dropFirst(3)).trimmingCharacters(in: .whitespaces)
            let start = i
            var body: [String] = []
            i += 1
            while i < lines.count, !lines[i].hasPrefix("```") { body.append(lines[i]); i += 1 }
            blocks.append((info, body.joined(separator: "\n"), start, i))
            i += 1
        }
        var examples: [DocExample] = []
        for (k, b) in blocks.enumerated() where b.info == "sql" {
            var expected: String? = nil
            if k + 1 < blocks.count, blocks[k + 1].info.isEmpty || blocks[k + 1].info == "text" {
                let between = lines[(b.end + 1)..<blocks[k + 1].start]
                let adjacent = between.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty }
                if adjacent { expected = blocks[k + 1].body }
            }
            examples.append(DocExample(sql: b.body, expected: expected, line: b.start + 1))
        }
        return examples
    }

    static func isFooter(_ line: Substring) -> Bool {
        line.hasPrefix("(") && line.hasSuffix(" scanned)") && line.contains(" s, ")
    }

    /// `(N rows in 0.03 s, ...)` becomes `(N rows in _ s, ...)`: wall-clock time is the one thing that varies.
    static func maskingTimes(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard isFooter(line), let inRange = line.range(of: " in "), let sRange = line.range(of: " s, ") else {
                return String(line)
            }
            return String(line[..<inRange.upperBound]) + "_" + String(line[sRange.lowerBound...])
        }.joined(separator: "\n")
    }

    struct Outcome {
        var status: Int32
        var out: String
        var err: String
    }

    /// The `pintail` binary beside the test bundle (`swift test` builds every product).
    static let binary: String = {
        let me = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return me.deletingLastPathComponent().appendingPathComponent("pintail").path
    }()

    static func runPintail(_ arguments: [String], home: String, directory: String) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = ProcessInfo.processInfo.environment.merging(["PINTAIL_HOME": home]) { _, new in new }
        let stdout = Pipe(), stderr = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Examples print little; stderr holds at most an error or a warning, far below a pipe's buffer.
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, out: String(decoding: out, as: UTF8.self),
                       err: String(decoding: err, as: UTF8.self))
    }
}

extension String {
    fileprivate func trimmingTrailingNewlines() -> String {
        var s = Substring(self)
        while s.last == "\n" { s = s.dropLast() }
        return String(s)
    }
}
