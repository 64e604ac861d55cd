/// Runs a join build's independent tasks (column concatenations, partition tables) on several threads: each thread
/// claims the next unclaimed task until none is left, so uneven tasks even out.
enum JoinBuildWork {
    static func forEach(_ tasks: Int, threads: Int, _ body: @escaping (Int) throws -> Void) throws {
        let count = min(max(1, threads), tasks)
        if count <= 1 {
            for i in 0..<tasks { try body(i) }
            return
        }
        let next = TaskCounter()
        try WorkerThreads.run(count) { _ in
            while let i = next.claim(below: tasks) { try body(i) }
        }
    }

    /// `parts` contiguous, nearly equal ranges covering `0..<rows` (fewer when there are fewer rows).
    static func ranges(_ rows: Int, parts: Int) -> [Range<Int>] {
        let k = max(1, min(parts, rows))
        return (0..<k).map { w in rows * w / k ..< rows * (w + 1) / k }
    }

    private final class TaskCounter: @unchecked Sendable {
        private let mutex = MutexBox()
        private var value = 0

        func claim(below limit: Int) -> Int? {
            mutex.lock()
            defer { mutex.unlock() }
            guard value < limit else { return nil }
            value += 1
            return value - 1
        }
    }
}
