import CZlib

/// gzip (and zlib) block decompression: members are decoded one after another until the input ends, as gzip
/// itself does for concatenated files.
extension BlockDecompressor {
    static func gzip(_ input: UnsafeRawBufferPointer, _ output: UnsafeMutableRawBufferPointer) throws(DecompressError) {
        guard let src = input.baseAddress, !input.isEmpty else {
            throw DecompressError(codec: .gzip, message: "empty input")
        }
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer { inflateEnd(stream); stream.deinitialize(count: 1); stream.deallocate() }
        // 15 + 32: a 32 KiB window with automatic gzip / zlib header detection.
        guard inflateInit2_(stream, 15 + 32, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw DecompressError(codec: .gzip, message: "cannot initialise zlib")
        }
        var scratch: UInt8 = 0
        var inPos = 0, outPos = 0
        while inPos < input.count {
            stream.pointee.next_in = UnsafeMutablePointer(mutating: (src + inPos).assumingMemoryBound(to: UInt8.self))
            stream.pointee.avail_in = UInt32(clamping: input.count - inPos)
            let status: Int32 = withUnsafeMutablePointer(to: &scratch) { fallback in
                stream.pointee.next_out = output.baseAddress.map { ($0 + outPos).assumingMemoryBound(to: UInt8.self) } ?? fallback
                stream.pointee.avail_out = UInt32(clamping: output.count - outPos)
                let before = stream.pointee.avail_out
                let inBefore = stream.pointee.avail_in
                let status = inflate(stream, Z_FINISH)
                outPos += Int(before - stream.pointee.avail_out)
                inPos += Int(inBefore - stream.pointee.avail_in)
                return status
            }
            switch status {
            case Z_STREAM_END:
                guard inflateReset(stream) == Z_OK else { throw DecompressError(codec: .gzip, message: "reset failed") }
                // Trailing zero padding after the last member is tolerated, as gzip does.
                if (inPos..<input.count).allSatisfy({ input[$0] == 0 }) { inPos = input.count }
            case Z_BUF_ERROR where outPos == output.count:
                throw DecompressError(codec: .gzip, message: "data decompresses to more than \(output.count) bytes")
            case Z_BUF_ERROR:
                throw DecompressError(codec: .gzip, message: "truncated input")
            default:
                let detail = stream.pointee.msg.map { String(cString: $0) } ?? "code \(status)"
                throw DecompressError(codec: .gzip, message: "corrupt data (\(detail))")
            }
        }
        guard outPos == output.count else {
            throw DecompressError(codec: .gzip, message: "decompressed to \(outPos) bytes, expected \(output.count)")
        }
    }
}
