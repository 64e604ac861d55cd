import Foundation
import Testing
@testable import PintailSketch

@Suite struct BiasTableTests {
    @Test func tablesCoverEveryPrecision() {
        #expect(BiasCorrection.tables.count == 13)
        for (offset, table) in BiasCorrection.tables.enumerated() {
            let p = offset + 4
            #expect(table.rawEstimates.count >= 70, "p=\(p)")
            #expect(table.rawEstimates.count == table.biases.count)
            #expect(zip(table.rawEstimates, table.rawEstimates.dropFirst()).allSatisfy { $0 < $1 }, "p=\(p)")
            // The raw estimator overshoots by about m/2 at n = m/2 and is unbiased past 5m.
            #expect(table.biases.first.map { $0 > 0.2 } == true, "p=\(p)")
            #expect(table.biases.last.map { abs($0) < 0.02 } == true, "p=\(p)")
        }
    }

    /// Correction subtracts the interpolated bias inside the table's range and nothing outside it.
    @Test func correctionInterpolates() {
        let table = BiasCorrection.tables[11 - 4]
        let m = 2048.0
        let raw = (table.rawEstimates[10] + table.rawEstimates[11]) / 2 * m
        let expectedBias = (table.biases[10] + table.biases[11]) / 2 * m
        #expect(abs(BiasCorrection.corrected(rawEstimate: raw, indexBitLength: 11) - (raw - expectedBias)) < 1e-6)
        #expect(BiasCorrection.corrected(rawEstimate: 100 * m, indexBitLength: 11) == 100 * m)
    }

    /// The committed tables are reproducible: a fresh, smaller measurement lands close to them.
    @Test func generatorReproducesTheCommittedTables() {
        for p in [4, 7] {
            let curve = BiasTableGenerator.curve(indexBitLength: p, runs: 3000, seed: 99)
            let table = BiasCorrection.tables[p - 4]
            #expect(curve.rawEstimates.count == table.rawEstimates.count)
            var totalDifference = 0.0
            for (fresh, committed) in zip(curve.biases, table.biases) { totalDifference += abs(fresh - committed) }
            let meanDifference = totalDifference / Double(curve.biases.count)
            #expect(meanDifference < 0.02, "p=\(p) mean |bias difference| / m = \(meanDifference)")
        }
    }

    /// Rewrites BiasTables.swift when PINTAIL_BIAS_TABLES_OUT names the file (run in release: about 25 s).
    @Test(.enabled(if: ProcessInfo.processInfo.environment["PINTAIL_BIAS_TABLES_OUT"] != nil))
    func writeBiasTables() throws {
        let path = ProcessInfo.processInfo.environment["PINTAIL_BIAS_TABLES_OUT"] ?? ""
        let curves = (4...16).map {
            BiasTableGenerator.curve(indexBitLength: $0, runs: BiasTableGenerator.defaultRuns(indexBitLength: $0))
        }
        try BiasTableGenerator.swiftSource(curves).write(toFile: path, atomically: true, encoding: .utf8)
    }
}
