import Foundation
import Testing
import PintailML

/// Prints sentences per second at 64 and 128 tokens, wall clock and per CPU-second (the steadier figure on a shared
/// machine, as bench_reference.py prints it); never asserts times. Runs only with PINTAIL_ML_BENCH=1
/// (use Scripts/model/bench.sh, which builds in release mode).
@Suite struct SpeedBenchmark {
    /// User + system CPU seconds of this process so far.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    static func report(_ label: String, count: Int, seconds: Double, cpu: Double, threads: Int) {
        print("PintailML speed: \(label): " + String(format: "%.1f sentences/s wall, %.1f per CPU-second (%d sentences in %.2f s, %d threads)",
                                                        Double(count) / seconds, Double(count) / cpu, count, seconds, threads))
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["PINTAIL_ML_BENCH"] == "1"))
    func sentencesPerSecondAt64And128Tokens() throws {
        guard let folder = TestPaths.miniLMFolder(for: "sentencesPerSecondAt64And128Tokens") else { return }
        let classifier = try TextClassifier(encoderFolder: folder)
        let word = classifier.tokenizer.vocabulary.id("good") ?? 2204
        for length in [64, 128] {
            let count = length == 64 ? 512 : 256
            var sequences: [[Int32]] = []
            for i in 0..<count {
                var ids: [Int32] = [classifier.tokenizer.clsID]
                for j in 0..<length - 2 { ids.append(Int32((Int(word) + j * 7 + i) % 20000 + 2000)) }
                ids.append(classifier.tokenizer.sepID)
                sequences.append(ids)
            }
            _ = try classifier.embeddings(tokenized: Array(sequences.prefix(32)))
            let start = Date(), cpu = Self.cpuSeconds()
            let vectors = try classifier.embeddings(tokenized: sequences)
            let seconds = Date().timeIntervalSince(start)
            #expect(vectors.count == count)
            Self.report("seq \(length)", count: count, seconds: seconds, cpu: Self.cpuSeconds() - cpu, threads: classifier.threadCount)
        }
        // The references' third shape: the first 500 VADER Amazon and 500 movie sentences (bench_reference.py
        // reads the same), tokenized first and excluded from the time, as there.
        if let vader = ProcessInfo.processInfo.environment["PINTAIL_ML_BENCH_VADER"] {
            var texts: [String] = []
            for name in ["amazonReviewSnippets", "movieReviewSnippets"] {
                let file = String(decoding: try Data(contentsOf: URL(fileURLWithPath: vader + "/" + name + "_GroundTruth.txt")), as: UTF8.self)
                // The files end lines with "\r\n", one Character: split on newline scalars instead.
                let lines = file.components(separatedBy: .newlines).map { $0.components(separatedBy: "\t") }
                texts += lines.filter { $0.count >= 3 }.prefix(500).map { $0[2...].joined(separator: "\t") }
            }
            let sequences = texts.map { classifier.tokenizer.encode($0, maxLength: 128) }
            _ = try classifier.embeddings(tokenized: Array(sequences.prefix(64)))
            let start = Date(), cpu = Self.cpuSeconds()
            _ = try classifier.embeddings(tokenized: sequences)
            let seconds = Date().timeIntervalSince(start)
            Self.report("\(texts.count) VADER sentences sorted by length (bench_reference.py's)", count: texts.count,
                        seconds: seconds, cpu: Self.cpuSeconds() - cpu, threads: classifier.threadCount)
        }
        // Real review sentences of mixed length (sorted into similar-length mini-batches), tokenizing included.
        let texts = ReferenceFixtureTests.rows.map(\.text)
        let start = Date(), cpu = Self.cpuSeconds()
        _ = try classifier.embeddings(texts)
        let seconds = Date().timeIntervalSince(start)
        Self.report("\(texts.count) VADER sentences incl. tokenizing", count: texts.count, seconds: seconds,
                    cpu: Self.cpuSeconds() - cpu, threads: classifier.threadCount)
    }
}
