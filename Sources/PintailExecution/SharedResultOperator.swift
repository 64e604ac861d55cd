import PintailCore
import PintailPlanner

/// A WITH query referenced more than once (`LogicalPlan.shared`), computed once per statement: the first reference
/// to ask runs it to its end and keeps its batches; every reference then reads them all. A failure fails every
/// reference with the same error.
final class SharedResult: @unchecked Sendable {
    private let mutex = MutexBox()
    private var batches: [Batch]? = nil
    private var failure: Error? = nil
    private let compute: () throws -> [Batch]

    init(compute: @escaping () throws -> [Batch]) { self.compute = compute }

    /// The batches; the caller that finds them missing computes them while the others wait on the lock.
    func all() throws -> [Batch] {
        mutex.lock()
        defer { mutex.unlock() }
        if let batches { return batches }
        if let failure { throw failure }
        do {
            let computed = try compute()
            batches = computed
            return computed
        } catch {
            failure = error
            throw error
        }
    }
}

/// The statement's shared results, one per `SharedSubplan` instance.
final class SharedResults: @unchecked Sendable {
    private let mutex = MutexBox()
    private var results: [ObjectIdentifier: SharedResult] = [:]

    func result(for subplan: SharedSubplan, make: () -> SharedResult) -> SharedResult {
        mutex.lock()
        defer { mutex.unlock() }
        if let r = results[ObjectIdentifier(subplan)] { return r }
        let r = make()
        results[ObjectIdentifier(subplan)] = r
        return r
    }
}

/// One reference to a shared result: its batches, in order.
final class SharedResultOperator: Operator {
    private let shared: SharedResult
    private var batches: [Batch]? = nil
    private var position = 0

    init(_ shared: SharedResult) { self.shared = shared }

    func next() throws -> Batch? {
        if batches == nil { batches = try shared.all() }
        guard let batches, position < batches.count else { return nil }
        position += 1
        return batches[position - 1]
    }
}
