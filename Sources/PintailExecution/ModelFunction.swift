import PintailCore
import PintailML
import Synchronization

/// Model endpoint calls inside the vectorized executor: each batch's texts are deduplicated, looked up in a cache
/// that lives as long as the query (so a function used in SELECT and WHERE runs the model once per text), and the
/// rest go to the model in one call, which sorts them by length and spreads them over all cores. NULL gives NULL.
final class ModelFunction: @unchecked Sendable {
    private let task: String
    private let folder: String
    private var cache: [String: String] = [:]
    private let lock = MutexBox()

    init(task: String, folder: String) {
        self.task = task
        self.folder = folder
    }

    func evaluate(_ input: Vector) throws -> Vector {
        let v = input.flattened()
        guard let texts = v.byteColumn else { throw ExecutionError("internal: model functions take varchar") }
        var pending: [String] = []
        var seen = Set<String>()
        var rowText = [String?](repeating: nil, count: v.count)
        lock.lock()
        for i in 0..<v.count where v.isValid(i) {
            let t = texts.string(at: i)
            rowText[i] = t
            if cache[t] == nil, seen.insert(t).inserted { pending.append(t) }
        }
        lock.unlock()
        if !pending.isEmpty {
            try StatementControl.checkCancelled()
            let model = try ModelRuntime.shared.model(folder: folder)
            // The callback runs after every mini-batch, on any worker thread: count what was scored since the
            // last call and stop when the front end asked for cancellation.
            let reported = ReportedCount()
            let progress: ProgressHandler = { done, _ in
                StatementControl.didScore(reported.advance(to: done))
                return !StatementControl.isCancelRequested
            }
            let answers: [String]
            do {
                if task == "star_rating" {
                    answers = try model.starRatings(pending, progress: progress).map { String($0) }
                } else {
                    answers = try model.predict(pending, progress: progress).map(\.rawValue)
                }
            } catch where error.kind == .cancelled {
                throw ExecutionError(StatementControl.cancelledMessage)
            } catch {
                throw ExecutionError("Model endpoint failed: \(error)")
            }
            lock.lock()
            for (t, a) in zip(pending, answers) { cache[t] = a }
            lock.unlock()
        }
        var out = ByteColumn()
        lock.lock()
        for i in 0..<v.count {
            if let t = rowText[i], let a = cache[t] { out.append(a) } else { out.appendEmpty() }
        }
        lock.unlock()
        return Vector(type: .string, count: v.count, storage: .bytes(out), validity: v.flatValidity)
    }
}

/// How many texts of one model call were already counted, so each progress call adds only the new ones.
private final class ReportedCount: Sendable {
    private let last = Mutex(0)
    func advance(to done: Int) -> Int {
        last.withLock { last in
            defer { last = max(last, done) }
            return max(done - last, 0)
        }
    }
}

/// Loaded models, shared by every query of the process (loading reads ~90 MB of weights).
final class ModelRuntime: @unchecked Sendable {
    static let shared = ModelRuntime()
    private let lock = MutexBox()
    private var models: [String: SentimentModel] = [:]

    func model(folder: String) throws -> SentimentModel {
        lock.lock()
        defer { lock.unlock() }
        if let m = models[folder] { return m }
        do {
            let m = try SentimentModel(folder: folder)
            models[folder] = m
            return m
        } catch {
            throw ExecutionError("Cannot load the model in '\(folder)': \(error). Run Scripts/setup.sh to fetch the built-in model.")
        }
    }
}
