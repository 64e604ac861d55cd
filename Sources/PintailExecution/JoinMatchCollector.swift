/// The build-row matches of a join whose per-worker probe copies each mark the build rows they matched: semi and
/// anti joins that hash their outer rows (TPC-H Q4, Q21, Q22: a few thousand outer rows against millions of
/// subquery rows) and outer joins that keep unmatched build rows. Each copy hands in its marks when its probe
/// input ends; the last copy to finish gets the union and emits the build rows by match, so the output is the one
/// a single probe would give.
final class JoinMatchCollector: @unchecked Sendable {
    private let mutex = MutexBox()
    private var copies = 0
    private var finished = 0
    private var matched: [Bool] = []

    /// Called once per probe copy, before any copy runs.
    func register() {
        mutex.lock()
        copies += 1
        mutex.unlock()
    }

    /// Adds one copy's marks; returns the union of all copies' marks to the last copy to finish, nil to the others.
    func finish(_ marks: [Bool]) -> [Bool]? {
        mutex.lock()
        defer { mutex.unlock() }
        if matched.isEmpty {
            matched = marks
        } else {
            matched.withUnsafeMutableBufferPointer { all in
                marks.withUnsafeBufferPointer { own in
                    for i in 0..<min(all.count, own.count) where own[i] { all[i] = true }
                }
            }
        }
        finished += 1
        return finished == copies ? matched : nil
    }
}
