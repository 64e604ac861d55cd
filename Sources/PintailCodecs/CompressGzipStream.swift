import CZlib

/// Streams deflate output with a gzip header to a sink, chunk by chunk, in bounded memory (one 256 KiB output
/// buffer). Used for gzip TSV files. Call `finish()` once at the end; the sink then has the complete gzip member.
public final class GzipStreamWriter {
    public typealias Sink = (UnsafeRawBufferPointer) throws -> Void
    // zlib remembers the stream's address, so it lives at a fixed one.
    private let stream: UnsafeMutablePointer<z_stream>
    private var output: UnsafeMutableRawBufferPointer
    private let sink: Sink
    private var finished = false
    private var initialized = false

    /// `level` 1 (fastest) ... 9 (smallest).
    public init(level: Int = 6, sink: @escaping Sink) throws {
        self.sink = sink
        output = UnsafeMutableRawBufferPointer.allocate(byteCount: 256 * 1024, alignment: 16)
        stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        guard GzipDeflate.initialize(stream, level: Int32(min(max(level, 1), 9))) == Z_OK else {
            output.deallocate()
            stream.deallocate()
            throw CompressError(codec: .gzip, message: "deflateInit2 failed")
        }
        initialized = true
    }

    deinit {
        if initialized {
            deflateEnd(stream)
            output.deallocate()
            stream.deallocate()
        }
    }

    public func write(_ chunk: UnsafeRawBufferPointer) throws {
        guard !finished else { throw CompressError(codec: .gzip, message: "write after finish") }
        guard !chunk.isEmpty else { return }
        stream.pointee.next_in = UnsafeMutablePointer(mutating: chunk.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.pointee.avail_in = uInt(chunk.count)
        while stream.pointee.avail_in > 0 { try pump(Z_NO_FLUSH) }
    }

    public func write(_ chunk: [UInt8]) throws {
        try chunk.withUnsafeBytes { try write($0) }
    }

    /// Flushes the remaining input and the gzip trailer.
    public func finish() throws {
        guard !finished else { return }
        finished = true
        stream.pointee.next_in = nil
        stream.pointee.avail_in = 0
        while try pump(Z_FINISH) != Z_STREAM_END {}
    }

    /// One deflate call into the output buffer, which is handed to the sink when anything was produced.
    @discardableResult
    private func pump(_ flush: Int32) throws -> Int32 {
        stream.pointee.next_out = output.baseAddress?.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_out = uInt(output.count)
        let status = deflate(stream, flush)
        guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
            throw CompressError(codec: .gzip, message: "deflate returned \(status)")
        }
        let produced = output.count - Int(stream.pointee.avail_out)
        if produced > 0 { try sink(UnsafeRawBufferPointer(rebasing: output[0..<produced])) }
        return status
    }
}
