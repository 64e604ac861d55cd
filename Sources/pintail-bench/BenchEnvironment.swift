import Foundation

/// Where the benchmark finds its tools: the repository (for Scripts/ and .venv), the pintail-datagen binary, and
/// the lake, which it generates when missing.
struct BenchEnvironment {
    let repository: String
    let executableFolder: String

    init() throws {
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let folder = FileManager.default.fileExists(atPath: exe.path)
            ? exe.deletingLastPathComponent() : URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        executableFolder = folder.standardizedFileURL.path
        let starts = [FileManager.default.currentDirectoryPath, executableFolder]
        guard let root = starts.lazy.compactMap(Self.repositoryRoot(above:)).first else {
            throw BenchError("cannot find the Pintail repository (Scripts/bench/peer_driver.py) above the current folder")
        }
        repository = root
    }

    static func repositoryRoot(above path: String) -> String? {
        var url = URL(fileURLWithPath: path).standardizedFileURL
        while true {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Scripts/bench/peer_driver.py").path) {
                return url.path
            }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { return nil }
            url = parent
        }
    }

    var driver: String { repository + "/Scripts/bench/peer_driver.py" }
    var python: String { repository + "/.venv/bin/python" }

    /// Makes sure the venv has duckdb and datafusion (Scripts/bench/ensure-venv.sh); false, with a note, when not.
    func preparePython() -> Bool {
        let status = Self.launch(repository + "/Scripts/bench/ensure-venv.sh", [])
        if status != 0 { log("the Python environment could not be set up (exit \(status)); peers are skipped") }
        return status == 0 && FileManager.default.isExecutableFile(atPath: python)
    }

    /// The lake folder, absolute; generated with pintail-datagen (both layouts) unless it is already complete.
    func prepareLake(_ options: BenchOptions) throws -> String {
        let folder = URL(fileURLWithPath: options.lakeFolder).standardizedFileURL.path
        let marker = folder + "/.complete"
        let fm = FileManager.default
        if fm.fileExists(atPath: marker) { return folder }
        if options.data != nil && fm.fileExists(atPath: folder + "/tsv") && fm.fileExists(atPath: folder + "/parquet") {
            return folder  // a lake the user made, e.g. Datasets/amazon-reviews
        }
        let datagen = try datagenBinary()
        log("generating \(options.rows) reviews in \(folder) with \(datagen)")
        try? fm.removeItem(atPath: folder)
        let status = Self.launch(datagen, ["--rows", String(options.rows), "--seed", String(options.seed),
                                           "--out", folder, "--format", "both"])
        guard status == 0 else { throw BenchError("pintail-datagen failed with exit status \(status)") }
        _ = fm.createFile(atPath: marker, contents: Data("rows \(options.rows) seed \(options.seed)\n".utf8))
        return folder
    }

    /// pintail-datagen beside this executable, built in release mode with the same build folder when missing.
    private func datagenBinary() throws -> String {
        let path = executableFolder + "/pintail-datagen"
        if FileManager.default.isExecutableFile(atPath: path) { return path }
        // <scratch>/<triple>/release/pintail-bench: the scratch folder is two levels up.
        let scratch = URL(fileURLWithPath: executableFolder).deletingLastPathComponent().deletingLastPathComponent().path
        log("building pintail-datagen (swift build -c release --product pintail-datagen --scratch-path \(scratch))")
        let status = Self.launch("/usr/bin/env", ["swift", "build", "-c", "release", "--product", "pintail-datagen",
                                                  "--scratch-path", scratch, "--package-path", repository])
        guard status == 0, FileManager.default.isExecutableFile(atPath: path) else {
            throw BenchError("pintail-datagen is missing; build it with: swift build -c release --product pintail-datagen")
        }
        return path
    }

    /// Runs a tool with this process's standard output and error; its exit status (-1 when it cannot start).
    static func launch(_ path: String, _ arguments: [String]) -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = arguments
        do { try p.run() } catch { return -1 }
        p.waitUntilExit()
        return p.terminationStatus
    }
}

/// Progress notes go to standard error so that the table on standard output stays clean.
func log(_ message: String) {
    FileHandle.standardError.write(Data("pintail-bench: \(message)\n".utf8))
}
