import Foundation
import Testing
@testable import PintailParquet

/// Truncations and bit flips of corpus files: reading must succeed or throw, never crash or hang.
@Suite struct FuzzTests {
    static let seeds = ["data/alltypes_plain.parquet", "data/alltypes_plain.snappy.parquet", "data/datapage_v2.snappy.parquet",
                        "data/delta_byte_array.parquet", "data/nested_maps.snappy.parquet", "data/byte_stream_split.zstd.parquet",
                        "data/rle_boolean_encoding.parquet", "data/nullable.impala.parquet", "data/lz4_raw_compressed.parquet",
                        "data/fixed_length_decimal.parquet", "data/delta_binary_packed.parquet", "data/int96_from_spark.parquet"]

    /// SplitMix64: a fixed-seed generator so failures reproduce.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }
    }

    static func mutate(_ bytes: [UInt8], _ g: inout Generator) -> [UInt8] {
        var out = bytes
        switch g.below(4) {
        case 0: out = Array(out.prefix(g.below(out.count)))
        case 1:
            for _ in 0..<1 + g.below(8) { let i = g.below(out.count); out[i] ^= UInt8(1 << g.below(8)) }
        case 2:
            // Flip bits near the footer, where the metadata lives.
            for _ in 0..<1 + g.below(4) { let i = out.count - 1 - g.below(min(out.count, 600)); out[i] ^= UInt8(1 << g.below(8)) }
        default:
            let i = g.below(out.count)
            out[i] = UInt8(truncatingIfNeeded: g.next())
        }
        return out
    }

    static func run(iterations: Int, seed: UInt64) throws -> (ok: Int, failed: Int) {
        var g = Generator(state: seed)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pintail-fuzz-\(getpid())-\(seed)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let originals = try seeds.map { try [UInt8](Data(contentsOf: URL(fileURLWithPath: Corpus.path($0)))) }
        var ok = 0, failed = 0
        for i in 0..<iterations {
            let mutated = mutate(originals[i % originals.count], &g)
            let url = dir.appendingPathComponent("case.parquet")
            try Data(mutated).write(to: url)
            do {
                _ = try readAllRows(url.path)
                ok += 1
            } catch is ParquetError {
                failed += 1
            }
        }
        return (ok, failed)
    }

    @Test func mutatedFilesNeverCrash() throws {
        let (ok, failed) = try Self.run(iterations: 400, seed: 42)
        #expect(ok + failed == 400)
        #expect(failed > 0)
    }

    /// A longer run on demand: PINTAIL_FUZZ_ITERATIONS=20000 swift test --filter FuzzTests
    @Test func longRunOnDemand() throws {
        guard let n = ProcessInfo.processInfo.environment["PINTAIL_FUZZ_ITERATIONS"].flatMap(Int.init) else { return }
        let seed = ProcessInfo.processInfo.environment["PINTAIL_FUZZ_SEED"].flatMap(UInt64.init) ?? 7
        _ = try Self.run(iterations: n, seed: seed)
    }

    @Test func regressionFixturesFailCleanly() throws {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Corpus.fixtures.path)) ?? []
        for name in names where name.hasPrefix("crash-") {
            #expect(throws: ParquetError.self) { _ = try readAllRows(Corpus.fixtures.appendingPathComponent(name).path) }
        }
    }
}
