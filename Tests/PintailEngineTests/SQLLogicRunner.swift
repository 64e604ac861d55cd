import PintailCore
import PintailEngine
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Runs `.slt` files: each file gets a fresh engine (its own catalog in a temporary PINTAIL_HOME) and session.
///
/// Records, separated by blank lines:
/// ```
/// statement ok
/// <sql>
///
/// statement error <substring of the rendered error, e.g. line 1:8: Column 'x' cannot be resolved>
/// <sql>
///
/// query [rowsort]
/// <sql>
/// ----
/// <rows: values separated by tabs, NULL for null>
/// ```
/// `__FIXTURES__` in SQL stands for Tests/PintailEngineTests/Fixtures, `__REPO__` for the repository root and
/// `__SCRATCH__` for an empty folder of the file's own (removed afterwards).
struct SQLLogicRunner {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static let testsFolder = String(#filePath.dropLast("/SQLLogicRunner.swift".count))
    static let repoRoot = String(testsFolder.dropLast("/Tests/PintailEngineTests".count))

    static func run(file path: String) throws {
        let text = try readFile(path)
        let home = makeTemporaryFolder()
        defer { removeTree(home) }
        let engine = try Engine(options: EngineOptions(home: home))
        let session = engine.makeSession()
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.append("")
        // SLT_COMPLETE=1 rewrites expected rows with what the engine returns (review the diff before committing).
        let complete = getenv("SLT_COMPLETE") != nil
        var rewrites: [(Range<Int>, [String])] = []
        var i = 0
        while i < lines.count {
            let header = lines[i].trimmingCharacters()
            if header.isEmpty || header.hasPrefix("#") { i += 1; continue }
            let recordLine = i + 1
            i += 1
            var sql: [String] = []
            while i < lines.count, !lines[i].trimmingCharacters().isEmpty, lines[i] != "----" {
                sql.append(lines[i]); i += 1
            }
            var expected: [String] = []
            var expectedRange = i..<i
            if i < lines.count, lines[i] == "----" {
                i += 1
                let start = i
                while i < lines.count, !lines[i].isEmpty { expected.append(lines[i]); i += 1 }
                expectedRange = start..<i
            }
            let statement = sql.joined(separator: "\n")
                .replacing("__FIXTURES__", with: testsFolder + "/Fixtures")
                .replacing("__REPO__", with: repoRoot)
                .replacing("__SCRATCH__", with: home + "/scratch")
            let location = "\(path.split(separator: "/").last ?? ""):\(recordLine)"
            if header == "statement ok" {
                do { _ = try session.execute(statement) } catch let e as PintailError {
                    throw Failure(description: "\(location): expected success, got: \(e.rendered)")
                }
            } else if header.hasPrefix("statement error") {
                let wanted = String(header.dropFirst("statement error".count)).trimmingCharacters()
                do {
                    _ = try session.execute(statement)
                    throw Failure(description: "\(location): expected an error containing '\(wanted)', but it succeeded")
                } catch let e as PintailError {
                    let wanted = wanted.replacing("__SCRATCH__", with: home + "/scratch")
                    guard e.rendered.contains(wanted) else {
                        throw Failure(description: "\(location): expected an error containing '\(wanted)', got: \(e.rendered)")
                    }
                }
            } else if header.hasPrefix("query") {
                let results: [StatementResult]
                do { results = try session.execute(statement) } catch let e as PintailError {
                    throw Failure(description: "\(location): query failed: \(e.rendered)")
                }
                guard let result = results.last else { throw Failure(description: "\(location): no result") }
                var actual = result.rows().map { row in
                    zip(row, result.columns).map { ValueText.text($0, type: $1.type) }.joined(separator: "\t")
                }
                var want = expected
                if header.contains("rowsort") { actual.sort(); want.sort() }
                if complete, actual != want, !header.contains("rowsort") {
                    rewrites.append((expectedRange, actual))
                    continue
                }
                guard actual == want else {
                    throw Failure(description: "\(location): rows differ\n--- expected\n\(want.joined(separator: "\n"))\n--- actual\n\(actual.joined(separator: "\n"))")
                }
            } else {
                throw Failure(description: "\(location): unknown record '\(header)'")
            }
        }
        if complete && !rewrites.isEmpty {
            var out = Array(lines.dropLast())
            for (range, rows) in rewrites.reversed() { out.replaceSubrange(range, with: rows) }
            let joined = out.joined(separator: "\n")
            guard let f = fopen(path, "wb") else { throw Failure(description: "cannot write \(path)") }
            _ = joined.withCString { fputs($0, f) }
            fclose(f)
        }
    }

    static func files() -> [String] {
        let folder = testsFolder + "/SQLLogic"
        guard let dir = opendir(folder) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let e = readdir(dir) {
            let name = withUnsafeBytes(of: e.pointee.d_name) { String(cString: $0.baseAddress!.assumingMemoryBound(to: CChar.self)) }
            if name.hasSuffix(".slt") { names.append(folder + "/" + name) }
        }
        return names.sorted()
    }
}

func readFile(_ path: String) throws -> String {
    guard let f = fopen(path, "rb") else { throw SQLLogicRunner.Failure(description: "cannot open \(path)") }
    defer { fclose(f) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
        let n = fread(&buffer, 1, buffer.count, f)
        if n <= 0 { break }
        bytes += buffer[0..<n]
    }
    return String(decoding: bytes, as: UTF8.self)
}

func makeTemporaryFolder() -> String {
    var template = Array("/tmp/pintail-test-XXXXXX".utf8CString)
    guard let p = mkdtemp(&template) else { return "/tmp/pintail-test-\(getpid())" }
    return String(cString: p)
}

func removeTree(_ path: String) {
    guard path.hasPrefix("/tmp/pintail-test-") else { return }
    _ = system("rm -rf '\(path)'")
}

extension String {
    func trimmingCharacters() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\r" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s = s.dropLast() }
        return String(s)
    }
}

@Test(arguments: SQLLogicRunner.files())
func sqlLogicFile(_ path: String) throws {
    try SQLLogicRunner.run(file: path)
}
