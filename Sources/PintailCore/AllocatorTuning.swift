#if canImport(Glibc)
import Glibc
#endif

/// glibc's malloc settings for a query engine's allocation pattern. Batches, decompressed Parquet pages and hash
/// tables are megabytes each, allocated and freed thousands of times a query. By default glibc serves blocks over
/// its (adaptive) mmap threshold with fresh mmaps and gives freed memory at the top of a heap back to the kernel
/// past 128 KB, so the kernel zeroes the same pages again and again: page faults took a quarter of a lineitem
/// scan's CPU time (TPC-H sf 1), and a tenth of the data generator's (its batches' columns become arrays). Keeping blocks up to 32 MB in the heap and trimming only past 256 MB removes
/// most of them; memory a query freed stays ready for the next batch, up to that bound.
public enum AllocatorTuning {
    /// glibc's `mallopt` parameters (malloc.h).
    private static let trimThreshold: Int32 = -1
    private static let mmapThreshold: Int32 = -3

    /// Applies the settings once per process, unless the user set glibc's malloc tunables or variables.
    public static let applied: Bool = {
        #if canImport(Glibc)
        let environment = ["GLIBC_TUNABLES", "MALLOC_TRIM_THRESHOLD_", "MALLOC_MMAP_THRESHOLD_", "MALLOC_TOP_PAD_"]
        guard environment.allSatisfy({ getenv($0) == nil }) else { return false }
        // mallopt is not in Swift's Glibc module; glibc exports it, so look it up.
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return false }
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        return mallopt(mmapThreshold, 32 << 20) == 1 && mallopt(trimThreshold, 256 << 20) == 1
        #else
        return false
        #endif
    }()

    #if canImport(Glibc)
    private typealias MallocTrim = @convention(c) (Int) -> Int32
    private static let mallocTrim: MallocTrim? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim")
        .map { unsafeBitCast($0, to: MallocTrim.self) }
    #endif

    /// Hands what statements freed back to the kernel (every arena), so that the heap kept for speed is not held by
    /// an idle interactive session. Not after every statement: the next one would fault the pages in again (TPC-H
    /// Q10 took 21 % longer when the benchmark's session trimmed after each query).
    public static func releaseFreeMemory() {
        #if canImport(Glibc)
        guard applied, let mallocTrim else { return }
        _ = mallocTrim(0)
        #endif
    }
}
