import Foundation

/// Hands out work units to worker threads and collects their results under a lock.
final class WorkQueue: @unchecked Sendable {
    private let lock = NSLock()
    private let units: [LakeWriter.WorkUnit]
    private var cursor = 0
    private(set) var results: [LakeWriter.UnitResult?]
    private(set) var errors: [String] = []

    /// `units` in the order they should be started.
    init(units: [LakeWriter.WorkUnit]) {
        self.units = units
        results = Array(repeating: nil, count: units.count)
    }

    private func take() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard cursor < units.count else { return nil }
        cursor += 1
        return cursor - 1
    }

    private func finish(_ index: Int, _ outcome: Result<LakeWriter.UnitResult, Error>) {
        lock.lock()
        defer { lock.unlock() }
        switch outcome {
        case .success(let result): results[index] = result
        case .failure(let error):
            let unit = units[index]
            errors.append("\(ReviewCategory.all[unit.category].name) part \(unit.part): \(error)")
        }
    }

    /// Runs `work` on `threads` threads until every unit is taken.
    func run(threads: Int, _ work: @escaping @Sendable (LakeWriter.WorkUnit) throws -> LakeWriter.UnitResult) {
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            while let index = take() {
                finish(index, Result { try work(units[index]) })
            }
        }
    }
}
