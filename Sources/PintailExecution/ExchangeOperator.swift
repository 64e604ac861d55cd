#if canImport(Glibc)
import Glibc
#endif
import PintailCore

/// Runs several copies of a pipeline (scan, filters, projections) on worker threads, one per core, and hands their
/// batches to the single consumer above it. The copies share one morsel queue, so the work spreads by itself; the
/// consumer sees batches in no particular order. A bounded buffer keeps memory flat, and when the consumer stops
/// early (a LIMIT) the workers are told to stop.
final class ExchangeOperator: Operator, @unchecked Sendable {
    private let pipelines: [Operator]
    private let mutex = MutexBox()
    private var condition = pthread_cond_t()
    private var buffer: [Batch] = []
    private let capacity: Int
    private var running = 0
    private var started = false
    private var stopped = false
    private var failure: Error? = nil
    private var threads: [pthread_t] = []

    init(pipelines: [Operator]) {
        self.pipelines = pipelines
        capacity = max(4, pipelines.count * 2)
        pthread_cond_init(&condition, nil)
    }

    deinit {
        stop()
        for t in threads { pthread_join(t, nil) }
        pthread_cond_destroy(&condition)
    }

    func next() throws -> Batch? {
        if !started { start() }
        mutex.lock()
        defer { mutex.unlock() }
        while true {
            if let failure { throw failure }
            if !buffer.isEmpty {
                let b = buffer.removeFirst()
                pthread_cond_broadcast(&condition)
                return b
            }
            if running == 0 { return nil }
            mutex.wait(&condition)
        }
    }

    private func start() {
        started = true
        running = pipelines.count
        for p in pipelines {
            let box = WorkerContext(exchange: self, pipeline: p)
            var thread = pthread_t()
            let context = Unmanaged.passRetained(box).toOpaque()
            let rc = pthread_create(&thread, nil, { raw in
                let box = Unmanaged<WorkerContext>.fromOpaque(raw!).takeRetainedValue()
                box.exchange.work(box.pipeline)
                return nil
            }, context)
            if rc == 0 {
                threads.append(thread)
            } else {
                Unmanaged<WorkerContext>.fromOpaque(context).release()
                mutex.lock()
                running -= 1
                if failure == nil { failure = ExecutionError("Cannot start a worker thread (error \(rc))") }
                mutex.unlock()
            }
        }
    }

    private func work(_ pipeline: Operator) {
        do {
            while true {
                mutex.lock()
                let halt = stopped || failure != nil
                mutex.unlock()
                if halt { break }
                guard let batch = try pipeline.next() else { break }
                if batch.count == 0 { continue }
                mutex.lock()
                while buffer.count >= capacity && !stopped && failure == nil { mutex.wait(&condition) }
                buffer.append(batch)
                pthread_cond_broadcast(&condition)
                mutex.unlock()
            }
        } catch {
            mutex.lock()
            if failure == nil { failure = error }
            mutex.unlock()
        }
        mutex.lock()
        running -= 1
        pthread_cond_broadcast(&condition)
        mutex.unlock()
    }

    /// Tells the workers to finish their current batch and stop.
    func stop() {
        mutex.lock()
        stopped = true
        pthread_cond_broadcast(&condition)
        mutex.unlock()
    }
}

private final class WorkerContext {
    let exchange: ExchangeOperator
    let pipeline: Operator
    init(exchange: ExchangeOperator, pipeline: Operator) {
        self.exchange = exchange
        self.pipeline = pipeline
    }
}
