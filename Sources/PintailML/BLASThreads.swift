import COpenBLAS
#if canImport(Glibc)
import Glibc
#endif

/// OpenBLAS starts a thread pool when the library loads, and an idle pool thread spins in `sched_yield` for about
/// 2^28 cycles (a tenth of a second) before it sleeps. Every process that links the model pays it, and on two cores
/// it takes much of a core from a query that never touches the model: a one-shot TPC-H Q7 from the shell went
/// 0.25 -> 0.21 s without it. The model runs OpenBLAS single-threaded (it splits batches over the cores itself),
/// so the pool is never needed: an engine sets OpenBLAS to one thread and stops the pool as soon as it starts.
public enum BLASThreads {
    public static let singleThreaded: Void = {
        openblas_set_num_threads(1)
        // Exported by OpenBLAS's threaded builds (its fork handler calls it), not by the serial one: looked up at
        // run time so that any of Debian's OpenBLAS variants works. It joins the pool's threads; OpenBLAS starts
        // them again by itself should a multi-threaded call ever need them.
        if let symbol = dlsym(nil, "blas_thread_shutdown_") {
            typealias Shutdown = @convention(c) () -> Int32
            _ = unsafeBitCast(symbol, to: Shutdown.self)()
        }
    }()
}
