import Foundation

/// Appends each category's later gzip members (parts 1, 2, ...) to the category's file as soon as every part before
/// them is written, on the thread that finished the last of those, so that the copying overlaps the generation of
/// other parts instead of following all of it (100 M rows copy about 4 GB of members: 8 s at the end, on one thread).
final class TSVPartJoiner: @unchecked Sendable {
    private let lock = NSLock()
    private let writer: LakeWriter
    /// Per category: the parts written and not yet appended, the next part to append (part 0 is the file itself),
    /// and whether a thread is appending now.
    private var written: [Set<Int>]
    private var next: [Int]
    private var appending: [Bool]

    init(writer: LakeWriter, categories: Int) {
        self.writer = writer
        written = Array(repeating: [], count: categories)
        next = Array(repeating: 0, count: categories)
        appending = Array(repeating: false, count: categories)
    }

    /// Part `part` of `category` is written: appends it, and the parts after it that are written, when its turn has
    /// come; otherwise the thread that writes the missing part does.
    func written(category: Int, part: Int) throws {
        lock.lock()
        written[category].insert(part)
        lock.unlock()
        while let turn = take(category) {
            defer { done(category, turn) }
            if turn > 0 { try writer.appendTSVPart(category: category, part: turn) }
        }
    }

    /// The number of parts of `category` in its file (part 0 included).
    func joined(category: Int) -> Int {
        lock.lock()
        defer { lock.unlock() }
        return next[category]
    }

    private func take(_ category: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard !appending[category], written[category].contains(next[category]) else { return nil }
        appending[category] = true
        return next[category]
    }

    private func done(_ category: Int, _ part: Int) {
        lock.lock()
        defer { lock.unlock() }
        written[category].remove(part)
        next[category] = part + 1
        appending[category] = false
    }
}
