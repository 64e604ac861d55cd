import Foundation

/// `pintail-bench compare EXPECTED ACTUAL`: the benchmark's result comparison on two files, for tests and for
/// checking a disagreement by hand. Prints the outcome; exit status 0 when they agree, 1 when not, 2 on bad input.
enum CompareCommand {
    static func run(expected: String, actual: String, ordered: Bool, tolerance: Double) -> Int32 {
        do {
            let a = try load(expected), b = try load(actual)
            let outcome = ResultComparison.compare(a, b, ordered: ordered, tolerance: tolerance)
            print(outcome.label)
            return outcome.agrees ? 0 : 1
        } catch {
            FileHandle.standardError.write(Data("pintail-bench compare: \(error)\n".utf8))
            return 2
        }
    }

    static func load(_ path: String) throws -> ResultSet {
        guard let data = FileManager.default.contents(atPath: path) else { throw BenchError("cannot read \(path)") }
        do {
            return try JSONDecoder().decode(ResultSet.self, from: data)
        } catch {
            throw BenchError("\(path) is not a result file ({\"columns\": [...], \"rows\": n, \"data\": [[...]]}): \(error)")
        }
    }
}
