#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs recursive-descent parsing on a thread with a generous stack.
///
/// Debug builds spend several KiB of stack per nesting level, and callers may sit on threads with small stacks
/// (512 KiB on macOS secondary threads). The depth guard bounds recursion; this bounds the stack it may need.
enum LargeStack {
    /// Stack size for the parsing thread; virtual memory, committed only as used.
    static let stackSize = 64 << 20

    private final class Job: @unchecked Sendable {
        let body: () -> Void
        init(_ body: @escaping () -> Void) { self.body = body }
    }

    /// Nesting below which parsing runs on the caller's thread: a debug build needs roughly 12 KiB of stack per
    /// level, so this stays well inside a 512 KiB stack; a thread costs 0.1-0.3 ms, more than a typical parse.
    static let inlineNestingLimit = 16

    /// Whether the tokens could nest deeply enough to need a large stack: bracket depth plus every token that can
    /// open a recursion without brackets (prefix operators, NOT, CASE, Hive's `<`).
    static func mayNestDeeply(_ tokens: [Token]) -> Bool {
        var depth = 0
        var deepest = 0
        var prefixes = 0
        for token in tokens {
            if token.kind == .symbol {
                switch token.text {
                case "(", "[":
                    depth += 1
                    deepest = max(deepest, depth)
                case ")", "]": depth -= 1
                case "-", "+", "<": prefixes += 1
                default: break
                }
            } else if token.kind == .word, token.lowercased == "not" || token.lowercased == "case" {
                prefixes += 1
            }
            if deepest + prefixes > inlineNestingLimit { return true }
        }
        return false
    }

    /// Parses `tokens` with `body`, on the caller's thread when they nest shallowly and otherwise on a fresh thread
    /// with `stackSize` bytes of stack.
    static func parse<T>(
        _ tokens: [Token], _ body: (inout Parser) throws(SQLSyntaxError) -> T
    ) throws(SQLSyntaxError) -> T {
        guard mayNestDeeply(tokens) else {
            var parser = Parser(tokens: tokens)
            return try body(&parser)
        }
        return try run { () throws(SQLSyntaxError) -> T in
            var parser = Parser(tokens: tokens)
            return try body(&parser)
        }
    }

    /// Runs `body` on a fresh thread with `stackSize` bytes of stack and waits for it; runs inline if no thread
    /// can be created.
    static func run<T>(_ body: () throws(SQLSyntaxError) -> T) throws(SQLSyntaxError) -> T {
        var outcome: Result<T, SQLSyntaxError>?
        withoutActuallyEscaping(body) { body in
            withUnsafeMutablePointer(to: &outcome) { slot in
                let pointer = UnsafeMutableRawPointer(slot)
                let job = Job {
                    let typed = pointer.assumingMemoryBound(to: Optional<Result<T, SQLSyntaxError>>.self)
                    do throws(SQLSyntaxError) { typed.pointee = .success(try body()) } catch { typed.pointee = .failure(error) }
                }
                if !spawnAndJoin(job) { job.body() }
            }
        }
        guard let outcome else { throw SQLSyntaxError(message: "internal error: parser thread did not run", at: .start) }
        return try outcome.get()
    }

    private static func spawnAndJoin(_ job: Job) -> Bool {
        var attributes = pthread_attr_t()
        guard pthread_attr_init(&attributes) == 0 else { return false }
        defer { pthread_attr_destroy(&attributes) }
        guard pthread_attr_setstacksize(&attributes, stackSize) == 0 else { return false }
        let context = Unmanaged.passRetained(job).toOpaque()
        #if canImport(Darwin)
        var thread: pthread_t?
        #else
        var thread = pthread_t()
        #endif
        let created = pthread_create(&thread, &attributes, { raw in
            #if canImport(Darwin)
            let job = Unmanaged<Job>.fromOpaque(raw).takeRetainedValue()
            #else
            guard let raw else { return nil }
            let job = Unmanaged<Job>.fromOpaque(raw).takeRetainedValue()
            #endif
            job.body()
            return nil
        }, context)
        guard created == 0 else {
            Unmanaged<Job>.fromOpaque(context).release()
            return false
        }
        #if canImport(Darwin)
        guard let thread else { return true }
        #endif
        pthread_join(thread, nil)
        return true
    }
}
