import CZlib

/// Streaming gzip decompression in bounded memory: feed compressed chunks, receive decompressed bytes in pieces of
/// at most `outputChunkSize`. Concatenated members are decoded one after another; `finish()` reports input that
/// ends inside a member. Use one decoder per stream, from one thread at a time.
public final class GzipStreamDecoder {
    private let stream: UnsafeMutablePointer<z_stream>
    private var output: [UInt8]
    private var inMember = false
    private var sawAnyInput = false
    private var failed = false
    /// Total decompressed bytes emitted so far.
    public private(set) var bytesOut = 0
    /// Total compressed bytes consumed so far.
    public private(set) var bytesIn = 0

    public init(outputChunkSize: Int = 1 << 16) throws {
        stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        output = [UInt8](repeating: 0, count: max(outputChunkSize, 1024))
        guard inflateInit2_(stream, 15 + 32, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            // Every stored property is set, so deinit runs and frees the stream (inflateEnd refuses a stream
            // that was never initialised): freeing it here too would free it twice.
            throw DecompressError(codec: .gzip, message: "cannot initialise zlib")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// Decodes one chunk of compressed input, calling `emit` with each piece of output (valid only during the call).
    public func decode(_ chunk: UnsafeRawBufferPointer, emit: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard !failed else { throw DecompressError(codec: .gzip, message: "decoder already failed") }
        guard let base = chunk.baseAddress, !chunk.isEmpty else { return }
        sawAnyInput = true
        var pos = 0
        while pos < chunk.count {
            if !inMember {
                // Zero padding between or after members is skipped, as gzip does.
                if chunk[pos] == 0 { pos += 1; bytesIn += 1; continue }
                inMember = true
            }
            stream.pointee.next_in = UnsafeMutablePointer(mutating: (base + pos).assumingMemoryBound(to: UInt8.self))
            stream.pointee.avail_in = UInt32(clamping: chunk.count - pos)
            let status = try inflateAvailable(emit: emit)
            let consumed = (chunk.count - pos) - Int(stream.pointee.avail_in)
            pos += consumed
            bytesIn += consumed
            if status == Z_STREAM_END {
                inMember = false
                guard inflateReset(stream) == Z_OK else { throw fail("reset failed") }
            }
        }
    }

    /// Convenience form for arrays.
    public func decode(_ chunk: [UInt8], emit: (UnsafeRawBufferPointer) throws -> Void) throws {
        try chunk.withUnsafeBytes { try decode($0, emit: emit) }
    }

    /// Declares the end of input; throws when it stopped inside a member (truncated file) or held no gzip data.
    public func finish() throws {
        if inMember { throw fail("truncated input: the stream ends inside a gzip member") }
        if !sawAnyInput { throw fail("empty input") }
    }

    /// Runs inflate until the current input is used up or a member ends.
    private func inflateAvailable(emit: (UnsafeRawBufferPointer) throws -> Void) throws -> Int32 {
        while true {
            let (status, produced) = output.withUnsafeMutableBufferPointer { out -> (Int32, Int) in
                stream.pointee.next_out = out.baseAddress
                stream.pointee.avail_out = UInt32(out.count)
                let status = inflate(stream, Z_NO_FLUSH)
                return (status, out.count - Int(stream.pointee.avail_out))
            }
            if produced > 0 {
                bytesOut += produced
                try output.withUnsafeBytes { try emit(UnsafeRawBufferPointer(rebasing: $0[0..<produced])) }
            }
            switch status {
            case Z_STREAM_END: return status
            case Z_OK:
                if stream.pointee.avail_in == 0 && stream.pointee.avail_out > 0 { return status }
            case Z_BUF_ERROR:
                // No progress possible: input used up (more may come in the next chunk).
                return status
            default:
                let detail = stream.pointee.msg.map { String(cString: $0) } ?? "code \(status)"
                throw fail("corrupt data after \(bytesIn) compressed bytes (\(detail))")
            }
        }
    }

    private func fail(_ message: String) -> DecompressError {
        failed = true
        return DecompressError(codec: .gzip, message: message)
    }
}
