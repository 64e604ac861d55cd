/// The product_id, product_parent and product_title text of the most popular products (Zipf ranks 1...1,024, drawn
/// for half to nine tenths of a category's rows), kept after a product's first row: later rows copy the three
/// strings instead of mixing keys and formatting them again. The text is what formatting gives, so rows do not change.
struct ProductTextCache: @unchecked Sendable {
    static let ranks = 1024
    /// Per entry: a filled flag, the three lengths, then the three strings back to back.
    private static let entryBytes = 128
    private static let textBytes = entryBytes - 4

    private final class Storage {
        let entries: UnsafeMutablePointer<UInt8>

        init() {
            let count = ProductTextCache.ranks * ProductTextCache.entryBytes + GrowableBuffer<UInt8>.slack
            entries = .allocate(capacity: count)
            entries.initialize(repeating: 0, count: count)
        }

        deinit { entries.deallocate() }
    }

    private let storage: Storage
    private let entries: UnsafeMutablePointer<UInt8>

    init() {
        storage = Storage()
        entries = storage.entries
    }

    /// Appends rank's three strings to `sink` (ending each field) when they are kept; false otherwise.
    @inline(__always)
    func append<Sink: ReviewSink>(rank: Int, to sink: inout Sink) -> Bool {
        guard rank >= 1 && rank <= Self.ranks else { return false }
        let entry = entries + (rank - 1) * Self.entryBytes
        guard entry[0] != 0 else { return false }
        let idLength = Int(entry[1]), parentLength = Int(entry[2]), titleLength = Int(entry[3])
        sink[.productId].appendShort(entry + 4, count: idLength)
        sink.end(.productId)
        sink[.productParent].appendShort(entry + 4 + idLength, count: parentLength)
        sink.end(.productParent)
        sink[.productTitle].appendShort(entry + 4 + idLength + parentLength, count: titleLength)
        sink.end(.productTitle)
        return true
    }

    /// Keeps rank's strings (the sink's bytes id, parent and title), if rank is kept and they fit.
    func keep(rank: Int, id: UnsafeBufferPointer<UInt8>, parent: UnsafeBufferPointer<UInt8>,
              title: UnsafeBufferPointer<UInt8>) {
        guard rank >= 1 && rank <= Self.ranks, id.count + parent.count + title.count <= Self.textBytes,
              let idBase = id.baseAddress, let parentBase = parent.baseAddress, let titleBase = title.baseAddress
        else { return }
        let entry = entries + (rank - 1) * Self.entryBytes
        entry[1] = UInt8(id.count)
        entry[2] = UInt8(parent.count)
        entry[3] = UInt8(title.count)
        (entry + 4).update(from: idBase, count: id.count)
        (entry + 4 + id.count).update(from: parentBase, count: parent.count)
        (entry + 4 + id.count + parent.count).update(from: titleBase, count: title.count)
        entry[0] = 1
    }
}
