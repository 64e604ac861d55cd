import Foundation

/// Hands out category indices to worker threads and collects their results under a lock.
final class WorkQueue: @unchecked Sendable {
    private let lock = NSLock()
    private let order: [Int]
    private var cursor = 0
    private(set) var results: [LakeWriter.CategoryResult?]
    private(set) var errors: [String] = []

    /// `order`: the category indices in the order they should be started.
    init(order: [Int], categoryCount: Int) {
        self.order = order
        results = Array(repeating: nil, count: categoryCount)
    }

    func take() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard cursor < order.count else { return nil }
        cursor += 1
        return order[cursor - 1]
    }

    func finish(_ index: Int, _ outcome: Result<LakeWriter.CategoryResult, Error>) {
        lock.lock()
        defer { lock.unlock() }
        switch outcome {
        case .success(let result): results[index] = result
        case .failure(let error): errors.append("\(ReviewCategory.all[index].name): \(error)")
        }
    }

    /// Runs `work` on `threads` threads until every index is taken.
    func run(threads: Int, _ work: @escaping @Sendable (Int) throws -> LakeWriter.CategoryResult) {
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            while let index = take() {
                finish(index, Result { try work(index) })
            }
        }
    }
}
