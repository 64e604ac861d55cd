import Foundation

/// Finds model folders the way Scripts/model/fetch-minilm.sh places them:
/// `$PINTAIL_HOME/models/<name>`, else `~/.pintail/models/<name>`.
public enum ModelFolder {
    public static let defaultModelName = "all-MiniLM-L6-v2"

    /// The folder the named model lives in (whether or not it has been fetched yet).
    public static func path(for name: String = defaultModelName) -> String {
        let env = ProcessInfo.processInfo.environment
        let home: String
        if let pintailHome = env["PINTAIL_HOME"], !pintailHome.isEmpty {
            home = pintailHome
        } else {
            let userHome = env["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
            home = userHome + "/.pintail"
        }
        return home + "/models/" + name
    }

    /// True when the folder holds the files an encoder needs.
    public static func isFetched(_ folder: String) -> Bool {
        let fm = FileManager.default
        return ["config.json", "vocab.txt", "model.safetensors"].allSatisfy {
            fm.fileExists(atPath: folder + "/" + $0)
        }
    }

    /// Reads a whole file, naming it in the error when it cannot.
    static func read(_ path: String) throws(ModelError) -> Data {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ModelError(.missingFile, "cannot read file", file: path)
        }
        return data
    }
}
