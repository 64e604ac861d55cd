import PintailCodecs

/// Decompresses a gzip file as it is read (concatenated members included), holding at most one decoded compressed
/// chunk in memory.
public struct GzipChunkSource: ByteChunkSource {
    private var file: FileChunkSource
    private let decoder: GzipStreamDecoder
    private var pending: [UInt8] = []
    private var pendingStart = 0
    private var compressed = [UInt8](repeating: 0, count: 64 << 10)
    private var finished = false

    public init(path: String) throws {
        file = try FileChunkSource(path: path)
        decoder = try GzipStreamDecoder()
    }

    public var fileBytesRead: Int { file.fileBytesRead }

    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while pendingStart == pending.count {
            if finished { return 0 }
            pending.removeAll(keepingCapacity: true)
            pendingStart = 0
            let n = try compressed.withUnsafeMutableBytes { try file.read(into: $0) }
            do {
                if n == 0 {
                    finished = true
                    file.close()
                    // An empty file is an empty table, not a broken one.
                    if file.fileBytesRead > 0 { try decoder.finish() }
                    return 0
                }
                try compressed.withUnsafeBytes { raw in
                    try decoder.decode(UnsafeRawBufferPointer(rebasing: raw[0..<n])) { pending.append(contentsOf: $0) }
                }
            } catch {
                throw TextFileError(path: file.path, message: "corrupt gzip data: \(error)")
            }
        }
        let count = min(buffer.count, pending.count - pendingStart)
        pending.withUnsafeBytes { src in
            buffer.baseAddress!.copyMemory(from: src.baseAddress! + pendingStart, byteCount: count)
        }
        pendingStart += count
        return count
    }
}
