#if canImport(Glibc)
import Glibc
#endif
import PintailCore

/// Runs several copies of a pipeline (scan, filters, projections) on worker threads, one per core, and hands their
/// batches to the single consumer above it. The copies share one morsel queue, so the work spreads by itself; the
/// consumer sees batches in no particular order. A bounded buffer keeps memory flat, and when the consumer stops
/// early (a LIMIT) the workers are told to stop.
///
/// The consumer sleeps until half the buffer has filled (or the workers are done), not until the first batch: the
/// workers already use every core, so each wake-up is a context switch that takes a core from one of them. Waking it
/// for every batch cost TPC-H Q7 about 4,000 context switches a run.
final class ExchangeOperator: Operator, @unchecked Sendable {
    private let pipelines: [Operator]
    private let mutex = MutexBox()
    /// The consumer waits here for batches; workers wait on `roomInBuffer` when the buffer is full.
    private var batchesReady = pthread_cond_t()
    private var roomInBuffer = pthread_cond_t()
    private var buffer: [Batch] = []
    private let capacity: Int
    /// Buffered batches that wake a sleeping consumer.
    private let wakeCount: Int
    private var consumerWaiting = false
    private var workersWaiting = 0
    private var running = 0
    private var started = false
    private var stopped = false
    private var failure: Error? = nil
    private var threads: [pthread_t] = []

    init(pipelines: [Operator]) {
        self.pipelines = pipelines
        capacity = max(8, pipelines.count * 4)
        wakeCount = capacity / 2
        pthread_cond_init(&batchesReady, nil)
        pthread_cond_init(&roomInBuffer, nil)
    }

    deinit {
        stop()
        for t in threads { pthread_join(t, nil) }
        pthread_cond_destroy(&batchesReady)
        pthread_cond_destroy(&roomInBuffer)
    }

    func next() throws -> Batch? {
        if !started { start() }
        mutex.lock()
        defer { mutex.unlock() }
        while true {
            if let failure { throw failure }
            if !buffer.isEmpty {
                // At most `capacity` batches: shifting the rest down is cheap, and a consumed batch is freed at once.
                let b = buffer.removeFirst()
                if workersWaiting > 0 { pthread_cond_signal(&roomInBuffer) }
                return b
            }
            if running == 0 { return nil }
            consumerWaiting = true
            mutex.wait(&batchesReady)
            consumerWaiting = false
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
                while buffer.count >= capacity && !stopped && failure == nil {
                    workersWaiting += 1
                    mutex.wait(&roomInBuffer)
                    workersWaiting -= 1
                }
                buffer.append(batch)
                if consumerWaiting && buffer.count >= wakeCount { pthread_cond_signal(&batchesReady) }
                mutex.unlock()
            }
        } catch {
            mutex.lock()
            if failure == nil { failure = error }
            mutex.unlock()
        }
        mutex.lock()
        running -= 1
        // The last worker wakes the consumer for what is left; a failure wakes it at once.
        if running == 0 || failure != nil { pthread_cond_signal(&batchesReady) }
        // Another worker may wait for room that a stopped consumer will never make.
        if failure != nil { pthread_cond_broadcast(&roomInBuffer) }
        mutex.unlock()
    }

    /// Tells the workers to finish their current batch and stop.
    func stop() {
        mutex.lock()
        stopped = true
        pthread_cond_broadcast(&roomInBuffer)
        pthread_cond_broadcast(&batchesReady)
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
