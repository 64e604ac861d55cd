import CZstd
#if canImport(Glibc)
import Glibc
#endif

/// One ZSTD decompression context per thread, reused for every page that thread decompresses.
/// `ZSTD_decompress` creates and frees a context (about 160 KB) on each call, which costs more than decoding a
/// small page; a context is not thread-safe, hence one per thread, freed when the thread exits.
enum ZstdDecompressionContext {
    private static let key: pthread_key_t? = {
        var key = pthread_key_t()
        let status = pthread_key_create(&key) { context in
            if let context { ZSTD_freeDCtx(OpaquePointer(context)) }
        }
        return status == 0 ? key : nil
    }()

    /// The calling thread's context, created on first use; nil only when the allocation fails.
    static func current() -> OpaquePointer? {
        guard let key else { return nil }
        if let existing = pthread_getspecific(key) { return OpaquePointer(existing) }
        guard let context = ZSTD_createDCtx() else { return nil }
        guard pthread_setspecific(key, UnsafeRawPointer(context)) == 0 else {
            ZSTD_freeDCtx(context)
            return nil
        }
        return context
    }
}
