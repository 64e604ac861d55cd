#if canImport(Glibc)
import Glibc
#endif
import PintailCore
import PintailPlanner

/// One build side shared by the per-worker copies of a join's probe: the first copy to need the table builds it,
/// then all read it. A copy that finds the table being built helps build the pipeline's other tables (it will
/// need them next) before it waits, so a pipeline's tables are built side by side. A failed build fails every
/// copy with the same error.
final class SharedJoinBuild: @unchecked Sendable {
    private let mutex = MutexBox()
    private var condition = pthread_cond_t()
    private var build: Operator?
    private let keys: [CompiledExpression]
    private let types: [DataType]
    private let group: JoinBuildGroup?
    /// Threads a large table is hashed and inserted on.
    private let threads: Int
    /// Whether the table also keeps a bitmap of its keys (for a runtime filter).
    private let keyBitmap: Bool
    private var started = false
    private var built: JoinBuildTable? = nil
    private var failure: Error? = nil

    init(build: Operator, keys: [BoundExpr], types: [DataType], group: JoinBuildGroup?, threads: Int,
         keyBitmap: Bool = false) throws {
        self.build = build
        self.threads = threads
        self.keyBitmap = keyBitmap
        self.keys = try keys.map(ExpressionCompiler.compile)
        self.types = types
        self.group = group
        pthread_cond_init(&condition, nil)
        group?.add(self)
    }

    deinit { pthread_cond_destroy(&condition) }

    var keyless: Bool { keys.isEmpty }

    func table() throws -> JoinBuildTable {
        if try buildIfUnstarted() == false {
            group?.helpBuild()
        }
        mutex.lock()
        defer { mutex.unlock() }
        while built == nil && failure == nil { mutex.wait(&condition) }
        if let failure { throw failure }
        guard let built else { throw ExecutionError("join build side is missing") }
        return built
    }

    /// Builds the table if no copy has started it; false when another copy has.
    @discardableResult
    func buildIfUnstarted() throws -> Bool {
        mutex.lock()
        guard !started, let build else { mutex.unlock(); return false }
        started = true
        mutex.unlock()
        var result: Result<JoinBuildTable, Error>
        do { result = .success(try JoinBuildTable(build: build, keys: keys, types: types, threads: threads,
                                                       keyBitmap: keyBitmap)) } catch { result = .failure(error) }
        mutex.lock()
        switch result {
        case .success(let table): built = table
        case .failure(let error): failure = error
        }
        self.build = nil  // Its batches now live in the table; let the operator tree go.
        pthread_cond_broadcast(&condition)
        mutex.unlock()
        if case .failure(let error) = result { throw error }
        return true
    }
}

/// The shared builds of one pipeline's joins, so that a waiting copy can start another one.
final class JoinBuildGroup: @unchecked Sendable {
    private let mutex = MutexBox()
    /// Weak: each build holds its group.
    private struct Member { weak var build: SharedJoinBuild? }
    private var members: [Member] = []

    func add(_ build: SharedJoinBuild) {
        mutex.lock()
        members.append(Member(build: build))
        mutex.unlock()
    }

    /// Builds every table no copy has started yet; errors surface when a copy asks for that table.
    func helpBuild() {
        mutex.lock()
        let all = members.compactMap(\.build)
        mutex.unlock()
        for b in all { _ = try? b.buildIfUnstarted() }
    }
}
