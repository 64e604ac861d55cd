import PintailCore
#if canImport(Glibc)
import Glibc
#endif

/// Runs `body(0..<count)` on `count` threads (the caller's among them) and waits for all; rethrows the first error.
enum WorkerThreads {
    static func run(_ count: Int, _ body: @escaping (Int) throws -> Void) throws {
        let job = Job(body: body)
        var threads: [pthread_t] = []
        for i in 1..<max(1, count) {
            let context = Unmanaged.passRetained(JobSlot(job: job, index: i)).toOpaque()
            var thread = pthread_t()
            if pthread_create(&thread, nil, { raw in
                let slot = Unmanaged<JobSlot>.fromOpaque(raw!).takeRetainedValue()
                slot.job.perform(slot.index)
                return nil
            }, context) == 0 {
                threads.append(thread)
            } else {
                // No thread to be had: do that share here.
                Unmanaged<JobSlot>.fromOpaque(context).release()
                job.perform(i)
            }
        }
        job.perform(0)
        for t in threads { pthread_join(t, nil) }
        if let error = job.firstError { throw error }
    }

    private final class Job: @unchecked Sendable {
        let body: (Int) throws -> Void
        private let lock = MutexBox()
        private(set) var firstError: Error? = nil
        init(body: @escaping (Int) throws -> Void) { self.body = body }
        func perform(_ i: Int) {
            do { try body(i) } catch {
                lock.lock()
                if firstError == nil { firstError = error }
                lock.unlock()
            }
        }
    }

    private final class JobSlot {
        let job: Job
        let index: Int
        init(job: Job, index: Int) {
            self.job = job
            self.index = index
        }
    }
}

/// GROUP BY on all cores: each worker aggregates its own share of the scan's morsels into a partial hash table
/// (thread-local states, HyperLogLog sketches included), then the partials are merged into one.
final class ParallelAggregateOperator: Operator {
    private let partials: [HashAggregateOperator]
    private var merged = false

    init(partials: [HashAggregateOperator]) {
        self.partials = partials
    }

    func next() throws -> Batch? {
        if !merged {
            merged = true
            let partials = self.partials
            try WorkerThreads.run(partials.count) { i in try partials[i].consume() }
            for other in partials.dropFirst() { try partials[0].merge(other) }
            partials[0].emit()
        }
        return try partials[0].next()
    }
}
